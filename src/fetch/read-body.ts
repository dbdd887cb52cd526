/**
 * @module fetch/read-body
 * Reads a response body into memory, decompressing it on the fly (gzip, deflate, br; RFC 9110
 * §8.4.1) and stopping at the size limit counted on the decompressed bytes, so a gzip bomb is cut
 * off at the limit instead of filling memory. The raw bytes are counted against the limit too.
 *
 * Built on node:zlib streams rather than undici's decompress interceptor, which is experimental
 * (it prints an ExperimentalWarning) and passes unknown encodings through silently. Raw chunks are
 * sliced to 8 KiB before decompression: zlib expands a whole input chunk before backpressure
 * applies, so this bounds what a bomb can inflate before the limit is checked (~8 MiB).
 */
import { Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createBrotliDecompress, createGunzip, createInflate, createInflateRaw } from 'node:zlib';
import type { Readable } from 'node:stream';
import { TributaryError } from '../model/index.js';
import type { BodySink } from './types.js';

const sliceBytes = 8 * 1024;
const maxEncodings = 5;

/**
 * Reads `body` fully, decoding `contentEncoding`; throws FETCH_TOO_LARGE past `maxBytes`,
 * FETCH_DECODE on a bad stream. With `sink`, the decoded chunks go to it as they arrive (nothing
 * is kept, an empty buffer is returned) and an error it throws ends the read.
 */
export async function readBody(body: Readable, contentEncoding: string | null, maxBytes: number, url: string, sink?: BodySink): Promise<Buffer> {
  const decoders = createDecoders(contentEncoding, url);
  const chunks: Buffer[] = [];
  let size = 0;
  const tooLarge = (): TributaryError =>
    new TributaryError('FETCH_TOO_LARGE', `body of ${url} is larger than ${maxBytes} bytes`, { url });

  async function* countRaw(source: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
    let raw = 0;
    for await (const chunk of source) {
      raw += chunk.length;
      if (raw > maxBytes) throw tooLarge();
      for (let offset = 0; offset < chunk.length; offset += sliceBytes) yield chunk.subarray(offset, offset + sliceBytes);
    }
  }
  async function collect(source: AsyncIterable<Buffer>): Promise<void> {
    for await (const chunk of source) {
      size += chunk.length;
      if (size > maxBytes) throw tooLarge();
      if (sink) sink.write(chunk);
      else chunks.push(chunk);
    }
  }

  // pipeline() destroys every stream with the first error, so remember which one failed first.
  let firstFailure: 'body' | 'decoder' | null = null;
  body.once('error', () => (firstFailure ??= 'body'));
  for (const decoder of decoders) decoder.once('error', () => (firstFailure ??= 'decoder'));
  try {
    await runPipeline(body, countRaw, ...decoders, collect);
  } catch (error) {
    if (error instanceof TributaryError) throw error;
    if (firstFailure === 'decoder') {
      throw new TributaryError('FETCH_DECODE', `cannot decompress the ${contentEncoding} body of ${url}`, { url, cause: error });
    }
    throw error;
  }
  return sink ? Buffer.alloc(0) : Buffer.concat(chunks, size);
}

// @types/node types pipeline() per arity; a chain of variable length needs the loose signature.
const runPipeline = pipeline as (...stages: unknown[]) => Promise<void>;

function createDecoders(contentEncoding: string | null, url: string): Transform[] {
  const encodings = (contentEncoding ?? '')
    .toLowerCase()
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '' && part !== 'identity');
  if (encodings.length > maxEncodings) {
    throw new TributaryError('FETCH_DECODE', `too many content encodings (${encodings.length}) from ${url}`, { url });
  }
  // Encodings are listed in the order they were applied, so they are undone in reverse.
  return encodings.reverse().map((encoding) => {
    switch (encoding) {
      case 'gzip':
      case 'x-gzip':
        return createGunzip();
      case 'deflate':
        return new DeflateDecoder();
      case 'br':
        return createBrotliDecompress();
      default:
        throw new TributaryError('FETCH_DECODE', `unsupported content encoding "${encoding}" from ${url}`, { url });
    }
  });
}

/**
 * "deflate" is meant to be zlib-wrapped (RFC 9110 §8.4.1.2), but some servers send raw deflate;
 * the first byte tells them apart (a zlib header has compression method 8 in its low nibble).
 */
class DeflateDecoder extends Transform {
  private inner: Transform | null = null;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    if (!this.inner) {
      if (chunk.length === 0) return callback();
      const inner = (chunk[0]! & 0x0f) === 0x08 ? createInflate() : createInflateRaw();
      inner.on('data', (data: Buffer) => this.push(data));
      inner.on('error', (error) => this.destroy(error));
      this.inner = inner;
    }
    this.inner.write(chunk, callback);
  }

  override _flush(callback: TransformCallback): void {
    if (!this.inner) return callback();
    this.inner.once('end', () => callback());
    this.inner.end();
  }
}
