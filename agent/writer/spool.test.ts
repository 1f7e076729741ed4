import { appendFileSync, mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { silentLogger } from '../log';
import { Spool } from './spool';

const dir = () => join(mkdtempSync(join(tmpdir(), 'noc-spool-')), 'spool');
const batch = (from: number, n: number) =>
  Array.from({ length: n }, (_, i) => `m,k=v seq=${from + i} ${from + i}`).join('\n');

describe('Spool: append-only segments, replay in order, durable acknowledgement', () => {
  it('replays batches in order across reopen, and resumes after the acknowledged ones', () => {
    const d = dir();
    const a = new Spool(d, 1 << 20, silentLogger);
    a.open();
    a.append(batch(0, 3), 3);
    a.append(batch(3, 2), 2);
    a.append(batch(5, 4), 4);
    expect(a.lines()).toBe(9);
    const first = a.readHead(4)!; // whole records only: 3 lines (the next record would make 5)
    expect(first.lines).toBe(3);
    expect(first.text).toBe(batch(0, 3));
    a.acknowledge(first.end, first.lines);
    a.close();

    const b = new Spool(d, 1 << 20, silentLogger); // a new process after a crash
    b.open();
    expect(b.lines()).toBe(6);
    const rest = b.readHead(100)!;
    expect(rest.text).toBe(batch(3, 6));
    b.acknowledge(rest.end, rest.lines);
    expect(b.isEmpty()).toBe(true);
    expect(b.bytes()).toBe(0);
    b.close();
    const c = new Spool(d, 1 << 20, silentLogger);
    c.open();
    expect(c.isEmpty()).toBe(true);
    expect(readdirSync(d).filter((f) => f.endsWith('.seg'))).toEqual([]);
  });

  it('cuts a torn last record (a crash mid-write) and keeps the whole ones', () => {
    const d = dir();
    const a = new Spool(d, 1 << 20, silentLogger);
    a.open();
    a.append(batch(0, 2), 2);
    a.close();
    const seg = join(
      d,
      readdirSync(d).find((f) => f.endsWith('.seg'))!,
    );
    const whole = statSync(seg).size;
    appendFileSync(seg, Buffer.from([0, 0, 1, 0, 0, 0, 0, 7, 1, 2])); // header says 256 bytes follow
    const b = new Spool(d, 1 << 20, silentLogger);
    b.open();
    expect(statSync(seg).size).toBe(whole);
    expect(b.readHead(10)!.text).toBe(batch(0, 2));
  });

  it('drops the oldest segments first when full, and counts the points lost', () => {
    const d = dir();
    const s = new Spool(d, 256 * 1024, silentLogger); // 64 KiB segments
    s.open();
    const record = batch(0, 100); // about 2.5 KB
    let appended = 0;
    while (appended < 200) {
      s.append(batch(appended * 100, 100), 100);
      appended++;
    }
    expect(s.bytes()).toBeLessThanOrEqual(256 * 1024);
    expect(s.droppedLines).toBeGreaterThan(0);
    expect(s.droppedLines + s.lines()).toBe(200 * 100);
    expect(s.droppedLines % 100).toBe(0);
    // What is left starts where the dropped part ends, still in order.
    const head = s.readHead(100)!;
    expect(head.text).toBe(batch(s.droppedLines, 100));
    expect(record.length).toBeGreaterThan(1000);
    s.close();
  });
});
