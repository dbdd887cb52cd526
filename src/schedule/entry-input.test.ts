import { describe, expect, it } from 'vitest';
import type { ParsedEntry } from '../model/index.js';
import { entryGuid, toEntryInput } from './entry-input.js';

function entry(overrides: Partial<ParsedEntry> = {}): ParsedEntry {
  return {
    id: null, link: null, title: 'A title', author: null, published: new Date('2022-05-02T10:00:00Z'), updated: null,
    content: '<p>Hello</p>', summary: null, baseUrl: 'https://example.org/blog/', categories: [], enclosures: [],
    thumbnail: null, mediaDescription: null, durationSeconds: null, ...overrides,
  };
}

describe('entryGuid', () => {
  it('uses the guid, else the link, else a hash that is the same on every fetch', () => {
    expect(entryGuid(entry({ id: ' tag:x,2022:1 ', link: 'https://example.org/1' }))).toBe('tag:x,2022:1');
    expect(entryGuid(entry({ link: 'https://example.org/1' }))).toBe('https://example.org/1');
    const hashed = entryGuid(entry());
    expect(hashed).toMatch(/^urn:tributary:/);
    expect(entryGuid(entry())).toBe(hashed);
    expect(entryGuid(entry({ title: 'Another title' }))).not.toBe(hashed);
  });

  it('keeps an id or link longer than any real one as its hash, the same on every fetch', () => {
    const huge = `tag:x,2022:${'9'.repeat(1_000_000)}`;
    expect(entryGuid(entry({ id: huge }))).toMatch(/^urn:tributary:.{32}$/);
    expect(entryGuid(entry({ id: huge }))).toBe(entryGuid(entry({ id: huge })));
    expect(entryGuid(entry({ id: `${huge}0` }))).not.toBe(entryGuid(entry({ id: huge })));
    expect(entryGuid(entry({ link: `https://example.org/${'a'.repeat(5_000)}` }))).toMatch(/^urn:tributary:/);
  });
});

describe('toEntryInput', () => {
  it('cleans the HTML and resolves relative URLs against the entry base', () => {
    const input = toEntryInput(entry({ content: '<p onclick="x()">Hi <a href="post/2">there</a><script>alert(1)</script></p>' }));
    expect(input.content).toContain('href="https://example.org/blog/post/2"');
    expect(input.content).not.toMatch(/onclick|script/);
  });

  it('drops a javascript: link, enclosure or thumbnail in any spelling', () => {
    const input = toEntryInput(entry({
      link: 'java\tscript:alert(1)',
      enclosures: [{ url: ' JAVASCRIPT:alert(1)', type: 'audio/mpeg', length: 1 }, { url: 'ep1.mp3', type: 'audio/mpeg', length: 2 }],
      thumbnail: { url: 'data:text/html,<script>alert(1)</script>', width: 1, height: 1 },
    }));
    expect(input.link).toBeNull();
    expect(input.enclosures).toEqual([{ url: 'https://example.org/blog/ep1.mp3', type: 'audio/mpeg', length: 2 }]);
    expect(input.thumbnail).toBeNull();
  });

  it('changes the content hash only when what a reader sees changes', () => {
    const first = toEntryInput(entry({ link: 'https://example.org/1' }));
    expect(toEntryInput(entry({ link: 'https://example.org/1' })).contentHash).toBe(first.contentHash);
    expect(toEntryInput(entry({ link: 'https://example.org/1', content: '<p>Hello, world</p>' })).contentHash).not.toBe(first.contentHash);
  });

  it('cuts a title or author longer than any real one, with an ellipsis, between characters', () => {
    const input = toEntryInput(entry({ title: `${'😀'.repeat(999)}${'x'.repeat(5_000_000)}`, author: 'Name '.repeat(100) }));
    expect([...(input.title as string)]).toHaveLength(1000);
    expect(input.title?.endsWith('😀…')).toBe(true);
    expect(input.author?.length).toBeLessThanOrEqual(300);
    expect(input.author?.endsWith('Name…')).toBe(true);
    expect(toEntryInput(entry({ title: 'Short' })).title).toBe('Short');
  });

  it('stores an empty body as null, so a title-only item shows no text', () => {
    expect(toEntryInput(entry({ content: '  ', summary: '<script>x</script>' }))).toMatchObject({ content: null, summary: null });
  });
});
