import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import type { Lexicon } from './features.ts';
import type { Scorer } from './model.ts';
import { TAG_COUNT } from './tags.ts';

/**
 * The committed model file: gzip of [u32 header length][JSON header][u32 rows][varint bucket deltas]
 * [int16 weights, TAG_COUNT a row]. Only buckets that carry weight after pruning are stored, each
 * weight quantised to 16 bits against one scale; the header holds the transitions and the lexicon.
 */
export const MODEL_FILE = fileURLToPath(new URL('./model.bin.gz', import.meta.url));

export interface Model extends Scorer {
  lexicon: Lexicon;
}

interface Header {
  format: 1;
  bits: number;
  tags: number;
  scale: number;
  transition: number[];
  lexicon: [string, string][];
}

/** Serialises averaged dense weights (bucket-major, TAG_COUNT per bucket); deterministic bytes. */
export function encodeModel(weights: Float64Array, transition: Float64Array, bits: number, lexicon: Lexicon, prune: number): Buffer {
  let max = 0;
  for (const w of weights) max = Math.max(max, Math.abs(w));
  const scale = max / 32767 || 1;
  const rows: number[] = [];
  const minQ = Math.max(1, Math.round(prune / scale));
  for (let b = 0; b < 1 << bits; b++) {
    let keep = false;
    for (let t = 0; t < TAG_COUNT && !keep; t++) keep = Math.abs(Math.round(weights[b * TAG_COUNT + t] / scale)) >= minQ;
    if (keep) rows.push(b);
  }
  const header: Header = { format: 1, bits, tags: TAG_COUNT, scale, transition: [...transition].map((x) => Math.round(x * 1e4) / 1e4), lexicon: [...lexicon] };
  const head = Buffer.from(JSON.stringify(header), 'utf8');
  const varints: number[] = [];
  let prev = 0;
  for (const b of rows) {
    let d = b - prev;
    prev = b;
    while (d >= 0x80) {
      varints.push((d & 0x7f) | 0x80);
      d >>>= 7;
    }
    varints.push(d);
  }
  const values = Buffer.alloc(rows.length * TAG_COUNT * 2);
  rows.forEach((b, r) => {
    for (let t = 0; t < TAG_COUNT; t++) values.writeInt16LE(Math.round(weights[b * TAG_COUNT + t] / scale), (r * TAG_COUNT + t) * 2);
  });
  const u32 = (n: number) => {
    const x = Buffer.alloc(4);
    x.writeUInt32LE(n);
    return x;
  };
  return zlib.gzipSync(Buffer.concat([u32(head.length), head, u32(rows.length), Buffer.from(varints), values]), { level: 9 });
}

/** Reads a model file into a sparse scorer: a rank index of the buckets with rows, and the dequantised rows. */
export function decodeModel(bytes: Buffer): Model {
  const raw = zlib.gunzipSync(bytes);
  const headLen = raw.readUInt32LE(0);
  const header = JSON.parse(raw.subarray(4, 4 + headLen).toString('utf8')) as Header;
  if (header.format !== 1 || header.tags !== TAG_COUNT) throw new Error('ner: unsupported model file');
  let pos = 4 + headLen;
  const n = raw.readUInt32LE(pos);
  pos += 4;
  // Which buckets carry a row, as a bitmap with the number of rows before each 32-bit word beside
  // it (word k at 2k, its count at 2k + 1): 256 kB that stay in cache, where a bucket → row table of
  // 4 MB missed it on most look-ups (about 6 % of buckets have a row; 44 % of look-ups find none).
  const index = new Int32Array(2 << Math.max(0, header.bits - 5));
  let b = 0;
  for (let r = 0; r < n; r++) {
    let d = 0;
    let shift = 0;
    for (;;) {
      const byte = raw[pos++];
      d |= (byte & 0x7f) << shift;
      if (byte < 0x80) break;
      shift += 7;
    }
    b += d;
    index[(b >>> 5) << 1] |= 1 << (b & 31);
  }
  for (let k = 0, rows = 0; k < index.length; k += 2) {
    index[k + 1] = rows;
    rows += popcount(index[k]);
  }
  const rows = new Float32Array(n * TAG_COUNT);
  // Read as little-endian int16 through a DataView: readInt16LE per value was a visible part of loading.
  const view = new DataView(raw.buffer, raw.byteOffset + pos, rows.length * 2);
  for (let k = 0; k < rows.length; k++) rows[k] = view.getInt16(k * 2, true) * header.scale;
  const K = TAG_COUNT;
  return {
    bits: header.bits,
    transition: Float64Array.from(header.transition),
    lexicon: new Map(header.lexicon),
    add(id, out, off) {
      const at = (id >>> 5) << 1;
      const word = index[at];
      const bit = 1 << (id & 31);
      if ((word & bit) === 0) return;
      const base = (index[at + 1] + popcount(word & (bit - 1))) * K;
      if (K === 17) addRow17(out, off, rows, base);
      else for (let t = 0; t < K; t++) out[off + t] += rows[base + t];
    },
  };
}

/**
 * out[off + t] += rows[base + t] for the 17 tags, written out: the loop's counter, compare and branch
 * per tag were a good part of the most frequent operation of tagging (a few million rows a BBC pass).
 * Each sum is the same addition as the loop's, so every score is the same to the last bit.
 */
function addRow17(out: Float64Array, off: number, rows: Float32Array, base: number): void {
  out[off] += rows[base];
  out[off + 1] += rows[base + 1];
  out[off + 2] += rows[base + 2];
  out[off + 3] += rows[base + 3];
  out[off + 4] += rows[base + 4];
  out[off + 5] += rows[base + 5];
  out[off + 6] += rows[base + 6];
  out[off + 7] += rows[base + 7];
  out[off + 8] += rows[base + 8];
  out[off + 9] += rows[base + 9];
  out[off + 10] += rows[base + 10];
  out[off + 11] += rows[base + 11];
  out[off + 12] += rows[base + 12];
  out[off + 13] += rows[base + 13];
  out[off + 14] += rows[base + 14];
  out[off + 15] += rows[base + 15];
  out[off + 16] += rows[base + 16];
}

/** Set bits of a 32-bit integer. */
function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}

let loaded: Model | null = null;
/** The committed model, read once per process on first use. */
export function loadModel(): Model {
  loaded ??= decodeModel(fs.readFileSync(MODEL_FILE));
  return loaded;
}
