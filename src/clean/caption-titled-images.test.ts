import { describe, expect, it } from 'vitest';
import { captionTitledImages } from './index.js';

const cases = [
  {
    name: 'wraps an xkcd comic in a figure captioned with its title',
    input: '<img src="https://imgs.xkcd.com/comics/2.png" title="Title text &amp; &lt;joke&gt;" alt="2" loading="lazy">',
    expected:
      '<figure class="titled-image"><img src="https://imgs.xkcd.com/comics/2.png" title="Title text &amp; &lt;joke&gt;" alt="2" loading="lazy">' +
      '<figcaption>Title text &amp; &lt;joke&gt;</figcaption></figure>',
  },
  { name: 'leaves images without a title alone', input: '<p><img src="a.png" alt="a"></p>', expected: '<p><img src="a.png" alt="a"></p>' },
  { name: 'leaves images whose title repeats the alt alone', input: '<img src="a.png" alt="Same" title="Same">', expected: '<img src="a.png" alt="Same" title="Same">' },
  {
    name: 'leaves images already in a captioned figure alone',
    input: '<figure><img src="a.png" title="t"><figcaption>c</figcaption></figure>',
    expected: '<figure><img src="a.png" title="t"><figcaption>c</figcaption></figure>',
  },
  {
    name: 'wraps titled images in figures that have no caption',
    input: '<figure><img src="a.png" title="t"></figure><p>x</p>',
    expected: '<figure><figure class="titled-image"><img src="a.png" title="t"><figcaption>t</figcaption></figure></figure><p>x</p>',
  },
];

describe('captionTitledImages', () => {
  it.each(cases)('$name', ({ input, expected }) => {
    expect(captionTitledImages(input)).toBe(expected);
  });
});
