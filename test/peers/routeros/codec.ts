/**
 * The test peer's own implementation of the API framing (help.mikrotik.com "API", "Protocol"),
 * written separately from collectors/routeros/wire.ts on purpose: a mistake made twice the same
 * way would otherwise pass every test.
 *
 * Length prefix: < 0x80 one byte; < 0x4000 two bytes, first ORed with 0x80; < 0x200000 three,
 * 0xC0; < 0x10000000 four, 0xE0; otherwise 0xF0 and four bytes.
 */
export function lengthPrefix(len: number): number[] {
  const bytesOf = (v: number, count: number) =>
    Array.from({ length: count }, (_, i) => Math.floor(v / 256 ** (count - 1 - i)) % 256);
  if (len < 0x80) return [len];
  if (len < 0x4000) return bytesOf(len + 0x8000, 2);
  if (len < 0x200000) return bytesOf(len + 0xc00000, 3);
  if (len < 0x10000000) return bytesOf(len + 0xe0000000, 4);
  return [0xf0, ...bytesOf(len, 4)];
}

export function sentence(words: string[]): Buffer {
  const out: number[] = [];
  for (const w of words) {
    const bytes = [...Buffer.from(w, 'utf8')];
    out.push(...lengthPrefix(bytes.length), ...bytes);
  }
  out.push(0);
  return Buffer.from(out);
}

/** Reads sentences from a byte stream; keeps an incomplete tail for the next chunk. */
export class Reader {
  private pending: number[] = [];
  private current: string[] = [];

  feed(chunk: Buffer): string[][] {
    this.pending.push(...chunk);
    const done: string[][] = [];
    for (;;) {
      const b = this.pending;
      if (b.length === 0) break;
      const first = b[0];
      let size: number;
      let len: number;
      if (first < 0x80) [size, len] = [1, first];
      else if (first < 0xc0) [size, len] = [2, (first - 0x80) * 256 + (b[1] ?? 0)];
      else if (first < 0xe0) [size, len] = [3, ((first - 0xc0) * 256 + (b[1] ?? 0)) * 256 + (b[2] ?? 0)];
      else if (first < 0xf0)
        [size, len] = [4, (((first - 0xe0) * 256 + (b[1] ?? 0)) * 256 + (b[2] ?? 0)) * 256 + (b[3] ?? 0)];
      else [size, len] = [5, (((b[1] ?? 0) * 256 + (b[2] ?? 0)) * 256 + (b[3] ?? 0)) * 256 + (b[4] ?? 0)];
      if (b.length < size + len) break;
      const word = Buffer.from(b.slice(size, size + len)).toString('utf8');
      this.pending = b.slice(size + len);
      if (len === 0) {
        done.push(this.current);
        this.current = [];
      } else this.current.push(word);
    }
    return done;
  }
}
