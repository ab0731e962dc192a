// Fails early, with instructions, when the Chromium the end-to-end tests drive is missing.
import { accessSync, constants } from 'node:fs';

const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
try {
  accessSync(path, constants.X_OK);
} catch {
  console.error(`
The end-to-end tests need Chromium at ${path}, and it isn't there.

  • Debian/Ubuntu:  sudo apt-get install -y chromium ffmpeg espeak-ng
  • Elsewhere:      npx playwright install chromium, then point CHROMIUM_PATH at it, e.g.
                    CHROMIUM_PATH="$(node -e "console.log(require('playwright-core').chromium.executablePath())")" npm test

(ffmpeg/ffprobe are needed too: the tests use them as independent truth and to make a 500 MB file;
espeak-ng speaks the voices the speakers test tells apart.)
`);
  process.exit(1);
}
const INSTALL = { ffmpeg: 'ffmpeg', ffprobe: 'ffmpeg', 'espeak-ng': 'espeak-ng' };
for (const tool of Object.keys(INSTALL)) {
  const found = (process.env.PATH ?? '').split(':').some((dir) => {
    try {
      accessSync(`${dir}/${tool}`, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
  if (!found) {
    console.error(
      `The end-to-end tests need ${tool} on PATH (Debian: sudo apt-get install -y ${INSTALL[tool]}).`,
    );
    process.exit(1);
  }
}
