/** Debian's chromium by default; CHROMIUM_PATH points elsewhere (e.g. Playwright's own browser). */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Flags verified headless as root on the build machines (../shared/TOOLCHAIN.md). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  // Without these Chromium floods the closed network with connection attempts.
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
