import { lengthPrefix, Reader, sentence } from '../../test/peers/routeros/codec';
import { decodeLength, encodeLength, encodeSentence, parseReply, SentenceDecoder } from './wire';

describe('API word length encoding (documented byte patterns)', () => {
  it.each([
    [0, [0x00]],
    [0x7f, [0x7f]],
    [0x80, [0x80, 0x80]],
    [0x3fff, [0xbf, 0xff]],
    [0x4000, [0xc0, 0x40, 0x00]],
    [0x1fffff, [0xdf, 0xff, 0xff]],
    [0x200000, [0xe0, 0x20, 0x00, 0x00]],
    [0xfffffff, [0xef, 0xff, 0xff, 0xff]],
    [0x10000000, [0xf0, 0x10, 0x00, 0x00, 0x00]],
  ])('%i <-> %j', (n, bytes) => {
    expect([...encodeLength(n)]).toEqual(bytes);
    expect(lengthPrefix(n)).toEqual(bytes); // the peer's own implementation agrees
    expect(decodeLength(Buffer.from(bytes), 0)).toEqual({ length: n, size: bytes.length });
  });

  it('refuses the reserved control bytes', () => {
    expect(() => decodeLength(Buffer.from([0xf8]), 0)).toThrow('invalid word length prefix 0xf8');
  });
});

describe('sentences', () => {
  const words = ['!re', '=name=ether1', '=comment=' + 'x'.repeat(200), '=note=a=b', '.tag=7'];

  it('encodes exactly as the peer does and decodes one byte at a time', () => {
    const bytes = encodeSentence(words);
    expect(bytes.equals(sentence(words))).toBe(true);
    const decoder = new SentenceDecoder();
    const got: string[][] = [];
    for (const b of bytes) got.push(...decoder.push(Buffer.from([b])));
    expect(got).toEqual([words]);
  });

  it('splits several sentences from one chunk, and the peer reads what the client writes', () => {
    const chunk = Buffer.concat([encodeSentence(['/login', '=name=a']), encodeSentence(['/quit'])]);
    expect(new SentenceDecoder().push(chunk)).toEqual([['/login', '=name=a'], ['/quit']]);
    expect(new Reader().feed(chunk)).toEqual([['/login', '=name=a'], ['/quit']]);
  });

  it('parses replies: attributes with "=" in the value, .tag, and !fatal reasons', () => {
    expect(parseReply(words)).toEqual({
      type: '!re',
      attrs: { name: 'ether1', comment: 'x'.repeat(200), note: 'a=b' },
      tag: '7',
    });
    expect(parseReply(['!fatal', 'session terminated on request']).attrs.message).toBe(
      'session terminated on request',
    );
  });
});
