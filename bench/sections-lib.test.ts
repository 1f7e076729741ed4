import { parseBenchDoc, replaceSections, sectionKey } from './sections-lib';

const DOC = [
  '# Benchmarks',
  '',
  'Intro text.',
  '',
  'Section below recorded by `node dist/bench/routeros-poll.js` on 2026-12-01.',
  '',
  '## routeros-poll',
  '',
  'old routeros numbers',
  '',
  'Last run of the ping section: 2026-12-01T11:59:07Z.',
  '',
  '## ping: 2,000 targets, 30 s interval',
  '',
  '| a | b |',
  '',
  'ping text',
  '',
  '## agent-memory: resident memory',
  '',
  'old memory numbers',
  '',
].join('\n');

test('section keys come from the heading, up to a colon or a blank', () => {
  expect(sectionKey('## ping: 2,000 targets')).toBe('ping');
  expect(sectionKey('## routeros-poll')).toBe('routeros-poll');
  expect(sectionKey('## writer-replay: 1,000,000 spooled points')).toBe('writer-replay');
});

test('a stamp paragraph before a heading belongs to that section; parse + render keeps the file', () => {
  const doc = parseBenchDoc(DOC);
  expect(doc.preamble).toBe('# Benchmarks\n\nIntro text.');
  expect(doc.sections.map((s) => [s.key, s.stamp?.slice(0, 20)])).toEqual([
    ['routeros-poll', 'Section below record'],
    ['ping', 'Last run of the ping'],
    ['agent-memory', undefined],
  ]);
  expect(doc.sections[0].body).toBe('## routeros-poll\n\nold routeros numbers');
});

test('only the sections that ran are replaced, with their new stamp; the others stay as they were', () => {
  const out = replaceSections(DOC, [
    {
      name: 'agent-memory',
      text: '## agent-memory: resident memory\n\nnew memory numbers\n',
      stamp: 'Last run of this section: X.',
    },
    {
      name: 'ping-targets',
      text: '## ping: 2,000 targets, 30 s interval\n\nnew ping\n',
      stamp: 'Last run of this section: Y.',
    },
  ]);
  expect(out).toBe(
    [
      '# Benchmarks',
      '',
      'Intro text.',
      '',
      'Section below recorded by `node dist/bench/routeros-poll.js` on 2026-12-01.',
      '',
      '## routeros-poll',
      '',
      'old routeros numbers',
      '',
      'Last run of this section: Y.',
      '',
      '## ping: 2,000 targets, 30 s interval',
      '',
      'new ping',
      '',
      'Last run of this section: X.',
      '',
      '## agent-memory: resident memory',
      '',
      'new memory numbers',
      '',
    ].join('\n'),
  );
});

test('a section not yet in the file is appended; a file without sections keeps its intro', () => {
  const out = replaceSections('# Benchmarks\n\nIntro.\n', [{ name: 'x', text: '## x\n\nbody' }]);
  expect(out).toBe('# Benchmarks\n\nIntro.\n\n## x\n\nbody\n');
});
