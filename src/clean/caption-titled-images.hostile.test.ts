import { describe, expect, it } from 'vitest';
import { captionTitledImages } from './index.js';

describe('captionTitledImages on a huge entry', () => {
  it('captions 200,000 titled images in one uncaptioned figure without overflowing the stack', () => {
    const image = '<img src="https://a.example/a.png" title="t">';
    const captioned = captionTitledImages(`<figure>${image.repeat(200_000)}</figure>`);
    expect(captioned.startsWith(`<figure><figure class="titled-image">${image}<figcaption>t</figcaption></figure>`)).toBe(true);
    expect(captioned.split('<figcaption>').length - 1).toBe(200_000);
  });
});
