import type { Registry } from './card/registry';
import type { Timing } from './http/observe';

/** How a failed request answers: an error image, a JSON problem, an HTML page, or oEmbed's bare status. */
export type Surface = 'image' | 'api' | 'page' | 'oembed';

/** Hono's environment for this app: the Worker's bindings (typed by `wrangler types`) and per-request values. */
export interface AppEnv {
  Bindings: Env;
  Variables: {
    /** The query after the query rules (src/http/query.ts). */
    query: Record<string, string>;
    /** Set by each route group; decides the form of an error answer. */
    surface: Surface;
    registry: Registry;
    /** Durations and versions of this request, for its log line and Server-Timing (src/http/observe.ts). */
    timing: Timing;
  };
}
