/**
 * Writes the add-in icons assets/icon-{16,32,64,80,128}.png with Node built-ins only (zlib + a CRC32):
 * a teal rounded square with a white rising bar chart. Run `node scripts/make-icons.js` after changing it.
 */
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const CRC_TABLE = new Uint32Array(256).map((_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

/** RGBA pixel colour at (x, y) of an s x s icon. */
function pixel(x, y, s) {
  const r = s * 0.18; // corner radius
  const cx = Math.min(Math.max(x + 0.5, r), s - r);
  const cy = Math.min(Math.max(y + 0.5, r), s - r);
  if ((x + 0.5 - cx) ** 2 + (y + 0.5 - cy) ** 2 > r * r) return [0, 0, 0, 0];
  // three bars of rising height
  const bars = [
    [0.2, 0.34, 0.45],
    [0.42, 0.56, 0.65],
    [0.64, 0.78, 0.85],
  ];
  const u = (x + 0.5) / s;
  const v = 1 - (y + 0.5) / s;
  for (const [a, b, h] of bars) if (u >= a && u < b && v >= 0.15 && v < h) return [255, 255, 255, 255];
  return [0, 120, 110, 255];
}

function png(s) {
  const raw = Buffer.alloc(s * (4 * s + 1));
  for (let y = 0; y < s; y++) {
    raw[y * (4 * s + 1)] = 0; // filter: none
    for (let x = 0; x < s; x++) Buffer.from(pixel(x, y, s)).copy(raw, y * (4 * s + 1) + 1 + 4 * x);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(s, 0);
  ihdr.writeUInt32BE(s, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", zlib.deflateSync(raw)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

const out = path.join(__dirname, "..", "assets");
fs.mkdirSync(out, { recursive: true });
for (const s of [16, 32, 64, 80, 128]) fs.writeFileSync(path.join(out, `icon-${s}.png`), png(s));
console.log("wrote assets/icon-{16,32,64,80,128}.png");
