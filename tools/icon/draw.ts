/**
 * Draws the TallyConnect mark (a teal rounded tile with three rising white bars on a baseline) as RGBA
 * pixels at any size. Pure: no files, no randomness, so the committed icons can always be regenerated.
 */

const SUPERSAMPLE = 4;
const TILE_TOP = [20, 150, 136] as const; // teal, lighter at the top
const TILE_BOTTOM = [13, 94, 88] as const;
const MARK = [255, 255, 255] as const;

interface Rect {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  r: number;
}

/** Inside a rounded rectangle, in unit coordinates (0..1). */
function inRoundedRect(x: number, y: number, rect: Rect): boolean {
  if (x < rect.x0 || x > rect.x1 || y < rect.y0 || y > rect.y1) return false;
  const cx = Math.min(Math.max(x, rect.x0 + rect.r), rect.x1 - rect.r);
  const cy = Math.min(Math.max(y, rect.y0 + rect.r), rect.y1 - rect.r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= rect.r ** 2;
}

/** Small icons get chunkier shapes so the bars stay readable at 16 px. */
function markShapes(size: number): Rect[] {
  const small = size <= 24;
  const barWidth = small ? 0.2 : 0.16;
  const gap = small ? 0.07 : 0.07;
  const left = 0.5 - (3 * barWidth + 2 * gap) / 2;
  const base = small ? 0.8 : 0.76;
  const heights = small ? [0.28, 0.42, 0.58] : [0.24, 0.38, 0.52];
  const bars = heights.map((h, i) => ({
    x0: left + i * (barWidth + gap),
    x1: left + i * (barWidth + gap) + barWidth,
    y0: base - h,
    y1: base,
    r: small ? 0.02 : 0.03,
  }));
  return bars;
}

export function renderLogo(size: number): Buffer {
  if (!Number.isInteger(size) || size < 8 || size > 1024) {
    throw new Error(`icon size must be an integer between 8 and 1024, got ${size}`);
  }
  const tile: Rect = { x0: 0.02, y0: 0.02, x1: 0.98, y1: 0.98, r: size <= 24 ? 0.18 : 0.2 };
  const bars = markShapes(size);
  const out = Buffer.alloc(size * size * 4);
  const n = SUPERSAMPLE * SUPERSAMPLE;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let tileHits = 0;
      let markHits = 0;
      for (let sy = 0; sy < SUPERSAMPLE; sy++) {
        for (let sx = 0; sx < SUPERSAMPLE; sx++) {
          const x = (px + (sx + 0.5) / SUPERSAMPLE) / size;
          const y = (py + (sy + 0.5) / SUPERSAMPLE) / size;
          if (!inRoundedRect(x, y, tile)) continue;
          tileHits++;
          if (bars.some((bar) => inRoundedRect(x, y, bar))) markHits++;
        }
      }
      const t = py / Math.max(1, size - 1);
      const alpha = tileHits / n;
      const markShare = tileHits ? markHits / tileHits : 0;
      const o = (py * size + px) * 4;
      for (let c = 0; c < 3; c++) {
        const tileColour = TILE_TOP[c]! * (1 - t) + TILE_BOTTOM[c]! * t;
        out[o + c] = Math.round(tileColour * (1 - markShare) + MARK[c]! * markShare);
      }
      out[o + 3] = Math.round(alpha * 255);
    }
  }
  return out;
}
