/**
 * @module config
 * Reads `tributary.yaml` (or builds the defaults when there is none) and writes the commented
 * starter file for `tributary init`.
 */
import { readFile } from 'node:fs/promises';
import { parse as parseYaml } from 'yaml';
import { TributaryError } from '../model/index.js';
import { configSchema } from './schema.js';
import type { Config, ConfigInput } from './schema.js';

export type { Config, ConfigInput } from './schema.js';
export { starterConfigYaml } from './starter.js';

/** Validates `input` against the schema, fills defaults and freezes the result. */
export function createConfig(input: ConfigInput = {}): Readonly<Config> {
  const result = configSchema.safeParse(input ?? {});
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue ? issue.path.join('.') || '(root)' : '(root)';
    throw new TributaryError('CONFIG_INVALID', `config: ${where}: ${issue?.message ?? 'invalid'}`);
  }
  return deepFreeze(result.data);
}

/**
 * Loads a YAML config file. A missing file gives the defaults when `optional` is true (the
 * default config path may be absent), and an error otherwise.
 */
export async function loadConfig(path: string, { optional = false } = {}): Promise<Readonly<Config>> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if (optional && (error as NodeJS.ErrnoException).code === 'ENOENT') return createConfig({});
    throw new TributaryError('CONFIG_INVALID', `config: cannot read ${path}: ${(error as Error).message}`, { cause: error });
  }
  let data: unknown;
  try {
    data = parseYaml(text) ?? {};
  } catch (error) {
    throw new TributaryError('CONFIG_INVALID', `config: ${path} is not valid YAML: ${(error as Error).message.split('\n')[0]}`, { cause: error });
  }
  try {
    return createConfig(data as ConfigInput);
  } catch (error) {
    if (error instanceof TributaryError) {
      throw new TributaryError('CONFIG_INVALID', `${path}: ${error.message}`, { cause: error });
    }
    throw error;
  }
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
