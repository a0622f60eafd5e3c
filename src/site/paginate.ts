// A list cut into numbered pages, each with the links to its neighbours (the listings, the seed index and
// the archive pages print these).

export interface Listing<T> {
  /** 1-based. */
  number: number;
  total: number;
  items: T[];
  url: string;
  previousUrl?: string;
  nextUrl?: string;
}

export function paginate<T>(items: readonly T[], size: number, urlOf: (page: number) => string): Listing<T>[] {
  const total = Math.max(1, Math.ceil(items.length / size));
  const pages: Listing<T>[] = [];
  for (let number = 1; number <= total; number++) {
    pages.push({
      number,
      total,
      items: items.slice((number - 1) * size, number * size),
      url: urlOf(number),
      ...(number > 1 ? { previousUrl: urlOf(number - 1) } : {}),
      ...(number < total ? { nextUrl: urlOf(number + 1) } : {}),
    });
  }
  return pages;
}
