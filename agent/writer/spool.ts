import {
  closeSync,
  fdatasync,
  fstatSync,
  ftruncateSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  renameSync,
  unlinkSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import type { Logger } from '../log';

/**
 * The durable disk spool: append-only segment files in <dataDir>/spool, replayed in order.
 *
 * Segment `0000000000000042.seg` holds records; a record is a 12-byte header (payload length,
 * line count, CRC-32 of the payload, all uint32 big-endian) and the payload, a batch of line
 * protocol. `ack.json` ({"segment": 42, "offset": 1234}) says how far InfluxDB has taken: every
 * record before it is written. It is replaced atomically (write + rename) after each answer,
 * so a crash between InfluxDB's answer and the rename sends that batch again on restart;
 * InfluxDB stores a point with the same series and timestamp once, so the repeat changes nothing.
 * A record cut short by a crash (or failing its CRC) ends the segment: it is truncated away.
 */

export interface Position {
  segment: number;
  offset: number;
}

interface Segment {
  id: number;
  size: number;
  lines: number;
}

export interface HeadChunk {
  text: string;
  lines: number;
  end: Position;
}

const HEADER = 12;
const ACK = 'ack.json';

export class Spool {
  private segments: Segment[] = [];
  private ack: Position = { segment: 0, offset: 0 };
  /** Lines before the ack position in the head segment (acknowledged, still on disk). */
  private ackedLinesInHead = 0;
  private fd?: number;
  private dirty = false;
  readonly segmentBytes: number;
  /** Lines dropped because the spool was full. */
  droppedLines = 0;

  constructor(
    readonly dir: string,
    private readonly maxBytes: number,
    private readonly log: Logger,
  ) {
    this.segmentBytes = Math.max(64 * 1024, Math.min(64 * 1024 ** 2, Math.floor(maxBytes / 8)));
  }

  /** Reads what a previous run left: segments, the ack position; repairs a torn tail. */
  open(): void {
    this.close();
    this.segments = [];
    this.ackedLinesInHead = 0;
    mkdirSync(this.dir, { recursive: true });
    try {
      this.ack = JSON.parse(readFileSync(join(this.dir, ACK), 'utf8')) as Position;
    } catch {
      this.ack = { segment: 0, offset: 0 };
    }
    const ids = readdirSync(this.dir)
      .filter((f) => /^\d{16}\.seg$/.test(f))
      .map((f) => Number(f.slice(0, 16)))
      .sort((a, b) => a - b);
    for (const id of ids) {
      if (id < this.ack.segment) unlinkSync(this.path(id));
      else this.segments.push(this.scan(id));
    }
    const head = this.segments[0];
    if (head && head.id === this.ack.segment)
      this.ackedLinesInHead = this.countLines(head.id, this.ack.offset);
    this.dropAcknowledged();
  }

  isEmpty(): boolean {
    return this.bytes() === 0;
  }

  /** Bytes not yet taken by InfluxDB. */
  bytes(): number {
    let total = 0;
    for (const s of this.segments) total += s.size;
    const head = this.segments[0];
    return head && head.id === this.ack.segment ? total - this.ack.offset : total;
  }

  lines(): number {
    let total = 0;
    for (const s of this.segments) total += s.lines;
    return total - (this.segments[0]?.id === this.ack.segment ? this.ackedLinesInHead : 0);
  }

  /** Appends one batch; returns where its record ends (for an early acknowledgement). */
  append(text: string, lines: number): Position {
    const payload = Buffer.from(text);
    const header = Buffer.alloc(HEADER);
    header.writeUInt32BE(payload.length, 0);
    header.writeUInt32BE(lines, 4);
    header.writeUInt32BE(crc32(payload), 8);
    let seg = this.segments[this.segments.length - 1];
    if (!seg || this.fd === undefined || seg.size >= this.segmentBytes) seg = this.roll();
    // One write per record: a kill -9 leaves either the whole record in the page cache or a
    // torn tail that open() truncates.
    writeSync(this.fd!, Buffer.concat([header, payload]), 0, HEADER + payload.length, seg.size);
    seg.size += HEADER + payload.length;
    seg.lines += lines;
    this.dirty = true;
    this.enforceCap();
    return { segment: seg.id, offset: seg.size };
  }

  /** fdatasync of the segment being written, when something was appended since the last one. */
  async sync(): Promise<void> {
    if (!this.dirty || this.fd === undefined) return;
    this.dirty = false;
    const fd = this.fd;
    await new Promise<void>((resolve) => fdatasync(fd, () => resolve()));
  }

  /** Reads whole records from the ack position until `maxLines` (at least one record). */
  readHead(maxLines: number): HeadChunk | undefined {
    const parts: string[] = [];
    let lines = 0;
    let pos: Position = { ...this.ack };
    for (const seg of this.segments) {
      if (seg.id < pos.segment) continue;
      if (seg.id > pos.segment) pos = { segment: seg.id, offset: 0 };
      const fd = openSync(this.path(seg.id), 'r');
      try {
        while (pos.offset < seg.size && (lines === 0 || lines < maxLines)) {
          const header = Buffer.alloc(HEADER);
          readSync(fd, header, 0, HEADER, pos.offset);
          const length = header.readUInt32BE(0);
          if (lines > 0 && lines + header.readUInt32BE(4) > maxLines) break;
          const payload = Buffer.alloc(length);
          readSync(fd, payload, 0, length, pos.offset + HEADER);
          parts.push(payload.toString());
          lines += header.readUInt32BE(4);
          pos = { segment: seg.id, offset: pos.offset + HEADER + length };
        }
      } finally {
        closeSync(fd);
      }
      if (lines >= maxLines || pos.offset < seg.size) break;
    }
    return parts.length ? { text: parts.join('\n'), lines, end: pos } : undefined;
  }

  /** Records up to `end` (`lines` of them) are in InfluxDB: move the ack position durably. */
  acknowledge(end: Position, lines: number): void {
    const head = this.segments[0];
    if (!head || end.segment < head.id) return; // already dropped by the size cap
    if (end.segment === this.ack.segment && end.offset <= this.ack.offset) return;
    let inEndSegment = lines;
    if (end.segment !== this.ack.segment)
      for (const seg of this.segments)
        if (seg.id < end.segment)
          inEndSegment -= seg.lines - (seg.id === this.ack.segment ? this.ackedLinesInHead : 0);
    this.ackedLinesInHead = end.segment === this.ack.segment ? this.ackedLinesInHead + lines : inEndSegment;
    this.ack = { ...end };
    this.writeAck();
    this.dropAcknowledged();
  }

  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }

  private roll(): Segment {
    if (this.fd !== undefined) closeSync(this.fd);
    const last = this.segments[this.segments.length - 1];
    const id = Math.max(last ? last.id + 1 : 1, this.ack.segment);
    this.fd = openSync(this.path(id), 'a');
    const seg = { id, size: fstatSync(this.fd).size, lines: 0 };
    if (seg.size > 0) throw new Error(`spool segment ${this.path(id)} exists already`);
    this.segments.push(seg);
    return seg;
  }

  private enforceCap(): void {
    while (this.segments.length > 1 && this.bytes() > this.maxBytes) {
      const oldest = this.segments.shift()!;
      const lost = oldest.lines - (oldest.id === this.ack.segment ? this.ackedLinesInHead : 0);
      unlinkSync(this.path(oldest.id));
      this.droppedLines += lost;
      this.ack = { segment: this.segments[0].id, offset: 0 };
      this.ackedLinesInHead = 0;
      this.writeAck();
      this.log.error(
        `spool is full (influx.spool.maxBytes ${this.maxBytes}): dropped its oldest segment, ${lost} points`,
      );
    }
  }

  /** Deletes segments InfluxDB has fully taken, except the one being written. */
  private dropAcknowledged(): void {
    while (this.segments.length > 0) {
      const head = this.segments[0];
      const done =
        head.id < this.ack.segment || (head.id === this.ack.segment && this.ack.offset >= head.size);
      if (!done) return;
      const writing = this.segments.length === 1 && this.fd !== undefined;
      if (writing && head.size < this.segmentBytes) return; // keep appending to it
      if (writing) this.close();
      this.segments.shift();
      unlinkSync(this.path(head.id));
      this.ack = { segment: head.id + 1, offset: 0 };
      this.ackedLinesInHead = 0;
      this.writeAck();
    }
  }

  private writeAck(): void {
    const tmp = join(this.dir, ACK + '.tmp');
    writeFileSync(tmp, JSON.stringify(this.ack));
    renameSync(tmp, join(this.dir, ACK));
  }

  /** Validates a segment record by record; truncates at the first torn or corrupt record. */
  private scan(id: number): Segment {
    const file = this.path(id);
    const data = readFileSync(file);
    let offset = 0;
    let lines = 0;
    while (offset + HEADER <= data.length) {
      const length = data.readUInt32BE(offset);
      const end = offset + HEADER + length;
      if (end > data.length || crc32(data.subarray(offset + HEADER, end)) !== data.readUInt32BE(offset + 8))
        break;
      lines += data.readUInt32BE(offset + 4);
      offset = end;
    }
    if (offset < data.length) {
      this.log.warn(`spool ${file}: ${data.length - offset} bytes after the last whole record cut away`);
      const fd = openSync(file, 'r+');
      ftruncateSync(fd, offset);
      closeSync(fd);
    }
    return { id, size: offset, lines };
  }

  /** Lines in the records of a segment before `offset`. */
  private countLines(id: number, offset: number): number {
    const fd = openSync(this.path(id), 'r');
    const header = Buffer.alloc(HEADER);
    let pos = 0;
    let lines = 0;
    try {
      while (pos < offset && readSync(fd, header, 0, HEADER, pos) === HEADER) {
        lines += header.readUInt32BE(4);
        pos += HEADER + header.readUInt32BE(0);
      }
    } finally {
      closeSync(fd);
    }
    return lines;
  }

  private path(id: number): string {
    return join(this.dir, `${String(id).padStart(16, '0')}.seg`);
  }
}
