// A plain publish must not load sigstore-js or @actions/attest: they are reached only through one
// dynamic import() of src/supply-chain/index.ts, which esbuild puts in a chunk of its own. Nor the
// Helm installer (dependency-update), OpenPGP (sign) or the index.yaml reader (classic sources).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { build } from 'esbuild';

const HEAVY = /node_modules\/(@sigstore\/|@actions\/attest\/|@actions\/github\/|make-fetch-happen\/|@octokit\/|@actions\/tool-cache\/|openpgp\/|js-yaml\/)/;

async function bundle(entryPoints: Record<string, string>) {
  const result = await build({ entryPoints, bundle: true, splitting: true, format: 'esm', platform: 'node', target: 'node20', write: false, outdir: 'out', metafile: true, logLevel: 'silent' });
  return result.metafile;
}

describe('supply chain is loaded on demand', () => {
  it('the main and post entries (and the chunks they import statically) hold no signing, Helm installer or index.yaml code', async () => {
    const meta = await bundle({ main: 'src/main.ts', post: 'src/post.ts' });
    const statics = new Set<string>();
    const visit = (path: string): void => {
      if (statics.has(path)) return;
      statics.add(path);
      for (const imported of meta.outputs[path]?.imports ?? []) if (imported.kind === 'import-statement' && meta.outputs[imported.path]) visit(imported.path);
    };
    // The runner entries only: a chunk loaded by import() (supply chain, signing) is an entry point too.
    for (const [path, output] of Object.entries(meta.outputs)) if (output.entryPoint === 'src/main.ts' || output.entryPoint === 'src/post.ts') visit(path);
    const loaded = [...statics].flatMap((path) => Object.keys(meta.outputs[path]!.inputs));
    assert.ok(loaded.some((input) => input.startsWith('src/')), 'the entries were bundled');
    assert.deepEqual(loaded.filter((input) => HEAVY.test(input) || input.startsWith('src/supply-chain/')), []);
  });

  it('src/supply-chain/index.ts bundles, sigstore-js and @actions/attest included', async () => {
    const meta = await bundle({ 'supply-chain': 'src/supply-chain/index.ts' });
    const inputs = Object.keys(meta.inputs);
    assert.ok(inputs.some((i) => i.includes('node_modules/@sigstore/sign/')));
    assert.ok(inputs.some((i) => i.includes('node_modules/@actions/attest/')));
  });
});
