// dist/ is redistributed to every runner that uses the action: it must carry the licence of each
// package bundled into it (openpgp's LGPL-3.0+, tar's BlueOak-1.0.0, …). The bundle is the one
// `pretest` just built, so a licences file that is missing or stale fails here.
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { projectRoot } from '../support/action-runner.js';

const dist = join(projectRoot, 'dist');

/** Packages whose modules esbuild put into the bundle (it heads each with `// node_modules/…`). */
async function bundledPackages(): Promise<Set<string>> {
  const files = (await readdir(dist, { recursive: true })).filter((f) => f.endsWith('.js'));
  const names = new Set<string>();
  for (const file of files) {
    for (const match of (await readFile(join(dist, file), 'utf8')).matchAll(/^\/\/ (?:.*\/)?node_modules\/((?:@[^/]+\/)?[^/]+)\//gm)) names.add(match[1]!);
  }
  return names;
}

/** licenses.txt as name → { version, license, text }. */
async function listed(): Promise<Map<string, Array<{ version: string; license: string; text: string }>>> {
  const text = await readFile(join(dist, 'licenses.txt'), 'utf8');
  // A package bundled in two versions (a nested copy) is listed once per version.
  const entries = new Map<string, Array<{ version: string; license: string; text: string }>>();
  for (const block of text.split(/^={78}\n/m).slice(1)) {
    const [, name, version, license, body] = /^(\S+) (\S+)\nLicense: (.+)\n\n([\s\S]*)$/.exec(block) ?? [];
    assert.ok(name && version && license && body, `a malformed entry in dist/licenses.txt:\n${block.slice(0, 200)}`);
    entries.set(name, [...(entries.get(name) ?? []), { version, license, text: body }]);
  }
  return entries;
}

test('dist/licenses.txt lists exactly the bundled packages, at the installed versions, with their licence texts', async () => {
  const bundled = await bundledPackages();
  const entries = await listed();
  assert.ok(bundled.size > 5, `found the bundled packages: ${[...bundled].join(', ')}`);
  assert.deepEqual([...entries.keys()].sort(), [...bundled].sort(), 'run npm run build: the licences file is stale');
  for (const [name, versions] of entries) {
    const manifest = JSON.parse(await readFile(join(projectRoot, 'node_modules', name, 'package.json'), 'utf8')) as { version: string; license: string };
    // The top-level copy is checked against its package.json; a copy nested under another package
    // (another version) is listed with its own.
    const entry = versions.find((v) => v.version === manifest.version);
    if (entry) assert.equal(entry.license, manifest.license, `${name}'s licence`);
    for (const v of versions) assert.ok(v.text.length > 200, `${name} ${v.version}'s licence text is there`);
  }
});

test('the copyleft and less common licences are carried whole', async () => {
  const entries = await listed();
  const openpgp = entries.get('openpgp')?.[0];
  assert.equal(openpgp?.license, 'LGPL-3.0+');
  assert.match(openpgp.text, /GNU LESSER GENERAL PUBLIC LICENSE\s+Version 3/);
  const tar = entries.get('tar')?.[0];
  assert.equal(tar?.license, 'BlueOak-1.0.0');
  assert.match(tar.text, /Blue Oak Model License/);
  // tar's stream library comes along once tar's Parser is bundled.
  for (const minipass of entries.get('minipass') ?? []) assert.match(minipass.license, /BlueOak-1\.0\.0|ISC/);
});
