import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/**
 * The error vocabulary. Domain code (store, importer, card pipeline) throws one of these and never
 * an HTTP status; the app's error handler (src/http/errors.ts) maps each class to a status in one
 * table and answers in the form of the surface that failed: an error card, a JSON problem, a page,
 * or oEmbed's bare status.
 */
export class DomainError extends Error {
  constructor(
    /** Short, stable, human title ("Series not found"). */
    readonly title: string,
    /** One sentence saying what was wrong and, where it helps, how to fix it. */
    readonly detail: string,
    /** Extra members for a JSON problem (RFC 9457), e.g. the CSV line an import failed on. */
    readonly extra: Record<string, unknown> = {},
  ) {
    super(`${title}: ${detail}`);
    this.name = new.target.name;
  }
}

/** The request cannot be understood as asked: a bad option, id, query or body syntax. */
export class Invalid extends DomainError {}
/** Well-formed data that fails validation (a series that breaks the schema). */
export class Unprocessable extends Invalid {}
/** A body or file beyond its size limit. */
export class TooLarge extends Invalid {}
/** No such series, version, widget or month. */
export class NotFound extends DomainError {}
/** The write conflicts with the current state. */
export class Conflict extends DomainError {}
/** A conditional write whose condition (`If-Match`, `If-None-Match: *`) does not hold. */
export class PreconditionFailed extends Conflict {}
/** A store or dependency failed or did not answer in time; retrying later may work. */
export class Unavailable extends DomainError {}

/**
 * HTTP-only refusals (authentication, rate limits, unsupported formats): Hono's own exception
 * type, with a title and headers for the answer. The same table maps it by its status.
 */
export class HttpRefusal extends HTTPException {
  constructor(
    status: ContentfulStatusCode,
    readonly title: string,
    readonly detail: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(status, { message: detail });
    this.name = 'HttpRefusal';
  }
}

export const seriesNotFound = (id: string): NotFound => new NotFound('Series not found', `There is no series "${id}".`);

/** zod issues as one readable line: `months: must be at most 240; theme: invalid option`. */
export function describeIssues(issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>): string {
  return issues
    .slice(0, 5)
    .map((i) => (i.path.length ? `${i.path.map(String).join('.')}: ${i.message}` : i.message))
    .join('; ');
}
