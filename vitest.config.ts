import { cloudflareTest } from '@cloudflare/vitest-plugin';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [
    cloudflareTest({
      wrangler: { configPath: './wrangler.toml' },
      miniflare: {
        // Tests get their own admin secret; the real one lives in `wrangler secret` / .dev.vars.
        // Miniflare's KV has no per-key write rate, so the writer publishes at once (tests that
        // check coalescing set their own interval on the object).
        // Writes queue no pre-rendering unless a test asks (it would render 50 cards a series a write).
        bindings: {
          ADMIN_TOKEN: 'test-admin-token-0123456789',
          KV_PUBLISH_INTERVAL_MS: '0',
          REQUEST_LOG: 'off',
          PRERENDER: 'off',
          PURGE_AGAIN_S: '1',
        },
        queueConsumers: { 'border-stats-jobs': { maxBatchTimeout: 0, maxBatchSize: 10 } },
      },
    }),
  ],
  test: {
    include: ['tests/**/*.test.ts', 'widgets/**/*.test.ts', 'src/**/*.test.ts'],
    testTimeout: 30_000,
  },
});
