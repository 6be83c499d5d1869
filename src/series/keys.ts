/**
 * The only place KV keys are built. The leading schema version lets a future layout live beside
 * this one during a migration.
 */
const KEY_SCHEMA = 'v1';

export const keys = {
  /** The current version of a series (one read serves a card). */
  current: (id: string): string => `${KEY_SCHEMA}:cur:${id}`,
  currentPrefix: `${KEY_SCHEMA}:cur:`,
  /** Every version ever written, kept forever; zero-padded sequence keeps KV's list order = history order. */
  version: (id: string, version: string): string => `${KEY_SCHEMA}:ver:${id}:${version}`,
  versionPrefix: (id: string): string => `${KEY_SCHEMA}:ver:${id}:`,
  /** Set once the local seed is in (see `READINESS` in wrangler.toml). */
  ready: `${KEY_SCHEMA}:meta:ready`,
};
