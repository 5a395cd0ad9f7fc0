/// <reference lib="dom" />

declare global {
  /** What the explorer exposes for tests and the console (src/explorer/src/main.ts). */
  interface Window {
    plangraphExplorer: {
      graph: any;
      state(): any;
      mapChart(): any;
      mapCenter(name: string): [number, number] | null;
    };
  }
}

// The one Chromium launch of every browser test (tests/support/chromium.ts).
export { CHROMIUM, launchChromium } from '../support/chromium.ts';
