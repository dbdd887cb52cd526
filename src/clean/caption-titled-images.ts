/**
 * @module clean/caption-titled-images
 * Display helper for web comics: xkcd-style entries are one `<img>` whose `title` carries the
 * joke, which a reader on a touch screen never sees as a tooltip. Every titled image not already
 * in a captioned figure is wrapped in `<figure class="titled-image">` with the title as caption.
 * Works on the stored (sanitized) HTML by splicing at the parser's source positions, so the rest
 * of the markup is left byte for byte as it was.
 */
import { Parser } from 'htmlparser2';
import { escapeText } from './escape-html.js';

interface TitledImage {
  start: number;
  end: number;
  title: string;
}

interface FigureScope {
  captioned: boolean;
  images: TitledImage[];
}

/** Wraps every `<img title=…>` outside a captioned figure in a figure whose figcaption is the title. */
export function captionTitledImages(html: string): string {
  if (!html.includes('title')) return html;
  const found: TitledImage[] = [];
  const figures: FigureScope[] = [];
  const parser: Parser = new Parser(
    {
      onopentag(name, attributes) {
        if (name === 'figure') figures.push({ captioned: false, images: [] });
        else if (name === 'figcaption' && figures.length > 0) figures[figures.length - 1]!.captioned = true;
        else if (name === 'img') {
          const title = (attributes.title ?? '').trim();
          if (title === '' || title === (attributes.alt ?? '').trim()) return;
          const image = { start: parser.startIndex, end: parser.endIndex + 1, title };
          (figures.length > 0 ? figures[figures.length - 1]!.images : found).push(image);
        }
      },
      onclosetag(name) {
        if (name !== 'figure') return;
        const figure = figures.pop();
        if (figure === undefined || figure.captioned) return;
        const outer = figures.length > 0 ? figures[figures.length - 1]!.images : found;
        // One by one: push(...images) passes each as an argument, past ~120,000 a stack overflow.
        for (const image of figure.images) outer.push(image);
      },
    },
    { decodeEntities: true },
  );
  parser.end(html);
  if (found.length === 0) return html;
  found.sort((a, b) => a.start - b.start);
  let output = '';
  let position = 0;
  for (const image of found) {
    output += html.slice(position, image.start);
    output += `<figure class="titled-image">${html.slice(image.start, image.end)}`;
    output += `<figcaption>${escapeText(image.title)}</figcaption></figure>`;
    position = image.end;
  }
  return output + html.slice(position);
}
