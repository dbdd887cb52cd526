import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Parser } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { createRandom } from '../../test/seeded-random.js';
import { sanitizeEntryHtml } from './index.js';

const testdata = fileURLToPath(new URL('./testdata/', import.meta.url));
const fixtures = readdirSync(testdata)
  .filter((name) => name.endsWith('.html'))
  .map((name) => ({ name, html: readFileSync(`${testdata}${name}`, 'utf8') }));

// Fragments spliced into fixtures at random places: half-tags, quotes, payloads, raw-text openers.
const FRAGMENTS = [
  '<', '>', '"', "'", '</', '<!--', '-->', '<p>', '</p>', '<div>', '</div>', '<li>', '<td>', '<table>', '<a href="',
  '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '<svg><script>x</script>', '<math><style>', '<noscript>',
  '<textarea>', '</textarea>', '<title>', '<xmp>', '</xmp>', '<iframe src="//www.youtube.com/embed/abcdefghijk">',
  'javascript:alert(1)', '&#x6A;avascript:', '<a href="java\tscript:x">', ' onclick="x()"', '<style>', '</style>',
  '<![CDATA[', ']]>', '<pre>', '<b><i>', '</b>', '<h1>', '<dl><dt>', '<picture><source srcset="x">', '&amp;', '&',
];

function mutate(html: string, random: () => number): string {
  let result = html;
  const steps = 1 + Math.floor(random() * 6);
  for (let step = 0; step < steps; step++) {
    const at = Math.floor(random() * (result.length + 1));
    const choice = random();
    if (choice < 0.5) {
      result = result.slice(0, at) + FRAGMENTS[Math.floor(random() * FRAGMENTS.length)] + result.slice(at);
    } else if (choice < 0.7) {
      result = result.slice(0, at) + result.slice(at + Math.floor(random() * 40));
    } else if (choice < 0.85) {
      result = result.slice(0, at);
    } else {
      const end = at + Math.floor(random() * 30);
      result = result.slice(0, at) + result.slice(at, end).toUpperCase() + result.slice(end);
    }
  }
  return result;
}

const URL_ATTRIBUTES = new Set(['href', 'src', 'srcset', 'poster', 'cite']);
const UNSAFE_URL = /^[\0-\x20]*(?:javascript|vbscript|data:(?!image\/(?:png|gif|jpeg|webp|avif)))/i;

/** What a real parse of the cleaned HTML finds that must never be there. */
function findViolations(html: string): string[] {
  const violations: string[] = [];
  if (/<script/i.test(html)) violations.push('<script in output');
  new Parser(
    {
      onopentag(name, attributes) {
        if (['script', 'style', 'svg', 'math', 'noscript', 'template', 'textarea', 'title', 'xmp', 'object', 'embed', 'form', 'base', 'meta', 'link'].includes(name)) {
          violations.push(`element ${name}`);
        }
        for (const [key, value] of Object.entries(attributes)) {
          if (key.startsWith('on') || key === 'style' || key === 'srcdoc') violations.push(`attribute ${key} on ${name}`);
          if (URL_ATTRIBUTES.has(key) && value.split(',').some((part) => UNSAFE_URL.test(part.trim()))) {
            violations.push(`unsafe URL ${key}="${value}"`);
          }
        }
      },
      onclosetag(name, isImplied) {
        if (isImplied && !['br', 'hr', 'wbr', 'img', 'source', 'track', 'col'].includes(name)) violations.push(`unclosed ${name}`);
      },
      oncomment() {
        violations.push('comment');
      },
    },
    { decodeEntities: true },
  ).end(html);
  return violations;
}

const inputs = [...fixtures];
const random = createRandom(20220502);
for (const fixture of fixtures) {
  for (let index = 0; index < 150; index++) inputs.push({ name: `${fixture.name} mutation ${index}`, html: mutate(fixture.html, random) });
}

describe('sanitizeEntryHtml invariants', () => {
  it(`is idempotent and never lets active content through, over ${inputs.length} inputs`, () => {
    for (const { name, html } of inputs) {
      const once = sanitizeEntryHtml(html, { baseUrl: 'https://blog.example/post/' });
      expect(sanitizeEntryHtml(once, { baseUrl: 'https://blog.example/post/' }), `${name} re-sanitized`).toBe(once);
      expect(findViolations(once), `${name}: ${JSON.stringify(html)}`).toEqual([]);
    }
  });
});
