/**
 * @module publish/pagination
 * Pagination links: newer/older and a window of page numbers with gaps, each a relative link.
 */

/** A page-number link, or a gap between numbers. */
export type PageLink = { number: number; href: string; current: boolean } | { gap: true };

/** The pagination block of a page; null when everything fits on one page. */
export interface PaginationView {
  page: number;
  pages: number;
  newer: string | null;
  older: string | null;
  links: PageLink[];
}

/** Builds the pagination of page `page` of `pages`, where `hrefOf(n)` is the link to page n. */
export function createPagination(page: number, pages: number, hrefOf: (n: number) => string): PaginationView | null {
  if (pages <= 1) return null;
  const shown = new Set([1, pages]);
  for (let n = page - 2; n <= page + 2; n += 1) if (n >= 1 && n <= pages) shown.add(n);
  const links: PageLink[] = [];
  let previous = 0;
  for (const n of [...shown].sort((a, b) => a - b)) {
    if (n - previous > 1) links.push({ gap: true });
    links.push({ number: n, href: hrefOf(n), current: n === page });
    previous = n;
  }
  return {
    page,
    pages,
    newer: page > 1 ? hrefOf(page - 1) : null,
    older: page < pages ? hrefOf(page + 1) : null,
    links,
  };
}
