import { PNG } from 'pngjs';

/**
 * A Windows .ico container. Sizes up to 48 px are stored as 32-bit DIBs (what every Windows tool,
 * including NSIS and rcedit, reads); 256 px is stored PNG-compressed, as Windows Vista+ expects.
 */
export interface IcoImage {
  size: number;
  /** RGBA, row-major, top row first. */
  rgba: Buffer;
}

export interface IcoEntry {
  width: number;
  height: number;
  bitCount: number;
  format: 'png' | 'bmp';
  data: Buffer;
}

const HEADER = 6;
const ENTRY = 16;
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export function encodePng(size: number, rgba: Buffer): Buffer {
  const png = new PNG({ width: size, height: size });
  rgba.copy(png.data);
  return PNG.sync.write(png);
}

function encodeDib(size: number, rgba: Buffer): Buffer {
  const maskRowBytes = Math.ceil(size / 32) * 4;
  const pixelBytes = size * size * 4;
  const out = Buffer.alloc(40 + pixelBytes + maskRowBytes * size);
  out.writeUInt32LE(40, 0); // BITMAPINFOHEADER
  out.writeInt32LE(size, 4);
  out.writeInt32LE(size * 2, 8); // XOR bitmap + AND mask
  out.writeUInt16LE(1, 12);
  out.writeUInt16LE(32, 14);
  out.writeUInt32LE(0, 16); // BI_RGB
  out.writeUInt32LE(pixelBytes + maskRowBytes * size, 20);
  for (let y = 0; y < size; y++) {
    const row = size - 1 - y; // DIBs are stored bottom-up
    for (let x = 0; x < size; x++) {
      const src = (y * size + x) * 4;
      const dst = 40 + (row * size + x) * 4;
      out[dst] = rgba[src + 2]!;
      out[dst + 1] = rgba[src + 1]!;
      out[dst + 2] = rgba[src]!;
      out[dst + 3] = rgba[src + 3]!;
    }
  }
  // The AND mask stays all zero: transparency comes from the alpha channel.
  return out;
}

export function encodeIco(images: IcoImage[]): Buffer {
  if (images.length === 0) throw new Error('an .ico needs at least one image');
  const payloads = images.map(({ size, rgba }) => {
    if (rgba.length !== size * size * 4)
      throw new Error(`image ${size}px: expected ${size * size * 4} bytes`);
    if (size > 256) throw new Error(`.ico images are at most 256 px, got ${size}`);
    return size >= 256 ? encodePng(size, rgba) : encodeDib(size, rgba);
  });
  const header = Buffer.alloc(HEADER + ENTRY * images.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // type 1 = icon
  header.writeUInt16LE(images.length, 4);
  let offset = header.length;
  images.forEach(({ size }, i) => {
    const e = HEADER + ENTRY * i;
    header[e] = size >= 256 ? 0 : size; // 0 means 256
    header[e + 1] = size >= 256 ? 0 : size;
    header[e + 2] = 0;
    header[e + 3] = 0;
    header.writeUInt16LE(1, e + 4);
    header.writeUInt16LE(32, e + 6);
    header.writeUInt32LE(payloads[i]!.length, e + 8);
    header.writeUInt32LE(offset, e + 12);
    offset += payloads[i]!.length;
  });
  return Buffer.concat([header, ...payloads]);
}

/** Reads an .ico's directory back; used by the tests and to check generated files. */
export function readIco(file: Buffer): IcoEntry[] {
  if (file.length < HEADER || file.readUInt16LE(0) !== 0 || file.readUInt16LE(2) !== 1) {
    throw new Error('not an .ico file (bad header)');
  }
  const count = file.readUInt16LE(4);
  const entries: IcoEntry[] = [];
  for (let i = 0; i < count; i++) {
    const e = HEADER + ENTRY * i;
    if (e + ENTRY > file.length) throw new Error(`.ico directory entry ${i} is truncated`);
    const length = file.readUInt32LE(e + 8);
    const offset = file.readUInt32LE(e + 12);
    if (offset + length > file.length) throw new Error(`.ico image ${i} points past the end of the file`);
    const data = file.subarray(offset, offset + length);
    entries.push({
      width: file[e] || 256,
      height: file[e + 1] || 256,
      bitCount: file.readUInt16LE(e + 6),
      format: data.subarray(0, 8).equals(PNG_SIGNATURE) ? 'png' : 'bmp',
      data,
    });
  }
  return entries;
}
