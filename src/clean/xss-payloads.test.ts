import { readFileSync } from 'node:fs';
import { Parser } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { GLOBAL_ATTRIBUTES, ELEMENT_RULES } from './allow-list.js';
import { htmlToText, sanitizeEntryHtml } from './index.js';
import { parseBaseUrl, resolveSafeUrl } from './safe-url.js';

interface Payload {
  id: string;
  context: 'content' | 'title' | 'author' | 'category' | 'link' | 'enclosure' | 'thumbnail';
  payload: string;
  marker: string | null;
}

const payloads = JSON.parse(readFileSync(new URL('./testdata/xss-payloads.json', import.meta.url), 'utf8')) as Payload[];
const BASE = 'https://blog.example/post/';

// What the cleaner may write, and what must never appear whatever the policy says.
const WRITTEN_ELEMENTS = new Set([...[...ELEMENT_RULES.values()].map((rule) => rule.name), 'iframe']);
const ADDED_ATTRIBUTES = new Set(['rel', 'loading', 'referrerpolicy', 'class', 'controls', 'sandbox', 'allowfullscreen']);
const FORBIDDEN_ELEMENTS = new Set([
  'script', 'style', 'svg', 'math', 'noscript', 'template', 'textarea', 'title', 'xmp', 'noembed', 'noframes', 'plaintext',
  'object', 'embed', 'applet', 'form', 'input', 'button', 'select', 'base', 'meta', 'link', 'frame', 'frameset', 'portal', 'dialog',
]);
const FORBIDDEN_ATTRIBUTES = /^(?:on|style$|srcdoc$|formaction$|action$|xlink:|xmlns|ping$|background$|lowsrc$|dynsrc$|popover$|contenteditable$|autofocus$|name$|form$|target$)/;
const URL_ATTRIBUTES = new Set(['href', 'src', 'poster', 'cite']);
const SAFE_URL = /^(?:https?:\/\/|mailto:|#user-content-)/;

function allowedAttribute(element: string, attribute: string): boolean {
  if (GLOBAL_ATTRIBUTES.has(attribute) || ADDED_ATTRIBUTES.has(attribute)) return true;
  return [...ELEMENT_RULES.values()].some((rule) => rule.name === element && rule.attributes.has(attribute)) ||
    (element === 'iframe' && ['src', 'width', 'height'].includes(attribute));
}

/** Everything a real parse of the cleaned HTML finds that must not be there. */
function findViolations(html: string): string[] {
  const found: string[] = [];
  if (/<\s*script/i.test(html)) found.push('"<script" in the output');
  new Parser(
    {
      onopentag(name, attributes) {
        if (FORBIDDEN_ELEMENTS.has(name) || !WRITTEN_ELEMENTS.has(name)) found.push(`element <${name}>`);
        for (const [key, value] of Object.entries(attributes)) {
          if (FORBIDDEN_ATTRIBUTES.test(key) || !allowedAttribute(name, key)) found.push(`attribute ${key} on <${name}>`);
          if (URL_ATTRIBUTES.has(key) && !SAFE_URL.test(value)) found.push(`URL ${key}="${value}"`);
          if (key === 'srcset' && value.split(/,\s+/).some((candidate) => !/^https?:\/\//.test(candidate))) found.push(`srcset "${value}"`);
          if (name === 'iframe' && key === 'src' && !/^https:\/\/(?:www\.youtube-nocookie\.com|player\.vimeo\.com)\//.test(value)) found.push(`iframe ${value}`);
        }
      },
      oncomment() {
        found.push('a comment');
      },
      onprocessinginstruction(name) {
        found.push(`declaration ${name}`);
      },
    },
    { decodeEntities: true },
  ).end(html);
  return found;
}

const htmlPayloads = payloads.filter((entry) => ['content', 'title', 'author', 'category'].includes(entry.context));
const urlPayloads = payloads.filter((entry) => ['link', 'enclosure', 'thumbnail'].includes(entry.context));

describe('XSS payload corpus (testdata/xss-payloads.json)', () => {
  it('holds at least 150 payloads, each with a unique id', () => {
    expect(payloads.length).toBeGreaterThanOrEqual(150);
    expect(new Set(payloads.map((entry) => entry.id)).size).toBe(payloads.length);
  });

  it.each(htmlPayloads)('$id ($context) leaves no active content and keeps its marker', ({ payload, marker }) => {
    const cleaned = sanitizeEntryHtml(payload, { baseUrl: BASE });
    expect(findViolations(cleaned), cleaned).toEqual([]);
    expect(sanitizeEntryHtml(cleaned, { baseUrl: BASE })).toBe(cleaned);
    if (marker !== null) expect(htmlToText(cleaned)).toContain(marker);
  });

  it.each(urlPayloads)('$id ($context URL) is refused or made a plain http(s) URL', ({ context, payload }) => {
    const url = resolveSafeUrl(payload, parseBaseUrl(BASE), context === 'link' ? 'link' : context === 'thumbnail' ? 'image' : 'media');
    if (url !== null) expect(url).toMatch(/^https?:\/\/[^\s"<>]+$/);
  });
});
