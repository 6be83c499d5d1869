// Just enough PNG reading for the tests: the IHDR size, and pixels of Chromium's screenshots
// (8-bit RGB/RGBA, not interlaced) to tell a dark card from a light one.
import { inflateSync } from 'node:zlib';

const SIGNATURE = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);

/** @param {Uint8Array} bytes */
export function pngSize(bytes) {
  const b = Buffer.from(bytes);
  if (b.length < 24 || !b.subarray(0, 8).equals(SIGNATURE) || b.toString('latin1', 12, 16) !== 'IHDR') {
    throw new Error('not a PNG');
  }
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

/** @param {Uint8Array} bytes @returns {{ width: number, height: number, rgb: (x: number, y: number) => number[] }} */
export function decodePng(bytes) {
  const b = Buffer.from(bytes);
  const { width, height } = pngSize(b);
  const depth = b[24];
  const colour = b[25];
  const channels = { 2: 3, 6: 4 }[colour];
  if (depth !== 8 || !channels || b[28] !== 0) throw new Error(`unsupported PNG (depth ${depth}, colour ${colour})`);
  const idat = [];
  for (let o = 8; o < b.length;) {
    const len = b.readUInt32BE(o);
    const type = b.toString('latin1', o + 4, o + 8);
    if (type === 'IDAT') idat.push(b.subarray(o + 8, o + 8 + len));
    o += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const px = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const f = raw[y * (stride + 1)];
    for (let x = 0; x < stride; x++) {
      const v = raw[y * (stride + 1) + 1 + x];
      const a = x >= channels ? px[y * stride + x - channels] : 0;
      const up = y > 0 ? px[(y - 1) * stride + x] : 0;
      const c = y > 0 && x >= channels ? px[(y - 1) * stride + x - channels] : 0;
      const p = a + up - c;
      const pa = Math.abs(p - a);
      const pb = Math.abs(p - up);
      const pc = Math.abs(p - c);
      const paeth = pa <= pb && pa <= pc ? a : pb <= pc ? up : c;
      const pred = [0, a, up, (a + up) >> 1, paeth][f];
      if (pred === undefined) throw new Error(`bad PNG filter ${f}`);
      px[y * stride + x] = (v + pred) & 255;
    }
  }
  return { width, height, rgb: (x, y) => [...px.subarray((y * width + x) * channels, (y * width + x) * channels + 3)] };
}

/** Mean relative luminance (0 black … 1 white) of a decoded image, sampled on a grid. */
export function meanLuminance(img) {
  let sum = 0;
  let n = 0;
  for (let y = 0; y < img.height; y += 4) {
    for (let x = 0; x < img.width; x += 4) {
      const [r, g, b] = img.rgb(x, y);
      sum += (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
      n++;
    }
  }
  return sum / n;
}
