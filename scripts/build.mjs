// Bundles the two runner entry points into dist/ (committed: runners execute it as is), with
// dist/licenses.txt: the name, version, licence and licence text of every package bundled into it,
// as their licences (openpgp's LGPL, tar's BlueOak, MIT, ISC) require of a redistributed copy.
import { build } from 'esbuild';
import { readdirSync, readFileSync } from 'node:fs';
import { readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

// The standard texts of the licences some bundled packages declare without shipping the text.
const STANDARD_TEXTS = {
  MIT: (holder) =>
    `Copyright (c) ${holder}\n\nPermission is hereby granted, free of charge, to any person obtaining a copy of this software and associated documentation files (the "Software"), to deal in the Software without restriction, including without limitation the rights to use, copy, modify, merge, publish, distribute, sublicense, and/or sell copies of the Software, and to permit persons to whom the Software is furnished to do so, subject to the following conditions:\n\nThe above copyright notice and this permission notice shall be included in all copies or substantial portions of the Software.\n\nTHE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.`,
  ISC: (holder) =>
    `Copyright (c) ${holder}\n\nPermission to use, copy, modify, and/or distribute this software for any purpose with or without fee is hereby granted, provided that the above copyright notice and this permission notice appear in all copies.\n\nTHE SOFTWARE IS PROVIDED "AS IS" AND THE AUTHOR DISCLAIMS ALL WARRANTIES WITH REGARD TO THIS SOFTWARE INCLUDING ALL IMPLIED WARRANTIES OF MERCHANTABILITY AND FITNESS. IN NO EVENT SHALL THE AUTHOR BE LIABLE FOR ANY SPECIAL, DIRECT, INDIRECT, OR CONSEQUENTIAL DAMAGES OR ANY DAMAGES WHATSOEVER RESULTING FROM LOSS OF USE, DATA OR PROFITS, WHETHER IN AN ACTION OF CONTRACT, NEGLIGENCE OR OTHER TORTIOUS ACTION, ARISING OUT OF OR IN CONNECTION WITH THE USE OR PERFORMANCE OF THIS SOFTWARE.`,
};

// Built beside dist/ and swapped in, so a run of dist/ never sees a half-written bundle.
const dist = new URL('../dist', import.meta.url);
const next = new URL('../dist.next', import.meta.url);
const previous = new URL('../dist.previous', import.meta.url);

// @actions/core imports @actions/http-client (with tunnel and all of undici) for getIDToken alone,
// which the action never calls: its OIDC module is replaced by one that says so, and the client
// is bundled only where it is used (the Helm installer's and the supply chain's chunks, which ask
// for the OIDC token themselves), not loaded by every run.
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
const { metafile } = await build({
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
  // The notices go to licenses.txt, whole, instead of scattered comments.
  legalComments: 'none',
  // Bundled CommonJS dependencies call require() for Node built-ins; give them one.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  // jsonc-parser's default (UMD) build loads its modules with a require() esbuild cannot follow.
  alias: { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' },
  metafile: true,
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
  if (/[^\0-\x7f]/.test(text)) await writeFile(path, text.replace(/[^\0-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
}
await writeFile(new URL('../dist.next/licenses.txt', import.meta.url), licenses(metafile));
await rm(previous, { recursive: true, force: true });
await rename(dist, previous).catch(() => {});
await rename(next, dist);
await rm(previous, { recursive: true, force: true });

/** The licences file for every package that has bytes in the output, sorted by name. */
function licenses(meta) {
  const dirs = new Set();
  for (const output of Object.values(meta.outputs)) {
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      // The last node_modules/ in the path names the package (nested copies included).
      const match = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input);
      if (match && bytesInOutput > 0) dirs.add(match[1]);
    }
  }
  const packages = [...dirs].map(describePackage).sort((a, b) => a.name.localeCompare(b.name) || a.version.localeCompare(b.version));
  const header =
    'Third-party software bundled into this directory (dist/), generated by scripts/build.mjs.\n' +
    'Each package is listed with its version, its licence and the licence text it ships.\n';
  return [header, ...packages.map((p) => `${'='.repeat(78)}\n${p.name} ${p.version}\nLicense: ${p.license}\n\n${p.text.trimEnd()}\n`)].join('\n');
}

function describePackage(dir) {
  const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  const license = typeof manifest.license === 'string' ? manifest.license : manifest.license?.type;
  if (!license) throw new Error(`${manifest.name} has no licence in its package.json: check it before bundling it`);
  const files = readdirSync(dir).filter((f) => /^(licen[cs]e|copying|notice)/i.test(f)).sort();
  // A few packages declare their licence without shipping its text: the standard text of that
  // licence is reproduced, with the holder their package.json names.
  const author = typeof manifest.author === 'string' ? manifest.author : manifest.author?.name;
  let text;
  if (files.length > 0) text = files.map((f) => readFileSync(join(dir, f), 'utf8').trimEnd()).join('\n\n');
  else if (STANDARD_TEXTS[license]) text = `(The package ships no licence file; its package.json declares ${license}.)\n\n${STANDARD_TEXTS[license](author || `the authors of ${manifest.name}`)}`;
  else throw new Error(`${manifest.name} ships no licence file and declares ${license}: add that licence's text to scripts/build.mjs before bundling it`);
  return { name: manifest.name, version: manifest.version, license, text };
}

