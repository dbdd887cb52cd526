/**
 * @module publish/theme
 * Loads a theme: Eta templates and static assets. The default theme ships in
 * `<package root>/themes/default`; a site theme folder (`site.theme`) overrides it file by
 * file — a `templates/river.eta` there replaces only the river template, an `assets/style.css`
 * only the stylesheet — so a site can restyle without copying the whole theme. Templates are
 * read once and compiled by Eta with auto-escaping on: `<%= %>` escapes, `<%~ %>` is for the
 * already-sanitized item HTML only.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Eta } from 'eta';
import { TributaryError } from '../model/index.js';
import type { SiteOptions } from './river-source.js';

/** The pages a theme renders. */
export type PageName = 'river' | 'source' | 'sources' | 'search' | 'status' | 'not-found';

/** A loaded theme. */
export interface Theme {
  /** Renders a page template with its view data. */
  render(name: PageName, data: object): string;
  /** Asset folders, most specific first: a file in the site theme hides the default's. */
  assetDirs: readonly string[];
}

/** The themes folder shipped with the package (works from `src/` and from `dist/`). */
export const defaultThemesRoot = fileURLToPath(new URL('../../themes/', import.meta.url));

/**
 * Loads the default theme from `themesRoot` (default: the package's `themes/`) with the
 * templates and assets of `site.theme` (resolved against the working directory) on top.
 */
export async function loadTheme(site: SiteOptions, themesRoot: string = defaultThemesRoot): Promise<Theme> {
  const folders = [join(themesRoot, 'default')];
  if (site.theme) {
    const custom = resolve(site.theme);
    if (!existsSync(custom)) throw new TributaryError('CONFIG_INVALID', `config: site.theme: folder ${custom} does not exist`);
    folders.push(custom);
  }
  const eta = new Eta({ autoEscape: true, autoTrim: [false, 'nl'], cache: true });
  for (const folder of folders) {
    for (const [name, text] of await readTemplates(join(folder, 'templates'))) {
      eta.loadTemplate(`@${name}`, text);
    }
  }
  return {
    render: (name, data) => eta.render(`@${name}`, data),
    assetDirs: folders
      .map((folder) => join(folder, 'assets'))
      .filter((dir) => existsSync(dir))
      .reverse(),
  };
}

async function readTemplates(dir: string): Promise<Array<[string, string]>> {
  if (!existsSync(dir)) return [];
  const names = (await readdir(dir)).filter((name) => name.endsWith('.eta')).sort();
  return Promise.all(names.map(async (name) => [name.slice(0, -4), await readFile(join(dir, name), 'utf8')] as [string, string]));
}
