/**
 * The one way tests and scripts start a browser: Debian's Chromium, headless, with nothing
 * that phones home. When Chromium is missing this throws with the install command: a browser
 * gate must fail loudly, never skip.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function requireChromium(path = CHROMIUM_PATH): string {
  if (!existsSync(path)) {
    throw new Error(
      `Chromium is not installed at ${path}: install chromium: apt-get install -y chromium ` +
        '(or set CHROME_PATH to a Chromium binary). Browser gates never skip.',
    );
  }
  return path;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: requireChromium(), args: CHROMIUM_ARGS, headless: true });
}
