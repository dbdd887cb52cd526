/**
 * @module parse/decode-document
 * Bytes to text, choosing the encoding the way XML (Appendix F) and RFC 7303 describe: a BOM
 * first, then the HTTP charset, then the XML declaration, else UTF-8. A document that claims
 * UTF-8 but is not valid UTF-8 (usually windows-1252 written by a misconfigured server) is
 * recovered byte by byte — valid sequences as UTF-8, stray bytes as windows-1252 — and flagged.
 * ISO-8859-1 and US-ASCII labels end up as windows-1252, as browsers do (see repairText). Works on chunks, so the
 * fetcher can hand bytes over as they arrive.
 */
import { isAscii, isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';

/** Streaming decoder: `write` bytes, get text; `problem` tells why the document was recovered. */
export interface DocumentDecoder {
  write(bytes: Uint8Array): string;
  end(): string;
  readonly encoding: string | null;
  readonly problem: string | null;
  /** False while every byte so far was ASCII (then no text can need an encoding repair). */
  readonly sawNonAscii: boolean;
}

const SNIFF_BYTES = 1024;
const LATIN1_LABELS = new Set(['iso-8859-1', 'iso8859-1', 'latin1', 'latin-1', 'l1', 'us-ascii', 'ascii', 'iso_8859-1', 'cp819', 'ibm819']);
const UTF8_LABELS = new Set(['utf-8', 'utf8', 'unicode-1-1-utf-8']);
const UTF16_LABELS = new Set(['utf-16', 'utf16', 'ucs-2', 'iso-10646-ucs-2', 'unicode']);
const utf8Decoder = new TextDecoder('utf-8');

/** The charset parameter of a Content-Type header value, lower-cased, or null. */
function charsetOfContentType(contentType: string | null | undefined): string | null {
  const m = contentType ? /;\s*charset\s*=\s*["']?([^"';\s]+)/i.exec(contentType) : null;
  return m ? (m[1] as string).toLowerCase() : null;
}

/** The encoding a byte order mark (or UTF-16's `<` + NUL) announces, and the mark's length. */
export function bomEncoding(b: Uint8Array): { encoding: string; length: number } | null {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (b[0] === 0xff && b[1] === 0xfe && b[2] === 0 && b[3] === 0) return { encoding: 'utf-32le', length: 4 };
  if (b[0] === 0 && b[1] === 0 && b[2] === 0xfe && b[3] === 0xff) return { encoding: 'utf-32be', length: 4 };
  if (b[0] === 0xff && b[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (b[0] === 0xfe && b[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  // No BOM, but '<' and an ASCII character in UTF-16 (XML 1.0 Appendix F.1: '<?xml', or a root
  // element when the declaration is missing); NUL never starts a tag name in any other encoding
  if (b[0] === 0x3c && b[1] === 0 && b[2] !== 0 && b[3] === 0) return { encoding: 'utf-16le', length: 0 };
  if (b[0] === 0 && b[1] === 0x3c && b[2] === 0 && b[3] !== 0) return { encoding: 'utf-16be', length: 0 };
  return null;
}

function declaredEncoding(head: Uint8Array): string | null {
  const text = Buffer.from(head.buffer, head.byteOffset, Math.min(head.length, SNIFF_BYTES)).toString('latin1');
  const m = /^\s*<\?xml\s[^>]*?encoding\s*=\s*["']\s*([A-Za-z0-9._:-]+)\s*["']/.exec(text);
  return m ? (m[1] as string).toLowerCase() : null;
}

/** Normalises a label to one iconv-lite or the WHATWG TextDecoder knows; null for UTF-8 or an unknown label. */
function normalizeLabel(label: string | null): string | null {
  if (!label || UTF8_LABELS.has(label)) return null;
  // Latin-1 proper: C1 bytes stay C1 here and become windows-1252 punctuation in repairText,
  // after the double-encoded-UTF-8 repair has had its chance (which C1 characters enable)
  if (LATIN1_LABELS.has(label)) return 'latin1';
  if (label === 'gb2312' || label === 'gbk') return 'gb18030';
  if (iconv.encodingExists(label)) return label;
  return whatwgDecoder(label) ? label : null;
}

interface ChunkDecoder {
  write(bytes: Buffer): string;
  end(): string | undefined;
}

/**
 * A streaming decoder from the WHATWG Encoding Standard, for the labels iconv-lite does not
 * carry (ISO-2022-JP, which Japanese sites still serve; x-mac-cyrillic…). Node's full ICU has them.
 */
function whatwgDecoder(label: string): ChunkDecoder | null {
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(label);
  } catch {
    return null;
  }
  return { write: (bytes) => decoder.decode(bytes, { stream: true }), end: () => decoder.decode() };
}

function chunkDecoder(encoding: string): ChunkDecoder {
  return iconv.encodingExists(encoding) ? iconv.getDecoder(encoding, { stripBOM: true }) : (whatwgDecoder(encoding) as ChunkDecoder);
}

/** Length of a trailing incomplete UTF-8 sequence (0–3 bytes) to keep for the next chunk. */
function incompleteTail(b: Uint8Array): number {
  for (let back = 1; back <= 3 && back <= b.length; back++) {
    const byte = b[b.length - back] as number;
    if ((byte & 0xc0) === 0x80) continue;
    const need = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return need > back ? back : 0;
  }
  return 0;
}

const cp1252 = (bytes: Uint8Array): string => iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'windows-1252');

/**
 * Invalid UTF-8: when valid multi-byte sequences outnumber the invalid bytes, the document is
 * UTF-8 with a few stray bytes — keep the UTF-8 and read each stray byte as windows-1252.
 * Otherwise it is a single-byte document that lied (its few "valid" sequences are accidents,
 * like "é »" reading as one CJK character): read it all as windows-1252.
 */
function isMostlyUtf8(b: Uint8Array): boolean {
  let valid = 0;
  let invalid = 0;
  for (let i = 0; i < b.length; ) {
    const byte = b[i] as number;
    if (byte < 0x80) {
      i++;
      continue;
    }
    const need = byte >= 0xc2 && byte <= 0xdf ? 2 : byte >= 0xe0 && byte <= 0xef ? 3 : byte >= 0xf0 && byte <= 0xf4 ? 4 : 0;
    if (need > 1 && isUtf8(b.subarray(i, i + need))) {
      valid++;
      i += need;
    } else {
      invalid++;
      i++;
    }
  }
  return valid > invalid;
}

/** Valid UTF-8 runs as UTF-8, every invalid byte as its windows-1252 character. */
function decodeMixedUtf8(b: Uint8Array): string {
  let out = '';
  let runStart = 0;
  let i = 0;
  while (i < b.length) {
    const byte = b[i] as number;
    let need = byte < 0x80 ? 1 : byte >= 0xc2 && byte <= 0xdf ? 2 : byte >= 0xe0 && byte <= 0xef ? 3 : byte >= 0xf0 && byte <= 0xf4 ? 4 : 0;
    if (need > 1 && isUtf8(b.subarray(i, i + need)) === false) need = 0;
    if (need === 0) {
      out += utf8Decoder.decode(b.subarray(runStart, i)) + cp1252(b.subarray(i, i + 1));
      i++;
      runStart = i;
    } else i += need;
  }
  return out + utf8Decoder.decode(b.subarray(runStart));
}

/** Creates a decoder for one document; `contentType` is the HTTP header value, if any. */
export function createDocumentDecoder(contentType?: string | null): DocumentDecoder {
  let head: Uint8Array | null = new Uint8Array(0);
  let pending = new Uint8Array(0);
  let encoding: string | null = null;
  let labelDecoder: ChunkDecoder | null = null;
  let problem: string | null = null;
  let sawNonAscii = false;
  // Once a chunk shows the document is a single-byte one that claimed UTF-8, every later chunk is
  // read the same way: the decision must not flip with where the chunks happen to be cut.
  let singleByte = false;

  const start = (bytes: Uint8Array): Uint8Array => {
    const bom = bomEncoding(bytes);
    const label = bom?.encoding ?? charsetOfContentType(contentType) ?? declaredEncoding(bytes);
    let chosen = normalizeLabel(label);
    if (chosen && UTF16_LABELS.has(chosen) && !bom) chosen = null; // an ASCII-readable declaration cannot be UTF-16
    if (label && !chosen && !UTF8_LABELS.has(label) && !UTF16_LABELS.has(label)) problem = `unknown encoding "${label}", read as UTF-8`;
    encoding = chosen ?? 'utf-8';
    if (chosen) labelDecoder = chunkDecoder(chosen);
    return bom ? bytes.subarray(bom.length) : bytes;
  };

  const decodeUtf8 = (bytes: Uint8Array, final: boolean): string => {
    let b = bytes;
    if (singleByte) return cp1252(b);
    if (pending.length > 0) {
      b = new Uint8Array(pending.length + bytes.length);
      b.set(pending);
      b.set(bytes, pending.length);
    }
    const keep = final ? 0 : incompleteTail(b);
    pending = keep ? b.slice(b.length - keep) : new Uint8Array(0);
    const body = keep ? b.subarray(0, b.length - keep) : b;
    // pure ASCII (most chunks of most feeds) decodes four times faster as Latin-1
    if (isAscii(body)) return Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('latin1');
    sawNonAscii = true;
    if (isUtf8(body)) return utf8Decoder.decode(body);
    problem ??= 'document is not valid UTF-8; invalid bytes read as windows-1252';
    if (isMostlyUtf8(body)) return decodeMixedUtf8(body);
    singleByte = true;
    const rest = pending;
    pending = new Uint8Array(0);
    return cp1252(body) + cp1252(rest);
  };

  const feed = (bytes: Uint8Array, final: boolean): string => {
    if (head !== null) {
      const joined = new Uint8Array(head.length + bytes.length);
      joined.set(head);
      joined.set(bytes, head.length);
      if (!final && joined.length < SNIFF_BYTES) {
        head = joined;
        return '';
      }
      head = null;
      bytes = start(joined);
    }
    if (labelDecoder) sawNonAscii = true;
    if (labelDecoder) return labelDecoder.write(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)) + (final ? labelDecoder.end() ?? '' : '');
    return decodeUtf8(bytes, final);
  };

  return {
    write: (bytes) => feed(bytes, false),
    end: () => feed(new Uint8Array(0), true),
    get encoding() {
      return encoding;
    },
    get problem() {
      return problem;
    },
    get sawNonAscii() {
      return sawNonAscii || pending.length > 0;
    },
  };
}

/** Decodes a whole document at once. */
export function decodeDocument(bytes: Uint8Array, contentType?: string | null): { text: string; encoding: string | null; problem: string | null } {
  const decoder = createDocumentDecoder(contentType);
  const text = decoder.write(bytes) + decoder.end();
  return { text, encoding: decoder.encoding, problem: decoder.problem };
}
