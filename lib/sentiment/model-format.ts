/**
 * The on-disk form of the sentiment model: sparse hashed weights, int8-quantised, base64.
 * Layout: "FRS1", hash bits (u8), classes (u8), scale (f32 LE), count (u32 LE), bucket ids as
 * LEB128 deltas, then count × classes int8 weights.
 */

export interface SparseModel {
  hashBits: number;
  classes: number;
  scale: number;
  buckets: Uint32Array;
  /** count × classes, row-major. */
  weights: Int8Array;
}

export function encodeModel(m: SparseModel): Uint8Array {
  const bytes: number[] = [0x46, 0x52, 0x53, 0x31, m.hashBits, m.classes];
  const head = new DataView(new ArrayBuffer(8));
  head.setFloat32(0, m.scale, true);
  head.setUint32(4, m.buckets.length, true);
  bytes.push(...new Uint8Array(head.buffer));
  let prev = 0;
  for (const b of m.buckets) {
    let d = b - prev;
    prev = b;
    do {
      const byte = d & 0x7f;
      d >>>= 7;
      bytes.push(d ? byte | 0x80 : byte);
    } while (d);
  }
  const out = new Uint8Array(bytes.length + m.weights.length);
  out.set(bytes);
  out.set(new Uint8Array(m.weights.buffer, m.weights.byteOffset, m.weights.length), bytes.length);
  return out;
}

export function decodeModel(data: Uint8Array): SparseModel {
  if (data[0] !== 0x46 || data[1] !== 0x52 || data[2] !== 0x53 || data[3] !== 0x31) throw new Error('not a Firstreply sentiment model');
  const hashBits = data[4]!;
  const classes = data[5]!;
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const scale = view.getFloat32(6, true);
  const count = view.getUint32(10, true);
  const buckets = new Uint32Array(count);
  let at = 14;
  let prev = 0;
  for (let i = 0; i < count; i++) {
    let d = 0;
    let shift = 0;
    let byte: number;
    do {
      byte = data[at++]!;
      d |= (byte & 0x7f) << shift;
      shift += 7;
    } while (byte & 0x80);
    prev += d;
    buckets[i] = prev;
  }
  const weights = new Int8Array(data.buffer.slice(data.byteOffset + at, data.byteOffset + at + count * classes));
  return { hashBits, classes, scale, buckets, weights };
}

export function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

/** Uint8Array.fromBase64 where the runtime has it (Chromium 140+), else atob. */
const nativeFromBase64 = (Uint8Array as unknown as { fromBase64?: (text: string) => Uint8Array }).fromBase64;

export function fromBase64(text: string): Uint8Array {
  if (nativeFromBase64) return nativeFromBase64.call(Uint8Array, text);
  const s = atob(text);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}
