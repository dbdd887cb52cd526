import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Parser } from 'htmlparser2';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { sanitizeEntryHtml } from './index.js';

// jsdom's parser is the HTML5 tree builder browsers use: what the cleaner writes must parse there
// to the very tree the cleaner meant, and stay inside the element the river puts it in.
const testdata = fileURLToPath(new URL('./testdata/', import.meta.url));
const fixtures = readdirSync(testdata)
  .filter((name) => name.endsWith('.html'))
  .map((name) => readFileSync(`${testdata}${name}`, 'utf8'));
const payloads = (JSON.parse(readFileSync(`${testdata}xss-payloads.json`, 'utf8')) as { payload: string }[]).map((entry) => entry.payload);

/** Every way of splitting a fixture in two: unclosed tags at each cut, and stray closers after it. */
function cuts(html: string, step: number): string[] {
  const pieces: string[] = [];
  for (let at = step; at < html.length; at += step) pieces.push(html.slice(0, at), html.slice(at));
  return pieces;
}

const inputs = [...fixtures, ...payloads, ...fixtures.flatMap((html) => cuts(html, 97))];

/** Element names with their counts, as htmlparser2 reads the cleaned HTML (tbody left out: browsers add it). */
function countElements(html: string): Map<string, number> {
  const counts = new Map<string, number>();
  new Parser({
    onopentag(name) {
      if (name !== 'tbody') counts.set(name, (counts.get(name) ?? 0) + 1);
    },
  }).end(html);
  return counts;
}

describe('cleaned HTML in a browser parser (jsdom)', () => {
  const { document } = new JSDOM('<!doctype html><html><head></head><body></body></html>').window;

  it(`parses to the same elements and stays in its box, over ${inputs.length} inputs`, () => {
    for (const input of inputs) {
      const cleaned = sanitizeEntryHtml(input, { baseUrl: 'https://blog.example/post/' });
      document.body.innerHTML = `<div id="box">${cleaned}</div><p id="after">after</p>`;
      const children = [...document.body.children].map((element) => element.id);
      expect(children, `escaped its box: ${cleaned}`).toEqual(['box', 'after']);
      const box = document.getElementById('box')!;
      const browser = new Map<string, number>();
      for (const element of box.querySelectorAll('*')) {
        const name = element.localName;
        if (name !== 'tbody') browser.set(name, (browser.get(name) ?? 0) + 1);
        for (const attribute of element.getAttributeNames()) expect(attribute.startsWith('on'), cleaned).toBe(false);
        expect(element.namespaceURI, cleaned).toBe('http://www.w3.org/1999/xhtml');
      }
      expect(browser, cleaned).toEqual(countElements(cleaned));
    }
  });
});
