#!/usr/bin/env node
// Batch mode for the parser agreement check (tools/parse_agreement.py --batch): reads file paths
// on stdin, one a line, and prints one `tributary parse --json` contract per line with a `file`
// key. Runs from the compiled output (`npm run build` first). With a path argument instead of
// stdin, prints that one file's contract.
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';

const { parseFeed, toParseContract, parseErrorContract } = await import(new URL('../dist/parse/index.js', import.meta.url).href);

function contractFor(file) {
  try {
    return { ...toParseContract(parseFeed(readFileSync(file))), file };
  } catch (error) {
    const typed = error instanceof Error && error.name === 'TributaryError';
    return { ...parseErrorContract(error), ...(typed ? {} : { threw: true }), file };
  }
}

const args = process.argv.slice(2).filter((a) => a !== '--batch');
if (args.length > 0) {
  for (const file of args) process.stdout.write(JSON.stringify(contractFor(file)) + '\n');
} else {
  for await (const line of createInterface({ input: process.stdin })) {
    const file = line.trim();
    if (file) process.stdout.write(JSON.stringify(contractFor(file)) + '\n');
  }
}
