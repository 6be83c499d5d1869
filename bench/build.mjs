// Bundles Worker modules for Node 24 with esbuild the way wrangler bundles them for workerd: the
// same sources, the same wasm (compiled to WebAssembly.Module, as workerd's CompiledWasm rule does)
// and the same font bytes (ArrayBuffer, as the Data rule does). Used by scripts/bench.mjs.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));

const workerAssets = {
  name: 'worker-assets',
  setup(b) {
    b.onResolve({ filter: /\.(wasm|woff2?)$/ }, (args) => ({
      path: args.path.startsWith('.') ? resolve(args.resolveDir, args.path) : require.resolve(args.path),
      namespace: 'worker-asset',
    }));
    b.onLoad({ filter: /.*/, namespace: 'worker-asset' }, (args) => ({
      contents: args.path.endsWith('.wasm')
        ? `import { readFileSync } from 'node:fs';\nexport default new WebAssembly.Module(readFileSync(${JSON.stringify(args.path)}));`
        : `import { readFileSync } from 'node:fs';\nconst b = readFileSync(${JSON.stringify(args.path)});\nexport default b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength);`,
      loader: 'js',
    }));
  },
};

/** Bundles `entry` to `outfile` (ESM for Node), resolving packages with workerd's conditions. */
export async function bundleForNode(entry, outfile) {
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node24',
    conditions: ['workerd', 'worker', 'browser'],
    tsconfig: join(root, 'tsconfig.json'),
    plugins: [workerAssets],
    logLevel: 'warning',
  });
  // Sanity: the bundle must not have inlined the wasm as base64 (that would be a different start-up path).
  return readFileSync(outfile).length;
}
