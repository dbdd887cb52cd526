/**
 * Agreement with the Universal Feed Parser over the shared corpus of real feeds, measured the way
 * `npm run compare -- ../shared/corpus --classes` measures it: the raw figure must not fall, and
 * every disagreement must fall in a class docs/parser.md lists — except the ones read by hand and
 * listed below. A parser change that makes tributary disagree in any new way fails here.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureDebianPackage } from './ensure-debian-package.js';
import { makeTempDir, repoRoot, sharedDir } from './helpers.js';

const corpusIndex = join(sharedDir, 'corpus', 'index.tsv');
const tool = join(sharedDir, 'tools', 'parse_agreement.py');
const hasCorpus = existsSync(corpusIndex) && existsSync(tool);
if (!hasCorpus) console.warn(`parser agreement test skipped: ${corpusIndex} or ${tool} is missing (../shared is not beside the checkout)`);

const feedparser = hasCorpus
  ? await ensureDebianPackage('python3-feedparser', '/usr/lib/python3/dist-packages/feedparser/__init__.py', 'parser agreement test')
  : null;
if (feedparser?.skip) console.warn(feedparser.skip);

/** Today's raw agreement is 96.99 %; a regression of about 35 fields takes it below this. */
const RAW_FLOOR = 96.9;

/** Disagreements no class explains, each read by hand (docs/parser.md says why tributary is right). */
const REVIEWED = [
  // `H.J. Lu  <hongjiu.lu< at >intel.com>`: a browser reads `<hongjiu.lu< at >` as a tag and shows
  // "intel.com>"; the reference's sanitizer re-serialises it as "< at >intel.com>".
  'kde-syndication--gmane.comp.gnu.binutils.xml #16 text',
];

interface Classified {
  fields: number;
  raw_pct: number;
  classes: Record<string, number>;
  unexplained: Array<{ file: string; entry: number | null; field: string }>;
}

describe.skipIf(!hasCorpus || !feedparser?.path)('agreement with the Universal Feed Parser on ../shared/corpus', () => {
  let dir: string;
  let result: Classified;

  beforeAll(async () => {
    dir = await makeTempDir();
    const out = join(dir, 'classes.json');
    await promisify(execFile)('/usr/bin/python3', [join(repoRoot, 'scripts/classify_disagreements.py'), '--tool', tool,
      '--peer', `node ${join(repoRoot, 'scripts/parse-batch.mjs')}`, '--index', corpusIndex, '--json', out], { maxBuffer: 64 * 1024 * 1024, timeout: 170_000 });
    result = JSON.parse(await readFile(out, 'utf8')) as Classified;
  }, 180_000);

  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it(`agrees on at least ${RAW_FLOOR} % of the fields, raw`, () => {
    expect(result.fields).toBeGreaterThan(30_000);
    expect(result.raw_pct).toBeGreaterThanOrEqual(RAW_FLOOR);
  });

  it('disagrees only in the documented classes and the disagreements read by hand', () => {
    const unexplained = result.unexplained.map((u) => `${basename(u.file)} #${u.entry ?? '-'} ${u.field}`);
    expect(unexplained).toEqual(REVIEWED);
  });
});
