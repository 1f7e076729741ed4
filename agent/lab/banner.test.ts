import { demoBanner, shownPath } from './banner';

describe('shownPath', () => {
  test.each([
    ['/home/op/noc/.noc-demo', '/home/op/noc', '.noc-demo'],
    ['/home/op/noc/lab/x', '/home/op/noc', 'lab/x'],
    ['/home/op/noc', '/home/op/noc', '.'],
    ['.noc-demo', '/home/op/noc', '.noc-demo'],
    ['/tmp/demo1', '/home/op/noc', '/tmp/demo1'],
    ['/home/op/other', '/home/op/noc', '/home/op/other'],
    ['/home/op', '/home/op/noc', '/home/op'],
    ['../x', '/home/op/noc', '/home/op/x'],
    ['/home/op/noc/..data', '/home/op/noc', '..data'],
  ])('%s seen from %s is shown as %s', (path, cwd, shown) => {
    expect(shownPath(path, cwd)).toBe(shown);
  });
});

test('the banner names a directory outside the working directory by its absolute path', () => {
  const lines = demoBanner({
    dir: '/nonexistent-noc-test/demo1',
    configFile: '/nonexistent-noc-test/demo1/noc.yaml',
    influxUrl: 'http://127.0.0.1:8086',
    statusUrl: 'http://127.0.0.1:9100',
    agent: true as never,
    lab: {
      pid: 1,
      controlUrl: 'http://127.0.0.1:1',
      startedAt: '',
      devices: [
        { id: 'ups-demo', kind: 'ups', name: 'UPS', port: 1610, community: 'demo-lab', sysObjectID: '1' },
      ],
    },
  }).join('\n');
  expect(lines).toContain(
    'Konfigurasi   /nonexistent-noc-test/demo1/noc.yaml   (periksa: noc validate /nonexistent-noc-test/demo1/noc.yaml)',
  );
  expect(lines).toContain('(log: /nonexistent-noc-test/demo1/agent.log)');
  expect(lines).toContain('noc lab ups battery ups-demo --dir /nonexistent-noc-test/demo1\n');
  expect(lines).not.toContain('../');
});
