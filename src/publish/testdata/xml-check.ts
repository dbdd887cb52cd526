// A strict XML 1.0 well-formedness check for tests (htmlparser2 forgives too much to prove it):
// legal characters, valid references, quoted unique attributes, balanced tags, one root.
const invalidChar = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;
const badReference = /&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/;
const token = /<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\/?[^>]*>/g;
const name = '[A-Za-z_][\\w.:-]*';
const startTag = new RegExp(`^<(${name})((?:\\s+${name}\\s*=\\s*(?:"[^"<]*"|'[^'<]*'))*)\\s*(/?)>$`);
const endTag = new RegExp(`^</(${name})\\s*>$`);
const attribute = new RegExp(`(${name})\\s*=`, 'g');

/** Throws an Error naming the first well-formedness problem of `xml`. */
export function assertWellFormedXml(xml: string): void {
  const bad = invalidChar.exec(xml);
  if (bad) throw new Error(`invalid XML character U+${bad[0].codePointAt(0)!.toString(16)} at ${bad.index}`);
  const stack: string[] = [];
  let roots = 0;
  let last = 0;
  for (const match of xml.matchAll(token)) {
    checkText(xml.slice(last, match.index), stack.length > 0);
    last = match.index + match[0].length;
    const tag = match[0];
    if (tag.startsWith('<?') || tag.startsWith('<!--') || tag.startsWith('<![CDATA[')) continue;
    const end = endTag.exec(tag);
    if (end) {
      if (stack.pop() !== end[1]) throw new Error(`mismatched </${end[1]}> at ${match.index}`);
      continue;
    }
    const start = startTag.exec(tag);
    if (!start) throw new Error(`malformed tag ${tag.slice(0, 80)} at ${match.index}`);
    if (badReference.test(tag)) throw new Error(`bad entity reference in ${tag.slice(0, 80)}`);
    const names = [...start[2]!.matchAll(attribute)].map((found) => found[1]);
    if (new Set(names).size !== names.length) throw new Error(`duplicate attribute in ${tag.slice(0, 80)}`);
    if (stack.length === 0) roots += 1;
    if (start[3] !== '/') stack.push(start[1]!);
  }
  checkText(xml.slice(last), false);
  if (stack.length > 0) throw new Error(`unclosed <${stack.at(-1)}>`);
  if (roots !== 1) throw new Error(`expected one root element, found ${roots}`);
}

function checkText(text: string, inside: boolean): void {
  if (text.includes('<')) throw new Error(`stray '<' in text: ${text.slice(0, 80)}`);
  if (text.includes(']]>')) throw new Error(`']]>' in text: ${text.slice(0, 80)}`);
  if (badReference.test(text)) throw new Error(`bad entity reference in text: ${text.slice(0, 80)}`);
  if (!inside && text.trim() !== '') throw new Error(`text outside the root element: ${text.slice(0, 80)}`);
}
