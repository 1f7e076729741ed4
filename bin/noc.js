#!/usr/bin/env node
// The `noc` command. It runs the compiled TypeScript in dist/ (built by `npm run build`,
// which both README commands do for you).
const path = require('node:path');
const fs = require('node:fs');

const entry = path.join(__dirname, '..', 'dist', 'agent', 'cli', 'main.js');
if (!fs.existsSync(entry)) {
  console.error('noc: not built yet. Run `npm run build` in ' + path.join(__dirname, '..'));
  process.exit(1);
}
require(entry).main(process.argv);
