/**
 * How the e2e tests and the benchmarks start Chromium: Debian's build (Playwright cannot download
 * browsers on these machines), with its own network, update and sync traffic off, so none of it
 * lands in a test's or a measurement's way.
 */
export const CHROMIUM_LAUNCH = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
  ],
};
