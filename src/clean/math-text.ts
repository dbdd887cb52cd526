/**
 * @module clean/math-text
 * What an entry's MathML becomes. MathML is foreign content, the home of namespace-confusion
 * mutation XSS, so the cleaner never writes it; but dropping it whole loses the formulas of math
 * blogs. The cleaner writes the formula's text instead: its TeX annotation when the author's
 * tool left one (KaTeX, MathJax, pandoc do), else the `alttext` attribute, else the text of the
 * presentation elements. Only text comes out, escaped like any other.
 */

// Content inside <math> that is never part of the formula's text.
const EXCLUDED = new Set(['script', 'style', 'title', 'textarea', 'svg', 'annotation-xml', 'noscript', 'template']);
const TEX = /^application\/(?:x-)?tex$/i;
const SPACES = /\s+/g;

/** Collects the text of one `<math>` element while the cleaner skips its markup. */
export class MathTextCollector {
  private readonly names: string[] = [];
  private excludedDepth = 0;
  private texDepth = 0;
  private tex = '';
  private hasTex = false;
  private text = '';

  constructor(private readonly alttext: string | undefined) {}

  /** An element opened inside the math element. */
  open(name: string, attributes: Record<string, string>): void {
    this.names.push(name);
    if (this.excludedDepth > 0 || EXCLUDED.has(name)) {
      this.excludedDepth++;
    } else if (name === 'annotation') {
      if (!this.hasTex && TEX.test(attributes.encoding ?? '')) this.texDepth = 1;
      else this.excludedDepth = 1;
    } else if (this.texDepth > 0) {
      this.texDepth++;
    }
  }

  /** The innermost open element (inside the math element) closed. */
  close(): void {
    this.names.pop();
    if (this.excludedDepth > 0) this.excludedDepth--;
    else if (this.texDepth > 0 && --this.texDepth === 0) this.hasTex = true;
  }

  /** Text inside the math element. */
  append(text: string): void {
    if (this.excludedDepth > 0) return;
    if (this.texDepth > 0) this.tex += text;
    else this.text += text;
  }

  /** The formula as text: TeX annotation, else alttext, else the presentation text. */
  result(): string {
    const tex = this.tex.replace(SPACES, ' ').trim();
    if (tex !== '') return tex;
    const alt = (this.alttext ?? '').replace(SPACES, ' ').trim();
    if (alt !== '') return alt;
    return this.text.replace(SPACES, ' ').trim();
  }
}
