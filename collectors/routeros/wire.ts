/**
 * The RouterOS API wire format (help.mikrotik.com "API"): a sentence is a list of words ended by
 * an empty word; a word is its byte length (1 to 5 bytes, high bits say how many) then the bytes.
 * Pure encode/decode, no sockets, so the framing is tested byte for byte.
 */

/** The length prefix of one word. */
export function encodeLength(n: number): Buffer {
  if (n < 0x80) return Buffer.from([n]);
  if (n < 0x4000) return Buffer.from([(n >> 8) | 0x80, n & 0xff]);
  if (n < 0x200000) return Buffer.from([(n >> 16) | 0xc0, (n >> 8) & 0xff, n & 0xff]);
  if (n < 0x10000000) return Buffer.from([(n >>> 24) | 0xe0, (n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff]);
  const out = Buffer.alloc(5);
  out[0] = 0xf0;
  out.writeUInt32BE(n >>> 0, 1);
  return out;
}

/** How many bytes the length prefix starting with this byte takes. */
function prefixBytes(first: number): number {
  if ((first & 0x80) === 0) return 1;
  if ((first & 0xc0) === 0x80) return 2;
  if ((first & 0xe0) === 0xc0) return 3;
  if ((first & 0xf0) === 0xe0) return 4;
  if (first === 0xf0) return 5;
  // 0xF8-0xFF are control bytes reserved by the protocol; a peer sending one is broken.
  throw new Error(`invalid word length prefix 0x${first.toString(16)}`);
}

/** Decodes the length at `offset`, or undefined when the buffer does not hold all of it yet. */
export function decodeLength(buf: Buffer, offset: number): { length: number; size: number } | undefined {
  if (offset >= buf.length) return undefined;
  const size = prefixBytes(buf[offset]);
  if (offset + size > buf.length) return undefined;
  switch (size) {
    case 1:
      return { length: buf[offset], size };
    case 2:
      return { length: ((buf[offset] & 0x3f) << 8) | buf[offset + 1], size };
    case 3:
      return { length: ((buf[offset] & 0x1f) << 16) | buf.readUInt16BE(offset + 1), size };
    case 4:
      return { length: (buf[offset] & 0x0f) * 0x1000000 + buf.readUIntBE(offset + 1, 3), size };
    default:
      return { length: buf.readUInt32BE(offset + 1), size };
  }
}

export function encodeSentence(words: string[]): Buffer {
  const parts: Buffer[] = [];
  for (const word of words) {
    const bytes = Buffer.from(word, 'utf8');
    parts.push(encodeLength(bytes.length), bytes);
  }
  parts.push(Buffer.from([0]));
  return Buffer.concat(parts);
}

/**
 * Incremental decoder: push() whatever the socket delivered, get back the complete sentences.
 * A word split across TCP segments is kept until the rest arrives.
 */
export class SentenceDecoder {
  private buffer: Buffer = Buffer.alloc(0);
  private words: string[] = [];

  push(chunk: Buffer): string[][] {
    this.buffer = this.buffer.length ? Buffer.concat([this.buffer, chunk]) : chunk;
    const sentences: string[][] = [];
    let offset = 0;
    for (;;) {
      const len = decodeLength(this.buffer, offset);
      if (!len || offset + len.size + len.length > this.buffer.length) break;
      const start = offset + len.size;
      offset = start + len.length;
      if (len.length === 0) {
        sentences.push(this.words);
        this.words = [];
      } else this.words.push(this.buffer.toString('utf8', start, offset));
    }
    this.buffer = this.buffer.subarray(offset);
    return sentences;
  }
}

/** One reply sentence split into its parts: `!re =name=ether1 .tag=3` -> type, attributes, tag. */
export interface Reply {
  type: string;
  attrs: Record<string, string>;
  tag?: string;
}

export function parseReply(words: string[]): Reply {
  const [type = '', ...rest] = words;
  const attrs: Record<string, string> = {};
  let tag: string | undefined;
  for (const word of rest) {
    if (word.startsWith('.tag=')) tag = word.slice(5);
    else if (word.startsWith('=')) {
      // The value may itself contain "=": only the first one after the name separates.
      const eq = word.indexOf('=', 1);
      if (eq < 0) attrs[word.slice(1)] = '';
      else attrs[word.slice(1, eq)] = word.slice(eq + 1);
    }
  }
  // !fatal carries its reason as a bare word, not as =message=.
  if (type === '!fatal' && attrs.message === undefined && rest.length) attrs.message = rest.join(' ');
  return { type, attrs, tag };
}
