// Draws the sessionscope icon (a cookie seen through a lens) as PNGs with no image dependency:
// the icon is simple geometry, so a tiny rasteriser beats pulling in a canvas library.
import { deflateSync } from 'node:zlib';
import { writeFileSync, mkdirSync } from 'node:fs';

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
  const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4); crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
};

function pixel(x, y) {
  const d = (cx, cy) => Math.hypot(x - cx, y - cy);
  if (d(0.8, 0.8) < 0.1 || (Math.abs(x - y) < 0.06 && x > 0.62 && x < 0.92)) return [40, 60, 90, 255]; // handle
  const r = d(0.42, 0.42);
  if (r < 0.36 && r > 0.3) return [40, 60, 90, 255]; // lens rim
  if (r <= 0.3) {
    const chips = [[0.32, 0.32], [0.52, 0.3], [0.4, 0.52], [0.56, 0.5]];
    if (chips.some(([cx, cy]) => d(cx, cy) < 0.045)) return [110, 60, 20, 255];
    return [224, 168, 80, 255]; // cookie
  }
  return [0, 0, 0, 0];
}

function png(size) {
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const px = pixel((x + 0.5) / size, (y + 0.5) / size);
      raw.set(px, y * (size * 4 + 1) + 1 + x * 4);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0); ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; ihdr[9] = 6;
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

mkdirSync('public/icons', { recursive: true });
for (const s of [16, 32, 48, 128]) writeFileSync(`public/icons/icon-${s}.png`, png(s));
