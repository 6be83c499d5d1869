/**
 * One error type for everything a request can get wrong. Routes throw it; `onError` turns it into
 * an error card (image routes), a JSON problem (API) or a plain page (HTML), never a bare 500.
 */
export class HttpError extends Error {
  constructor(
    readonly status: 400 | 401 | 404 | 405 | 409 | 412 | 413 | 415 | 422 | 428 | 429 | 501 | 503,
    readonly title: string,
    readonly detail: string,
    readonly headers: Record<string, string> = {},
    readonly extra: Record<string, unknown> = {},
  ) {
    super(`${title}: ${detail}`);
    this.name = 'HttpError';
  }
}

/** The store found a value it cannot trust (corrupt JSON, failed schema). Reported, never rendered. */
export class StoreError extends Error {
  constructor(
    message: string,
    readonly key: string,
  ) {
    super(message);
    this.name = 'StoreError';
  }
}

export const notFoundSeries = (id: string): HttpError =>
  new HttpError(404, 'Series not found', `There is no series "${id}".`);

/** zod issues as one readable line: `months: must be at most 240; theme: invalid option`. */
export function describeIssues(issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>): string {
  return issues
    .slice(0, 5)
    .map((i) => (i.path.length ? `${i.path.map(String).join('.')}: ${i.message}` : i.message))
    .join('; ');
}
