'use strict';
/**
 * sha256 over the library's non-spec sources (paths and contents). `nx build platform-database` writes it
 * to dist/libs/platform/database/source-hash (`node libs/platform/database/source-hash.js --write <dir>`);
 * node.js compares it to refuse a stale build. Content-based, so checkouts and cache restores that
 * only change mtimes do not matter.
 */
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const SRC = path.join(__dirname, 'src');

function files(dir) {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((item) => (item.isDirectory() ? files(path.join(dir, item.name)) : [path.join(dir, item.name)]))
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.spec.ts'))
    .sort();
}

function sourceHash() {
  const hash = crypto.createHash('sha256');
  for (const file of files(SRC)) hash.update(`${path.relative(SRC, file)}\0${fs.readFileSync(file, 'utf8')}\0`);
  return hash.digest('hex');
}

if (require.main === module) {
  const at = process.argv.indexOf('--write');
  if (at < 0 || !process.argv[at + 1]) throw new Error('usage: node source-hash.js --write <dist dir>');
  fs.writeFileSync(path.join(process.argv[at + 1], 'source-hash'), `${sourceHash()}\n`);
}

module.exports = { sourceHash };
