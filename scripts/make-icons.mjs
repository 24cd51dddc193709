// Draws the toolbar/store icons as PNGs without an image toolchain (none is guaranteed on a fresh
// machine). Run once with `node scripts/make-icons.mjs`; the PNGs are committed under public/icons.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
};

function png(size, pixel) {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const [r, g, b, a] = pixel((x + 0.5) / size, (y + 0.5) / size, 1 / size);
      raw.set([r, g, b, a], y * (size * 4 + 1) + 1 + x * 4);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const clamp = (v) => Math.max(0, Math.min(1, v));
// Signed distances: a rounded square badge with a white key (ring + shaft + two teeth).
const roundedBox = (x, y, r) => {
  const qx = Math.abs(x - 0.5) - (0.5 - r);
  const qy = Math.abs(y - 0.5) - (0.5 - r);
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
};
const box = (x, y, x0, y0, x1, y1) => {
  const qx = Math.max(x0 - x, x - x1);
  const qy = Math.max(y0 - y, y - y1);
  return Math.max(qx, qy);
};
const key = (x, y) => {
  const ring = Math.abs(Math.hypot(x - 0.33, y - 0.5) - 0.13) - 0.055;
  const shaft = box(x, y, 0.44, 0.455, 0.82, 0.545);
  const tooth1 = box(x, y, 0.66, 0.5, 0.72, 0.66);
  const tooth2 = box(x, y, 0.76, 0.5, 0.82, 0.62);
  return Math.min(ring, shaft, tooth1, tooth2);
};

for (const size of [16, 32, 48, 128]) {
  const buf = png(size, (x, y, px) => {
    const bg = clamp(0.5 - roundedBox(x, y, 0.22) / px);
    const fg = clamp(0.5 - key(x, y) / px);
    // Indigo badge (#4338ca) with a white key.
    const r = 0x43 + (255 - 0x43) * fg;
    const g = 0x38 + (255 - 0x38) * fg;
    const b = 0xca + (255 - 0xca) * fg;
    return [Math.round(r), Math.round(g), Math.round(b), Math.round(255 * bg)];
  });
  writeFileSync(new URL(`../public/icons/icon-${size}.png`, import.meta.url), buf);
}
console.log('icons written');
