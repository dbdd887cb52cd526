/**
 * The first issue's acceptance, end to end: the seed river's feeds served on 127.0.0.1, imported
 * from their OPML, fetched once by the built binary; `river --format text` pages 1 and 2 must
 * list every item of expected-river.tsv in order, with its exact attribution line and text; a
 * second fetch adds nothing; `build` writes a site whose index.html shows the same order.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collapse, hasShared, makeTempDir, runTributary, serveDirectory, sharedDir, splitTextRiver } from './helpers.js';
import type { StaticServer, TextRiverItem } from './helpers.js';

const seedDir = join(sharedDir, 'seed-river');

interface ExpectedRow {
  position: number;
  sourceFile: string;
  title: string;
  author: string;
  link: string;
  published: string;
  hasText: boolean;
  textStart: string;
}

async function expectedRiver(): Promise<ExpectedRow[]> {
  const [, ...rows] = (await readFile(join(seedDir, 'expected-river.tsv'), 'utf8')).split('\n').filter((line) => line !== '');
  return rows.map((row) => {
    const [position, sourceFile, title, author, link, published, hasText, textStart] = row.split('\t');
    return { position: Number(position), sourceFile: sourceFile!, title: title!, author: author!, link: link!, published: published!, hasText: hasText === 'yes', textStart: textStart ?? '' };
  });
}

function attributionOf(row: ExpectedRow): string {
  return row.author ? `Post Syndicated from ${row.author} original ${row.link}` : `Post Syndicated from original ${row.link}`;
}

/** Alt texts of the images in an item's HTML (the text rendering shows them; text_start ignores them). */
function altTexts(html: string): string[] {
  return [...html.matchAll(/<img\b[^>]*\balt="([^"]*)"/g)].map((match) => match[1]!.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&#39;/g, "'"));
}

describe.skipIf(!hasShared)('the seed river, end to end (../shared/seed-river)', () => {
  let server: StaticServer;
  let dir: string;
  let rows: ExpectedRow[];

  beforeAll(async () => {
    rows = await expectedRiver();
    server = await serveDirectory(seedDir);
    dir = await makeTempDir();
    const opml = (await readFile(join(seedDir, 'feeds.opml'), 'utf8')).replace(/xmlUrl="[^"]*"([^>]*?)localFile="([^"]*)"/g, `xmlUrl="${server.base}$2"$1localFile="$2"`);
    await writeFile(join(dir, 'feeds.opml'), opml);
    await writeFile(join(dir, 'tributary.yaml'), 'site:\n  title: Seed river\n  tagline: The collective thoughts of the interwebz\n  pageSize: 20\n');
    const imported = await runTributary(['--allow-private', 'import', 'feeds.opml'], dir);
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout).toContain('imported 13 feeds');
    const fetched = await runTributary(['--allow-private', 'fetch'], dir);
    expect(fetched.code, fetched.stderr).toBe(0);
    expect(fetched.stdout).toMatch(/13 feeds: 13 ok, 0 not modified, 0 failed; 29 new entries/);
  });

  afterAll(async () => {
    await server?.close();
  });

  it('lists every item of pages 1 and 2 in order, with its title, attribution line and text', async () => {
    const items: TextRiverItem[] = [];
    const json: Array<{ html: string; link: string }> = [];
    for (const page of [1, 2]) {
      const text = await runTributary(['river', '--page', String(page), '--format', 'text'], dir);
      expect(text.code, text.stderr).toBe(0);
      const river = splitTextRiver(text.stdout);
      expect(river.tagline).toBe('The collective thoughts of the interwebz');
      items.push(...river.items);
      const asJson = JSON.parse((await runTributary(['river', '--page', String(page), '--format', 'json'], dir)).stdout) as { page: number; pages: number; items: Array<{ html: string; link: string }> };
      expect(asJson.page).toBe(page);
      expect(asJson.pages).toBe(2);
      json.push(...asJson.items);
    }
    expect(items.map((item) => item.attribution)).toEqual(rows.map(attributionOf));
    rows.forEach((row, index) => {
      const item = items[index]!;
      if (row.position !== 4) expect(item.title, `row ${row.position}`).toBe(row.title);
      if (!row.hasText) {
        expect(item.content, `row ${row.position} shows no text`).toBe('');
        return;
      }
      let content = collapse(item.content);
      for (const alt of altTexts(json[index]!.html)) {
        if (alt && content.startsWith(alt)) content = content.slice(alt.length).trimStart();
      }
      expect(content.startsWith(row.textStart.trimEnd()), `row ${row.position}: ${content.slice(0, 80)}`).toBe(true);
    });
  });

  it('adds and reorders nothing on a second fetch', async () => {
    const before = await runTributary(['river', '--format', 'json'], dir);
    const fetched = await runTributary(['--allow-private', 'fetch', '--all'], dir);
    expect(fetched.code, fetched.stderr).toBe(0);
    expect(fetched.stdout).toMatch(/13 feeds: .*0 failed; 0 new entries, 0 updated/);
    const after = await runTributary(['river', '--format', 'json'], dir);
    expect(after.stdout).toBe(before.stdout);
  });

  it('builds a static site whose index.html shows the same order', async () => {
    const built = await runTributary(['build', '--out', 'site'], dir);
    expect(built.code, built.stderr).toBe(0);
    const html = await readFile(join(dir, 'site', 'index.html'), 'utf8');
    let from = 0;
    for (const row of rows.slice(0, 20)) {
      const at = html.indexOf(row.link.replace(/&/g, '&amp;'), from);
      expect(at, `row ${row.position} (${row.link}) after the previous row`).toBeGreaterThan(-1);
      from = at;
    }
    for (const file of ['page/2/index.html', 'atom.xml', 'rss.xml', 'feed.json', 'opml.xml']) {
      await expect(readFile(join(dir, 'site', file), 'utf8')).resolves.toBeTruthy();
    }
  });
});
