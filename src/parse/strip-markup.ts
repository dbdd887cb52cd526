/**
 * @module parse/strip-markup
 * Removes HTML markup from a string in one linear pass: comments and script/style elements go
 * with their content, every other tag becomes a space, text stays as is (entities undecoded).
 *
 * Why not three regular expressions (`<!--.*?-->`, `<script>.*?</script>`, `<[^>]*>`), which
 * is what the agreement check uses: on hostile input they are quadratic — every unclosed
 * `<!--` or `<script` rescans to the end — and `[^>]*` ends a tag at a `>` inside a quoted
 * attribute (`alt="a<br>b"`). Here each search remembers how far it got, and a quoted attribute
 * value (only right after `=`, as in HTML5, and at most 4 KB) may hold a `>`.
 */

const MAX_QUOTED = 4096;

function isTagStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 47 || c === 33 || c === 63; // letter / ! ?
}

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 13 || c === 12;
}

/** Index of the `>` closing a tag that has an attribute value (an `=`) before `nextGt`. */
function findQuotedTagEnd(html: string, lt: number): number {
  const len = html.length;
  let i = lt + 1;
  while (i < len) {
    const c = html.charCodeAt(i);
    if (c === 62) return i;
    i++;
    if (c !== 61) continue;
    while (i < len && isSpace(html.charCodeAt(i))) i++;
    const q = html.charCodeAt(i);
    if (q !== 34 && q !== 39) continue;
    const close = html.indexOf(q === 34 ? '"' : "'", i + 1);
    if (close !== -1 && close - i <= MAX_QUOTED) i = close + 1;
  }
  return -1;
}

/** `html` with comments and script/style removed and every tag replaced by a space. */
export function stripMarkup(html: string): string {
  if (!html.includes('<')) return html;
  const parts: string[] = [];
  let textStart = 0;
  let i = 0;
  // forward searches whose results are reused until passed: the whole pass stays linear
  let nextGt = -2;
  let nextEq = -2;
  let commentClose = -2;
  const closeAt: Record<string, { index: number; end: number }> = { script: { index: -2, end: 0 }, style: { index: -2, end: 0 } };
  const closeRe: Record<string, RegExp> = { script: /<\/script\s*>/gi, style: /<\/style\s*>/gi };
  const skip = (lt: number, end: number): void => {
    parts.push(html.slice(textStart, lt), ' ');
    textStart = i = end;
  };
  for (;;) {
    const lt = html.indexOf('<', i);
    if (lt === -1) break;
    if (nextGt !== -1 && nextGt < lt) nextGt = html.indexOf('>', lt);
    if (nextGt === -1) break; // no tag can end any more: the rest is text
    if (html.startsWith('<!--', lt)) {
      if (commentClose !== -1 && commentClose < lt + 4) commentClose = html.indexOf('-->', lt + 4);
      if (commentClose !== -1) {
        skip(lt, commentClose + 3);
        continue;
      }
    }
    const c = html.charCodeAt(lt + 1);
    if (c === 115 || c === 83) {
      const name = /^<(script|style)\b/i.exec(html.slice(lt, lt + 7))?.[1]?.toLowerCase();
      const close = name ? closeAt[name] : undefined;
      if (name && close) {
        if (close.index !== -1 && close.index < nextGt) {
          const re = closeRe[name] as RegExp;
          re.lastIndex = nextGt;
          const found = re.exec(html);
          close.index = found ? found.index : -1;
          close.end = found ? found.index + found[0].length : 0;
        }
        if (close.index !== -1) {
          skip(lt, close.end);
          continue;
        }
      }
    }
    if (isTagStart(c)) {
      if (nextEq !== -1 && nextEq < lt) nextEq = html.indexOf('=', lt);
      const end = nextEq === -1 || nextEq > nextGt ? nextGt : findQuotedTagEnd(html, lt);
      if (end !== -1) {
        skip(lt, end + 1);
        continue;
      }
    }
    i = lt + 1;
  }
  if (parts.length === 0) return html;
  parts.push(html.slice(textStart));
  return parts.join('');
}
