/** LEB128 unsigned varints: positions are small deltas, mostly one byte each. */
export class VarintWriter {
  private bytes = new Uint8Array(64);
  length = 0;

  private reserve(extra: number): void {
    if (this.length + extra <= this.bytes.length) return;
    const grown = new Uint8Array(Math.max(this.bytes.length * 2, this.length + extra));
    grown.set(this.bytes);
    this.bytes = grown;
  }

  /** Appends already-encoded varints. */
  writeBytes(bytes: Uint8Array): void {
    this.reserve(bytes.length);
    this.bytes.set(bytes, this.length);
    this.length += bytes.length;
  }

  write(value: number): void {
    this.reserve(5);
    let v = value >>> 0;
    while (v >= 0x80) {
      this.bytes[this.length++] = (v & 0x7f) | 0x80;
      v >>>= 7;
    }
    this.bytes[this.length++] = v;
  }

  finish(): Uint8Array {
    return this.bytes.slice(0, this.length);
  }
}

/** Decodes the delta-coded varints in bytes[start, end) back into absolute values. */
export function readDeltas(bytes: Uint8Array, start: number, end: number): number[] {
  const values: number[] = [];
  let previous = 0;
  let i = start;
  while (i < end) {
    let value = 0;
    let shift = 0;
    let byte: number;
    do {
      byte = bytes[i++]!;
      value |= (byte & 0x7f) << shift;
      shift += 7;
    } while (byte & 0x80 && i < end && shift < 35);
    previous += value >>> 0;
    values.push(previous);
  }
  return values;
}
