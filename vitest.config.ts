import { cloudflareTest } from '@cloudflare/vitest-plugin';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [
    cloudflareTest({
      wrangler: { configPath: './wrangler.toml' },
      miniflare: {
        // Tests get their own admin secret; the real one lives in `wrangler secret` / .dev.vars.
        bindings: { ADMIN_TOKEN: 'test-admin-token-0123456789' },
      },
    }),
  ],
  test: {
    include: ['tests/**/*.test.ts', 'widgets/**/*.test.ts', 'src/**/*.test.ts'],
    testTimeout: 30_000,
  },
});
