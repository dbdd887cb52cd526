/**
 * @module cli/commands/parse
 * `parse FILE|URL --json`: one document through the parser, printed as the normalized contract
 * (the same shape the agreement tool compares with the reference parser). `--batch` reads paths
 * from stdin and prints one contract per line with its `file`, for the agreement tool.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import { createFeedParser, parseErrorContract, parseFeed, toParseContract } from '../../parse/index.js';
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
          if (file) console.log(JSON.stringify({ ...(await fileContract(file)), file }));
        }
        return;
      }
      if (!source) throw new Error('parse: give a FILE or URL (or --batch)');
      if (/^https?:\/\//i.test(source)) {
        const config = await readConfig(globals());
        const fetcher = fetcherFor(config, globals());
        try {
          const result = await fetcher.fetchFeed({ url: source });
          const contract = result.kind === 'ok'
            ? await contractOf(async () => result.body, result.contentType, result.finalUrl)
            : { ok: false, error: 'not modified' };
          console.log(JSON.stringify(contract));
        } catch (error) {
          console.log(JSON.stringify(parseErrorContract(error)));
        } finally {
          await fetcher.close();
        }
        return;
      }
      console.log(JSON.stringify(await fileContract(source)));
    });
}

async function contractOf(read: () => Promise<Uint8Array>, contentType: string | null = null, baseUrl: string | null = null): Promise<object> {
  try {
    return toParseContract(parseFeed(await read(), { contentType, baseUrl }));
  } catch (error) {
    return parseErrorContract(error);
  }
}

/** A file streamed through the parser in 64 KB reads, as the fetcher hands a body over: the whole file is never in memory. */
async function fileContract(path: string): Promise<object> {
  try {
    const parser = createFeedParser();
    for await (const chunk of createReadStream(path, { highWaterMark: 1 << 16 })) parser.write(chunk as Buffer);
    return toParseContract(parser.end());
  } catch (error) {
    return parseErrorContract(error);
  }
}
