/**
 * The only place KV keys are built. The leading schema version lets a future layout live beside
 * this one during a migration.
 */
const KEY_SCHEMA = 'v1';

export const keys = {
  /**
   * The head: which version of every series is current, as one document. Readers resolve a series
   * through it, so a commit that changes many series (an import) becomes visible all at once.
   * Written only by the writer (src/writer/), after everything it points at.
   */
  head: `${KEY_SCHEMA}:head`,
  /** Before the writer's first commit, the current version of each series had its own key. */
  legacyCurrent: (id: string): string => `${KEY_SCHEMA}:cur:${id}`,
  legacyCurrentPrefix: `${KEY_SCHEMA}:cur:`,
  /** Every version ever committed, kept forever and never rewritten (so readers may cache it long). */
  version: (id: string, version: string): string => `${KEY_SCHEMA}:ver:${id}:${version}`,
  versionPrefix: (id: string): string => `${KEY_SCHEMA}:ver:${id}:`,
  allVersionsPrefix: `${KEY_SCHEMA}:ver:`,
  /** A series' history: every committed version, oldest first (the versions list). */
  history: (id: string): string => `${KEY_SCHEMA}:hist:${id}`,
  /** One summary per current series, for the catalog and the gallery (one read, not one per series). */
  catalog: `${KEY_SCHEMA}:catalog`,
  /**
   * A card rendered ahead of time (src/jobs/prerender.ts), under the versions it shows and its
   * canonical path, so a data centre's cache miss costs a KV read, not a render.
   */
  prerender: (versions: readonly string[], path: string): string => `${KEY_SCHEMA}:pre:${versions.join('+')}:${path}`,
  /** A version of a document that is not a series (the policy events), kept forever like a series version. */
  doc: (name: string, version: string): string => `${KEY_SCHEMA}:doc:${name}:${version}`,
  /** A document's history: every committed version, oldest first. */
  docHistory: (name: string): string => `${KEY_SCHEMA}:dochist:${name}`,
  /** Set once the local seed is in (see `READINESS` in wrangler.toml). */
  ready: `${KEY_SCHEMA}:meta:ready`,
};
