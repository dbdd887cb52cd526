import { describe, expect, it } from 'vitest';
import { isHtmlDocument, sniffFeedKind } from './sniff-feed.js';

const utf16 = (text: string, bigEndian: boolean): Buffer => {
  const le = Buffer.from(`\uFEFF${text}`, 'utf16le');
  return bigEndian ? Buffer.from(le).swap16() : le;
};

describe('sniffFeedKind', () => {
  const cases: Array<{ name: string; body: Buffer; expected: ReturnType<typeof sniffFeedKind> }> = [
    { name: 'RSS 2.0 with a declaration', body: Buffer.from('<?xml version="1.0"?>\n<rss version="2.0"><channel/></rss>'), expected: 'rss' },
    { name: 'Atom after a stylesheet PI and a comment', body: Buffer.from('<?xml version="1.0"?><?xml-stylesheet href="x.xsl"?>\n<!-- hi -->\n<feed xmlns="http://www.w3.org/2005/Atom"/>'), expected: 'atom' },
    { name: 'RSS 1.0', body: Buffer.from('<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"></rdf:RDF>'), expected: 'rdf' },
    { name: 'a prefixed Atom root', body: Buffer.from('<atom:feed xmlns:atom="http://www.w3.org/2005/Atom"></atom:feed>'), expected: 'atom' },
    { name: 'RSS with a doctype and internal subset', body: Buffer.from('<!DOCTYPE rss [<!ENTITY nbsp "&#160;">]>\n<rss version="0.91"/>'), expected: 'rss' },
    { name: 'RSS after a UTF-8 BOM and blank lines', body: Buffer.from('\uFEFF\n\n  <rss version="2.0"/>'), expected: 'rss' },
    { name: 'UTF-16LE Atom', body: utf16('<?xml version="1.0" encoding="utf-16"?><feed/>', false), expected: 'atom' },
    { name: 'UTF-16BE RSS', body: utf16('<rss version="2.0"/>', true), expected: 'rss' },
    { name: 'JSON Feed 1.1', body: Buffer.from('{\n  "version": "https://jsonfeed.org/version/1.1",\n  "title": "t", "items": []\n}'), expected: 'json' },
    { name: 'JSON Feed with version later', body: Buffer.from('{"title":"t","items":[],"version":"https://jsonfeed.org/version/1"}'), expected: 'json' },
    { name: 'other JSON', body: Buffer.from('{"version": "2.0", "data": []}'), expected: null },
    { name: 'an HTML page', body: Buffer.from('<!DOCTYPE html><html><head><title>rss</title></head></html>'), expected: null },
    { name: 'an element merely starting with "feed"', body: Buffer.from('<feedback/>'), expected: null },
    { name: 'an empty body', body: Buffer.alloc(0), expected: null },
    { name: 'a PNG', body: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), expected: null },
  ];
  it.each(cases)('reads $name as $expected', ({ body, expected }) => {
    expect(sniffFeedKind(body)).toBe(expected);
  });
});

describe('isHtmlDocument', () => {
  const cases = [
    { name: 'a text/html content type', body: '', contentType: 'text/html; charset=utf-8', expected: true },
    { name: 'an XHTML content type', body: '', contentType: 'application/xhtml+xml', expected: true },
    { name: 'a doctype without a content type', body: '<!-- x -->\n<!DOCTYPE html><p>', contentType: null, expected: true },
    { name: 'a bare <html>', body: '<HTML><BODY>', contentType: 'text/plain', expected: true },
    { name: 'an image', body: 'GIF89a', contentType: 'image/gif', expected: false },
  ];
  it.each(cases)('says $expected for $name', ({ body, contentType, expected }) => {
    expect(isHtmlDocument(Buffer.from(body), contentType)).toBe(expected);
  });
});
