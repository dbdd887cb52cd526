import { describe, expect, it } from 'vitest';
import { attributionLine, attributionParts } from './attribution.js';
import { makeItem } from './testdata/river-fixtures.js';

const seed = 'Post Syndicated from {author} original {link}';

describe('attributionLine', () => {
  const cases = [
    { name: 'names the author when there is one', template: seed, item: { author: 'Hannes Gerhart', link: 'https://blog.cloudflare.com/x/' }, expected: 'Post Syndicated from Hannes Gerhart original https://blog.cloudflare.com/x/' },
    { name: 'collapses an empty author to one space (the seed rule)', template: seed, item: { author: null, link: 'https://lwn.net/Articles/893682/' }, expected: 'Post Syndicated from original https://lwn.net/Articles/893682/' },
    { name: 'treats a blank author as empty', template: seed, item: { author: '  ', link: 'https://lwn.net/a/' }, expected: 'Post Syndicated from original https://lwn.net/a/' },
    { name: 'trims an empty trailing link', template: seed, item: { author: 'Ann', link: null }, expected: 'Post Syndicated from Ann original' },
    { name: 'fills source and title', template: '{title} — {source}, by {author}', item: { title: 'Hi', feedTitle: 'LWN.net', author: null }, expected: 'Hi — LWN.net, by' },
    { name: 'keeps text without placeholders', template: 'From the river', item: {}, expected: 'From the river' },
    { name: 'collapses several empty placeholders in a row', template: 'by {author} {source} at {link}', item: { author: null, feedTitle: null, link: 'https://a.example/' }, expected: 'by at https://a.example/' },
  ];
  it.each(cases)('$name', ({ template, item, expected }) => {
    expect(attributionLine(template, makeItem(item))).toBe(expected);
  });
});

describe('attributionParts', () => {
  it('makes the link a separate part so pages can hyperlink it', () => {
    expect(attributionParts(seed, makeItem({ author: null, link: 'https://lwn.net/a/' }))).toEqual([
      { kind: 'text', text: 'Post Syndicated from original ' },
      { kind: 'link', href: 'https://lwn.net/a/' },
    ]);
  });

  it('keeps the words after a link', () => {
    expect(attributionParts('{link} via {source}', makeItem({ link: 'https://a.example/', feedTitle: 'A' }))).toEqual([
      { kind: 'link', href: 'https://a.example/' },
      { kind: 'text', text: ' via A' },
    ]);
  });
});
