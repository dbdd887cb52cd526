import { describe, expect, it } from 'vitest';
import { renderRiverJson, renderRiverText } from './river-text.js';
import { makeItem, pageOf, site } from './testdata/river-fixtures.js';

const lwn = makeItem({
  title: 'SystemTap 4.7 released',
  link: 'https://lwn.net/Articles/893682/',
  published: Date.UTC(2022, 4, 3, 15, 7, 42),
  content: '<p>Version 4.7 of the SystemTap tracing system is out.</p><p>Enjoy.</p>',
});
const cloudflare = makeItem({
  title: 'Wildcard proxy for everyone',
  author: 'Hannes Gerhart',
  link: 'https://blog.cloudflare.com/wildcard-proxy-for-everyone/',
  feedTitle: 'The Cloudflare Blog',
  content: '<img src="https://blog.cloudflare.com/a.png" alt="Wildcard proxy for everyone"><p>Today, I have the pleasure.</p>',
});
const xkcd = makeItem({
  title: '2',
  link: 'https://xkcd.com/2614/',
  published: null,
  content: '<img src="https://imgs.xkcd.com/comics/2.png" title="a joke" alt="2">',
  feedTitle: 'xkcd.com',
});

describe('renderRiverText', () => {
  it('prints title, attribution and text separated by blank lines, then the tagline', () => {
    expect(renderRiverText(pageOf([lwn, cloudflare, xkcd]), site)).toBe(
      [
        'SystemTap 4.7 released',
        '',
        'Post Syndicated from original https://lwn.net/Articles/893682/',
        '',
        'Version 4.7 of the SystemTap tracing system is out.',
        '',
        'Enjoy.',
        '',
        'Wildcard proxy for everyone',
        '',
        'Post Syndicated from Hannes Gerhart original https://blog.cloudflare.com/wildcard-proxy-for-everyone/',
        '',
        'Wildcard proxy for everyone',
        '',
        'Today, I have the pleasure.',
        '',
        '2',
        '',
        'Post Syndicated from original https://xkcd.com/2614/',
        '',
        '',
        'The collective thoughts of the interwebz',
        '',
      ].join('\n'),
    );
  });

  it('prints only the tagline for an empty page', () => {
    expect(renderRiverText(pageOf([]), site)).toBe('The collective thoughts of the interwebz\n');
  });

  it('keeps a hostile title on one line and strips terminal control characters', () => {
    const text = renderRiverText(pageOf([makeItem({ title: 'Evil\u001b[31m\ntitle\u0007', content: '<p>x\u001b]0;pwned\u0007</p>' })]), site);
    expect([...text].filter((char) => char !== '\n' && (char < ' ' || char === '\u007f'))).toEqual([]);
    expect(text.split('\n')[0]).toBe('Evil[31m title');
  });
});

describe('renderRiverJson', () => {
  it('gives page, pages and per item title, attribution, link, author, source, published, html and text', () => {
    const json = renderRiverJson({ page: 2, pages: 5, total: 13, items: [cloudflare, xkcd] }, site);
    expect(Object.keys(json)).toEqual(['page', 'pages', 'items']);
    expect(json.page).toBe(2);
    expect(json.pages).toBe(5);
    expect(json.items[0]).toEqual({
      title: 'Wildcard proxy for everyone',
      attribution: 'Post Syndicated from Hannes Gerhart original https://blog.cloudflare.com/wildcard-proxy-for-everyone/',
      link: 'https://blog.cloudflare.com/wildcard-proxy-for-everyone/',
      author: 'Hannes Gerhart',
      source: 'The Cloudflare Blog',
      published: new Date(cloudflare.published!).toISOString().replace('.000Z', 'Z'),
      html: cloudflare.content,
      text: 'Wildcard proxy for everyone\n\nToday, I have the pleasure.',
    });
    expect(json.items[1]).toMatchObject({ author: null, published: null, text: '' });
    expect(json.items[1]!.html).toContain('<figcaption>a joke</figcaption>');
  });

  it('writes the publication date as ISO 8601 UTC without milliseconds', () => {
    expect(renderRiverJson(pageOf([lwn]), site).items[0]!.published).toBe('2022-05-03T15:07:42Z');
  });
});
