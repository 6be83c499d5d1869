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
        bindings: { ADMIN_TOKEN: 'test-admin-token-0123456789', KV_PUBLISH_INTERVAL_MS: '0', REQUEST_LOG: 'off' },
      },
    }),
  ],
  test: {
    include: ['tests/**/*.test.ts', 'widgets/**/*.test.ts', 'src/**/*.test.ts'],
    testTimeout: 30_000,
  },
});
