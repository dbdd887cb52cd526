/**
 * @module publish/source-path
 * Where a source's pages live: `source/<id>-<slug>/`. The id keeps the path unique and lets the
 * server find the source from the URL alone; the ASCII slug of its title only makes it readable,
 * so a renamed source still resolves (the server redirects to the current path).
 */

/** The site-relative folder of a source's pages, e.g. `source/3-lwn-net/`. */
export function sourcePath(feed: { id: number; title: string | null }): string {
  const slug = slugify(feed.title ?? '');
  return slug === '' ? `source/${feed.id}/` : `source/${feed.id}-${slug}/`;
}

/** The source id a path segment names (`3-lwn-net` → 3), or null when it names none. */
export function parseSourceSlug(segment: string): number | null {
  const match = /^(\d{1,15})(?:-[a-z0-9-]*)?$/.exec(segment);
  return match ? Number(match[1]) : null;
}

function slugify(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48)
    .replace(/-+$/, '');
}
