/**
 * docs/benchmarks.md as a list of sections, so a run of only some benchmarks
 * (`npm run bench -- agent-memory`) replaces those sections and keeps the others.
 *
 * A section starts at a `## <name>` or `## <name>: <what>` heading and runs to the next one.
 * The paragraph just before a heading that starts with "Last run" or "Section below recorded"
 * is that section's run stamp (when and where it was measured): it moves with its section.
 */

export interface Section {
  key: string;
  stamp?: string;
  body: string;
}

export interface BenchDoc {
  preamble: string;
  sections: Section[];
}

const STAMP = /^(Last run|Section below recorded)/;

/** "## ping: 2,000 targets" -> "ping"; "## routeros-poll" -> "routeros-poll". */
export function sectionKey(heading: string): string {
  return heading
    .replace(/^##\s+/, '')
    .split(/[:\s]/)[0]
    .trim();
}

/** Splits off a trailing stamp paragraph: [rest, stamp]. */
function takeStamp(text: string): [string, string | undefined] {
  const trimmed = text.replace(/\s+$/, '');
  const cut = trimmed.lastIndexOf('\n\n');
  const last = trimmed.slice(cut + 2).trim();
  if (!STAMP.test(last)) return [trimmed, undefined];
  return [cut < 0 ? '' : trimmed.slice(0, cut), last];
}

export function parseBenchDoc(doc: string): BenchDoc {
  const parts = doc.split(/^(?=## )/m);
  const head = parts[0].startsWith('## ') ? '' : parts.shift()!;
  const [preamble, first] = takeStamp(head);
  let stamp = first;
  const sections: Section[] = [];
  for (const part of parts) {
    const [body, next] = takeStamp(part);
    sections.push({ key: sectionKey(body.split('\n')[0]), stamp, body });
    stamp = next;
  }
  // A stamp after the last section has no section to belong to: keep it as text.
  if (stamp && sections.length) sections[sections.length - 1].body += '\n\n' + stamp;
  return { preamble, sections };
}

export function renderBenchDoc(doc: BenchDoc): string {
  const blocks = [doc.preamble.trim()];
  for (const s of doc.sections) {
    if (s.stamp) blocks.push(s.stamp);
    blocks.push(s.body.trim());
  }
  return blocks.filter((b) => b !== '').join('\n\n') + '\n';
}

/**
 * Replaces (or appends) the sections of the benchmarks that ran; a section is found by the key
 * of the heading the benchmark printed, or by the benchmark's file name.
 */
export function replaceSections(
  doc: string,
  fresh: { name: string; text: string; stamp?: string }[],
): string {
  const parsed = parseBenchDoc(doc);
  for (const f of fresh) {
    const body = f.text.trim();
    const key = sectionKey(body.split('\n')[0]);
    const at = parsed.sections.findIndex((s) => s.key === key || s.key === f.name);
    const section = { key, stamp: f.stamp, body };
    if (at >= 0) parsed.sections[at] = section;
    else parsed.sections.push(section);
  }
  return renderBenchDoc(parsed);
}
