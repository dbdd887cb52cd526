/**
 * @module parse/person-names
 * Author names out of the forms feeds write them in: RSS 2.0 `<author>` is an e-mail address,
 * usually `jo@example.com (Jo Smith)`; others write `Jo Smith <jo@example.com>`; dc:creator and
 * Atom `<name>` are names already. The e-mail is removed when a name is left, as the Universal
 * Feed Parser does; a bare address stays (it is all there is).
 */
import { cleanText, htmlToPlainText } from './plain-text.js';

// The Universal Feed Parser's pattern, except that a top-level domain may be longer than four
// letters (.example, .online, .photography): the reference cuts `jo@news.online` to `jo@news.onli`
// and names the author "ne".
const EMAIL = /([a-zA-Z0-9_\-.+]+)@((\[[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}\.)|(([a-zA-Z0-9-]+\.)+))([a-zA-Z]{2,63}(?![a-zA-Z0-9-])|[0-9]{1,3})(\]?)(\?subject=\S+)?/;

/** True when the whole string is an e-mail address (no name to show). */
export function isEmailOnly(text: string): boolean {
  const m = text.length <= 512 && text.includes('@') ? EMAIL.exec(text) : null;
  return m !== null && m[0].length === text.replace(/^mailto:/i, '').length;
}

/** The display name in an author string, or null when it is empty. */
export function readPersonName(raw: string | null | undefined): string | null {
  if (raw == null) return null;
  let text = cleanText(raw).replace(/^mailto:/i, '');
  // the e-mail pattern backtracks on long strings; real author fields are short
  const email = text.length <= 512 && text.includes('@') ? EMAIL.exec(text) : null;
  if (email) {
    let name = text.replace(email[0], '').replace('()', '').replace('<>', '').trim();
    if (name.startsWith('(')) name = name.slice(1);
    if (name.endsWith(')')) name = name.slice(0, -1);
    name = name.trim();
    if (name) text = cleanText(name);
  }
  if (/<[A-Za-z/!?][^>]*>/.test(text)) text = htmlToPlainText(text);
  return text || null;
}
