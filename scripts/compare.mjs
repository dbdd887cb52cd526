#!/usr/bin/env node
// `npm run compare -- DIR [--peers] [--diff N] [--classes]`: how closely tributary's parser agrees
// with the Universal Feed Parser (python3-feedparser) on the feeds in DIR — a folder of feed
// files, or a folder holding an index.tsv (the shared corpus: its kind=real rows). Runs the shared
// agreement tool (tools/parse_agreement.py) with tributary in batch mode (scripts/parse-batch.mjs);
// `--peers` adds the other JavaScript parsers (bench/peers/*.mjs); `--classes` then sorts each of
// tributary's disagreements into the classes docs/parser.md lists and prints the ones none
// explains (scripts/classify_disagreements.py). Installs nothing: it says what is missing. Needs
// the compiled parser (`npm run build`).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const python = process.env.TRIBUTARY_PYTHON ?? '/usr/bin/python3';
const tool = process.env.TRIBUTARY_AGREEMENT_TOOL ?? resolve(root, '../shared/tools/parse_agreement.py');

const args = process.argv.slice(2);
const withPeers = args.includes('--peers');
const withClasses = args.includes('--classes');
const diffAt = args.indexOf('--diff');
const diff = diffAt >= 0 ? args[diffAt + 1] : '3';
const dir = args.find((a, i) => !a.startsWith('--') && (diffAt < 0 || i !== diffAt + 1)) ?? resolve(root, '../shared/corpus');

function fail(message) {
  console.error(`compare: ${message}`);
  process.exit(2);
}

if (!existsSync(join(root, 'dist/parse/index.js'))) fail('the compiled parser is missing; run `npm run build` first.');
if (!existsSync(tool)) fail(`the agreement tool is not at ${tool} (set TRIBUTARY_AGREEMENT_TOOL to its path).`);
const probe = spawnSync(python, ['-c', 'import feedparser; print(feedparser.__version__)'], { encoding: 'utf8' });
if (probe.status !== 0) {
  fail(`${python} cannot import feedparser. Install the reference parser with \`apt-get install -y python3-feedparser\` ` +
    '(Debian\'s package; a pyenv/venv python on PATH does not see it), or set TRIBUTARY_PYTHON.');
}
if (!existsSync(dir) || !statSync(dir).isDirectory()) fail(`${dir} is not a folder.`);

const inputs = existsSync(join(dir, 'index.tsv'))
  ? ['--index', join(dir, 'index.tsv')]
  : readdirSync(dir).filter((f) => !/\.(md|tsv|txt)$/i.test(f)).map((f) => join(dir, f)).filter((f) => statSync(f).isFile());
if (inputs.length === 0) fail(`no feed files in ${dir}.`);

const peers = [`tributary=node ${join(root, 'scripts/parse-batch.mjs')}`];
if (withPeers) {
  for (const [name, file] of [['feedsmith', 'feedsmith'], ['rss-parser', 'rss-parser'], ['@rowanmanning/feed-parser', 'rowanmanning'], ['@extractus/feed-extractor', 'extractus']]) {
    peers.push(`${name}=node ${join(root, `bench/peers/${file}.mjs`)}`);
  }
}

console.log(`compare: feedparser ${probe.stdout.trim()} vs ${peers.length} parser(s) on ${inputs[0] === '--index' ? inputs[1] : `${inputs.length} files in ${dir}`}`);
const result = spawnSync(python, [tool, ...inputs, ...peers.flatMap((p) => ['--batch', p]), '--diff', diff], { stdio: 'inherit' });
if (result.status !== 0 || !withClasses) process.exit(result.status ?? 1);
console.log('\n== tributary\'s disagreements by class (docs/parser.md)');
const classes = spawnSync(python, [join(root, 'scripts/classify_disagreements.py'), '--tool', tool, '--peer', `node ${join(root, 'scripts/parse-batch.mjs')}`, ...inputs],
  { stdio: 'inherit' });
process.exit(classes.status ?? 1);
