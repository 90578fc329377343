// Bundles the two runner entry points into dist/ (committed: runners execute it as is).
import { build } from 'esbuild';
import { rename, rm } from 'node:fs/promises';

// Built beside dist/ and swapped in, so a run of dist/ never sees a half-written bundle.
const dist = new URL('../dist', import.meta.url);
const next = new URL('../dist.next', import.meta.url);
const previous = new URL('../dist.previous', import.meta.url);
await rm(next, { recursive: true, force: true });
await build({
  entryPoints: { main: 'src/main.ts', post: 'src/post.ts' },
  outdir: 'dist.next',
  bundle: true,
  // Code that only some runs need (OpenPGP signing, the Helm installer) goes to chunks that are
  // loaded on demand, so a plain publish starts fast.
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  platform: 'node',
  target: 'node20',
  format: 'esm',
  minify: false,
  legalComments: 'none',
  // Bundled CommonJS dependencies call require() for Node built-ins; give them one.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  // jsonc-parser's default (UMD) build loads its modules with a require() esbuild cannot follow.
  alias: { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' },
  logLevel: 'warning',
});
await rm(previous, { recursive: true, force: true });
await rename(dist, previous).catch(() => {});
await rename(next, dist);
await rm(previous, { recursive: true, force: true });
