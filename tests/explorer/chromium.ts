/// <reference lib="dom" />
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

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

/** Debian's headless Chromium (no downloaded browser); CHROMIUM_PATH names another. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Launches it as every explorer test does: headless, no sandbox, no GPU, no background traffic. */
export function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM))
    throw new Error(
      `no Chromium at ${CHROMIUM}: install Debian's chromium (apt-get install chromium) or set CHROMIUM_PATH`,
    );
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      // The renderer's shared memory in /tmp rather than /dev/shm, which containers often keep small.
      '--disable-dev-shm-usage',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
