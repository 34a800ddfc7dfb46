/**
 * Regenerates the committed icons: build/icon.ico (16/32/48/256, the app and installer icon),
 * build/icon.png (512, for Linux/electron-builder) and the tray icons in build/tray/ (copied next to
 * the built main process). Run: npx tsx tools/icon/make-icons.ts
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderLogo } from './draw';
import { encodeIco, encodePng } from './ico';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const buildDir = join(root, 'build');
mkdirSync(join(buildDir, 'tray'), { recursive: true });

const ico = (sizes: number[]) => encodeIco(sizes.map((size) => ({ size, rgba: renderLogo(size) })));
const png = (size: number) => encodePng(size, renderLogo(size));

const outputs: [string, Buffer][] = [
  ['icon.ico', ico([16, 32, 48, 256])],
  ['icon.png', png(512)],
  // Windows picks the tray size matching the display scale (100% to 200%).
  ['tray/tray.ico', ico([16, 20, 24, 32])],
  ['tray/tray.png', png(16)],
  ['tray/tray@2x.png', png(32)],
];
for (const [name, data] of outputs) {
  writeFileSync(join(buildDir, name), data);
  console.log(`wrote build/${name} (${data.length} bytes)`);
}
