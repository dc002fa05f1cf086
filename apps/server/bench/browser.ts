// The one way the bench starts Chromium: Debian's package (no browser download here), headless,
// with WebGL drawn in software (SwiftShader) so the map renders on machines without a GPU.
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
    ],
  });
}
