// Bundles the two runner entry points into dist/ (committed: runners execute it as is).
import { build } from 'esbuild';
import { readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';

// Built beside dist/ and swapped in, so a run of dist/ never sees a half-written bundle.
const dist = new URL('../dist', import.meta.url);
const next = new URL('../dist.next', import.meta.url);
const previous = new URL('../dist.previous', import.meta.url);

// @actions/core imports @actions/http-client (with tunnel and all of undici) for getIDToken alone,
// which the action never calls: its OIDC module is replaced by one that says so, and the client
// is bundled only where it is used (the Helm installer's chunk), not loaded by every run.
const withoutOidc = {
  name: 'without-oidc',
  setup(pluginBuild) {
    pluginBuild.onLoad({ filter: /[\\/]@actions[\\/]core[\\/]lib[\\/]oidc-utils\.js$/ }, () => ({
      contents: "export class OidcClient { static async getIDToken() { throw new Error('getIDToken is not bundled in this action'); } }",
      loader: 'js',
    }));
  },
};
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
  logLevel: 'warning',
  plugins: [withoutOidc],
});
// esbuild escapes non-ASCII text in code but keeps some comments as written (a ’ in a
// dependency's comment, a … in ours). One such character makes Node decode the whole file to a
// two-byte string, slower to read and to parse; escaped, the comment reads the same.
for (const file of await readdir(next, { recursive: true })) {
  if (!file.endsWith('.js')) continue;
  const path = new URL(`../dist.next/${file}`, import.meta.url);
  const text = await readFile(path, 'utf8');
  if (/[^\x00-\x7f]/.test(text)) await writeFile(path, text.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
}
await rm(previous, { recursive: true, force: true });
await rename(dist, previous).catch(() => {});
await rename(next, dist);
await rm(previous, { recursive: true, force: true });
