/**
 * @module cli/commands/parse
 * `parse FILE|URL --json`: one document through the parser, printed as the normalized contract
 * (the same shape the agreement tool compares with the reference parser). `--batch` reads paths
 * from stdin and prints one contract per line with its `file`, for the agreement tool.
 */
import { createReadStream } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import { createFeedParser, createParseContractJson, parseErrorContract, parseFeed, type ParseContractJson } from '../../parse/index.js';
import type { ParsedFeed } from '../../model/feed.js';
import { fetcherFor, readConfig } from '../context.js';
import type { GlobalOptions } from '../context.js';

export function registerParseCommand(program: Command, globals: () => GlobalOptions): void {
  program
    .command('parse [source]')
    .description('parse one feed document (a file or a URL) and print it as normalized JSON')
    .option('--json', 'print the normalized JSON contract (the default)')
    .option('--batch', 'read file paths from stdin, print one JSON object per line')
    .action(async (source: string | undefined, options: { batch?: boolean }) => {
      if (options.batch) {
        for await (const line of createInterface({ input: process.stdin })) {
          const file = line.trim();
          if (file) await printContract(await parseFile(file), { file });
        }
        return;
      }
      if (!source) throw new Error('parse: give a FILE or URL (or --batch)');
      if (/^https?:\/\//i.test(source)) {
        const config = await readConfig(globals());
        const fetcher = fetcherFor(config, globals());
        try {
          const result = await fetcher.fetchFeed({ url: source });
          await printContract(result.kind === 'ok' ? parseBytes(result.body, result.contentType, result.finalUrl) : { error: { ok: false, error: 'not modified' } });
        } catch (error) {
          console.log(JSON.stringify(parseErrorContract(error)));
        } finally {
          await fetcher.close();
        }
        return;
      }
      await printContract(await parseFile(source));
    });
}

/** A parse on its way to the contract, or the error contract when the document is no feed. */
type Parsed = { contract: ParseContractJson; feed: ParsedFeed } | { error: object };

function parseBytes(bytes: Uint8Array, contentType: string | null, baseUrl: string | null): Parsed {
  const contract = createParseContractJson();
  try {
    return { contract, feed: parseFeed(bytes, { contentType, baseUrl, onEntry: contract.add }) };
  } catch (error) {
    return { error: parseErrorContract(error) };
  }
}

/**
 * A file streamed through the parser in 64 KB reads, as the fetcher hands a body over, each entry
 * kept only as its contract line: the whole file and the parsed entries are never in memory.
 */
async function parseFile(path: string): Promise<Parsed> {
  const contract = createParseContractJson();
  try {
    const parser = createFeedParser({ onEntry: contract.add });
    for await (const chunk of createReadStream(path, { highWaterMark: 1 << 16 })) parser.write(chunk as Buffer);
    return { contract, feed: parser.end() };
  } catch (error) {
    return { error: parseErrorContract(error) };
  }
}

/** Prints one contract as one line, written in ~64 KB pieces. */
async function printContract(parsed: Parsed, extra: Record<string, string> = {}): Promise<void> {
  if ('error' in parsed) {
    process.stdout.write(`${JSON.stringify({ ...parsed.error, ...extra })}\n`);
    return;
  }
  for (const piece of parsed.contract.pieces(parsed.feed, extra)) {
    if (!process.stdout.write(piece)) await once(process.stdout, 'drain');
  }
  process.stdout.write('\n');
}
