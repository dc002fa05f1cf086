// A component in a chunk of its own that renders at once when its chunk has already arrived.
// React.lazy suspends on its first render even then (it learns the module from a promise), and React
// reveals what a suspended boundary holds no sooner than 300 ms after its fallback was shown (its
// fallback throttle): measured, the console waited 80 ms for that timer after its snapshot had
// arrived. Preloaded while the password is typed, the console's chunk is here by the time it is shown.
import { type ComponentType, lazy, useState } from 'react';

export interface LazyPage<P extends object> {
  /** The component: drawn directly once loaded, else through React.lazy (which suspends meanwhile). */
  Page: ComponentType<P>;
  /** Fetches the chunk now (once; a failure is tried again by the next call or the render). */
  preload(): Promise<ComponentType<P>>;
}

export function lazyPage<P extends object>(load: () => Promise<ComponentType<P>>): LazyPage<P> {
  let loaded: ComponentType<P> | undefined;
  const preload = () =>
    load().then((component) => {
      loaded = component;
      return component;
    });
  const Lazy = lazy(() => preload().then((component) => ({ default: component })));
  // biome-ignore lint/correctness/noComponentHookFactories: made once per page at module level, as React.lazy makes its own
  function Page(props: P) {
    // Chosen once per mount: switching from the lazy wrapper to the loaded component later would
    // remount the page and lose its state.
    const [Loaded] = useState(() => loaded);
    return Loaded ? <Loaded {...props} /> : <Lazy {...props} />;
  }
  return { Page, preload };
}
