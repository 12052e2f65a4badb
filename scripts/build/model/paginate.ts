export const PAGE_SIZE = 20;

/** Split a list into pages: page 1 at `baseUrl`, page n at `baseUrl + "trang-n/"`. */
export function paginate<T>(items: T[], baseUrl: string, size = PAGE_SIZE) {
  const totalPages = Math.max(1, Math.ceil(items.length / size));
  return Array.from({ length: totalPages }, (_, i) => ({
    baseUrl,
    url: i === 0 ? baseUrl : `${baseUrl}trang-${i + 1}/`,
    pageNumber: i + 1,
    totalPages,
    articles: items.slice(i * size, (i + 1) * size),
  }));
}

export function pageUrl(baseUrl: string, pageNumber: number): string {
  return pageNumber === 1 ? baseUrl : `${baseUrl}trang-${pageNumber}/`;
}
