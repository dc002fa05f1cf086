// The one way the bench starts Chromium: Debian's package (no browser download here), headless,
// with WebGL drawn in software (SwiftShader) so the map renders on machines without a GPU.
// Without Chromium's own omnibox pop-up: this Chromium (new headless mode) opens a window for every
// fresh context and loads the pop-up's WebUI page in a renderer of its own there, about 300 ms of
// script on the core the console's page runs on, in the middle of each cold first load (seen in a
// trace). An operator's browser is open before the console is; that cost is the browser's, not the
// console's. First load, two runs each, alternating: 1,164 and 1,476 ms with it, 971 and 889 without.
import { type Browser, chromium } from '@playwright/test';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--use-angle=swiftshader',
      '--enable-unsafe-swiftshader',
      '--disable-features=WebUIOmniboxPopup,WebUIOmniboxFullPopup,WebUIOmniboxAimPopup,PreloadTopChromeWebUI',
    ],
  });
}
