// Debian's Chromium, as every browser run of this project launches it: no browser
// downloads are possible here, and without the background-networking flags Chromium
// keeps dialling Google's hosts on a closed network.
export const CHROMIUM_EXECUTABLE = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

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
