// `river --format text` goes straight to a terminal: no control character a feed carries may
// reach it, C1 included (U+009B is CSI, U+009D OSC and U+0090 DCS in xterm's UTF-8 mode, and an
// unterminated OSC or DCS swallows the rest of the output).
import { expect, it } from 'vitest';
import { renderRiverText } from './river-text.js';
import { makeItem, pageOf, site } from './testdata/river-fixtures.js';

const c1 = [0x80, 0x90, 0x9b, 0x9c, 0x9d, 0x9f].map((code) => ({ name: `U+${code.toString(16).toUpperCase().padStart(4, '0')}`, char: String.fromCharCode(code) }));

it.each(c1)('strips the C1 control $name from titles, attribution and text', ({ char }) => {
  const item = makeItem({ title: `Red ${char}31m title`, author: `Mal${char}lory`, content: `<p>text ${char}0;pwned end</p>` });
  const text = renderRiverText(pageOf([item]), site);
  expect([...text].filter((found) => found >= '\u0080' && found <= '\u009f')).toEqual([]);
  expect(text.split('\n')[0]).toBe('Red 31m title');
});
