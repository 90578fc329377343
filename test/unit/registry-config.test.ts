// Writing a login into Helm's registry config and undoing it, on real files in temp dirs.
import assert from 'node:assert/strict';
import { chmod, mkdir, readdir, readFile, stat, symlink, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, test } from 'node:test';
import {
  authValue,
  parseLoginRecord,
  planLogin,
  recordSecrets,
  undoLogin,
  writeLogin,
  type LoginRecord,
} from '../../src/helm/registry-config.js';
import { Cleanup } from '../support/tmp.js';

const cleanup = new Cleanup();
after(() => cleanup.run());

const HOST = 'registry.example:5000';
const b64 = (s: string): string => Buffer.from(s).toString('base64');

// What Go's json.MarshalIndent(…, "", "\t") gives for a config with one entry (Helm's own output).
const helmFile = (host: string, auth: string): string =>
  `{\n\t"auths": {\n\t\t"${host}": {\n\t\t\t"auth": "${auth}"\n\t\t}\n\t}\n}`;

async function login(path: string, host: string, user: string, pass: string): Promise<{ record: LoginRecord; warnings: string[] }> {
  // As the action does: the record goes through state (JSON) before the file is written.
  const record = parseLoginRecord(JSON.stringify(await planLogin(path, host)));
  assert.ok(record);
  const warnings = await writeLogin(record, user, pass);
  return { record, warnings };
}

async function undo(record: LoginRecord): Promise<void> {
  assert.deepEqual(await undoLogin(record), []);
}

const entries = async (dir: string): Promise<string[]> => (await readdir(dir)).sort();

interface ConfigJson {
  auths: Record<string, unknown>;
  [key: string]: unknown;
}
const parsed = (text: string): ConfigJson => JSON.parse(text) as ConfigJson;

test('authValue is base64(user:pass) and refuses what cannot round-trip', () => {
  assert.equal(authValue('ci', 's3cr:et'), b64('ci:s3cr:et'));
  assert.equal(authValue('ünï', 'pässwörd'), Buffer.from('ünï:pässwörd', 'utf8').toString('base64'));
  assert.throws(() => authValue('a:b', 'x'), /must not contain ":"/);
  assert.throws(() => authValue('', 'x'), /username and a password/);
  assert.throws(() => authValue('x', ''), /username and a password/);
});

test('login into a missing file creates it as Helm would (0600, tab indented); undo removes it and its dirs', async () => {
  const root = await cleanup.tempDir('regcfg-');
  const path = join(root, 'config', 'helm', 'registry', 'config.json');
  const record = await planLogin(path, HOST);
  assert.equal(record.fileExisted, false);
  assert.deepEqual(record.createdDirs, [join(root, 'config', 'helm', 'registry'), join(root, 'config', 'helm'), join(root, 'config')]);

  const { record: saved, warnings } = await login(path, HOST, 'ci', 'pw');
  assert.deepEqual(warnings, []);
  assert.equal(await readFile(path, 'utf8'), helmFile(HOST, b64('ci:pw')));
  assert.equal((await stat(path)).mode & 0o777, 0o600);
  assert.equal((await stat(join(root, 'config', 'helm', 'registry'))).mode & 0o777, 0o700);
  assert.deepEqual(await entries(join(root, 'config', 'helm', 'registry')), ['config.json'], 'no temp file left');

  await undo(saved);
  assert.deepEqual(await entries(root), [], 'file and the directories login made are gone');
});

test('undo keeps directories that already existed or got other files', async () => {
  const root = await cleanup.tempDir('regcfg-');
  const path = join(root, 'helm', 'registry', 'config.json');
  const { record } = await login(path, HOST, 'ci', 'pw');
  await writeFile(join(root, 'helm', 'repositories.yaml'), 'repositories: []\n');
  await undo(record);
  assert.deepEqual(await entries(join(root, 'helm')), ['repositories.yaml']);
});

test('existing content (other host, same host with old creds, unknown keys) survives byte for byte', async () => {
  const root = await cleanup.tempDir('regcfg-');
  const path = join(root, 'config.json');
  const original =
    '{\n\t"auths": {\n\t\t"other.example": {\n\t\t\t"auth": "' +
    b64('bob:bobpw') +
    '"\n\t\t},\n\t\t"' +
    HOST +
    '": {\n\t\t\t"auth": "' +
    b64('old:oldpw') +
    '",\n\t\t\t"email": "old@example.com"\n\t\t}\n\t},\n\t"currentContext": "x",\n\t"proxies": {"default": {"httpProxy": "http://p:3128"}}\n}';
  await writeFile(path, original, { mode: 0o640 });
  await chmod(path, 0o640);

  const { record } = await login(path, HOST, 'ci', 'new&pw<');
  assert.equal(record.hadEntry, true);
  assert.equal(record.previousEntry, `{\n\t\t\t"auth": "${b64('old:oldpw')}",\n\t\t\t"email": "old@example.com"\n\t\t}`);
  const written = parsed(await readFile(path, 'utf8'));
  // The whole entry is replaced, as `helm registry login` does; the rest is untouched.
  assert.deepEqual(written.auths[HOST], { auth: b64('ci:new&pw<') });
  assert.deepEqual(written.auths['other.example'], { auth: b64('bob:bobpw') });
  assert.equal(written.currentContext, 'x');
  assert.equal((await stat(path)).mode & 0o777, 0o600, 'a file holding our secret is 0600');

  await undo(record);
  assert.equal(await readFile(path, 'utf8'), original);
  assert.equal((await stat(path)).mode & 0o777, 0o640, 'the original mode is back');
});

test('a credential helper in the file: login still writes the entry, and warns that Helm will not use it', async () => {
  const root = await cleanup.tempDir('regcfg-');
  const path = join(root, 'config.json');
  const original = '{\n\t"auths": {},\n\t"credsStore": "desktop"\n}';
  await writeFile(path, original);
  const { record, warnings } = await login(path, HOST, 'ci', 'pw');
  assert.equal(warnings.length, 1);
  assert.match(warnings[0]!, /docker-credential-desktop \(credsStore\) for registry\.example:5000: later helm commands ask that helper/);
  assert.doesNotMatch(warnings[0]!, /pw|Y2k6cHc=/);
  assert.equal(await readFile(path, 'utf8'), `{\n\t"auths": {\n\t\t"${HOST}": {\n\t\t\t"auth": "${b64('ci:pw')}"\n\t\t}\n\t},\n\t"credsStore": "desktop"\n}`);
  await undo(record);
  assert.equal(await readFile(path, 'utf8'), original);

  await writeFile(path, JSON.stringify({ credHelpers: { [HOST]: 'ecr-login' } }));
  const second = await login(path, HOST, 'ci', 'pw');
  assert.match(second.warnings[0]!, /docker-credential-ecr-login \(credHelpers\)/);
  await undo(second.record);
  assert.equal(await readFile(path, 'utf8'), JSON.stringify({ credHelpers: { [HOST]: 'ecr-login' } }));
});

test('files formatted by other tools come back byte for byte: spaces, compact, CRLF, escapes, no auths', async () => {
  const root = await cleanup.tempDir('regcfg-');
  const samples = [
    '{\n  "HttpHeaders": {"User-Agent": "Docker-Client/1.0"},\n  "auths": {\n    "ghcr.io": {\n      "auth": "' + b64('u:p') + '"\n    }\n  }\n}\n',
    '{"auths":{"ghcr.io":{"auth":"' + b64('u:p') + '"}},"psFormat":"table"}',
    '{\r\n\t"auths": {\r\n\t\t"ghcr.io": {"auth": "' + b64('u:p') + '"}\r\n\t}\r\n}\r\n',
    '{"auths": {"registry.example\\u003a5000": {"auth": "' + b64('x:y') + '"}}, "n": 1.50, "e": "\\u00e9"}',
    '{\n\t"credsStore": ""\n}',
    '{}',
    '{"auths":{}}',
    '{\n\t"auths": {}\n}',
    '  { "a" : [1, {"b": "}"}], "auths" : {} }  \n',
  ];
  for (const original of samples) {
    const path = join(root, 'config.json');
    await writeFile(path, original);
    const { record } = await login(path, HOST, 'ci', 'pw');
    const after = parsed(await readFile(path, 'utf8'));
    assert.deepEqual(after.auths[HOST], { auth: b64('ci:pw') }, original);
    // Everything else means the same as before.
    const before = parsed(original);
    delete after.auths[HOST];
    if (!before.auths && Object.keys(after.auths).length === 0) delete (after as Partial<ConfigJson>).auths;
    if (before.auths) for (const k of Object.keys(before.auths)) if (k === HOST) delete before.auths[k];
    assert.deepEqual(after, before, original);
    await undo(record);
    assert.equal(await readFile(path, 'utf8'), original, JSON.stringify(original));
  }
});

test('an empty {} becomes a Helm-style file, and comes back as {}', async () => {
  const root = await cleanup.tempDir('regcfg-');
  const path = join(root, 'config.json');
  await writeFile(path, '{}');
  const { record } = await login(path, HOST, 'ci', 'pw');
  assert.equal(await readFile(path, 'utf8'), helmFile(HOST, b64('ci:pw')));
  await undo(record);
  assert.equal(await readFile(path, 'utf8'), '{}');
});

test('two runs in one job (post steps in reverse order) restore each stage byte for byte', async () => {
  const root = await cleanup.tempDir('regcfg-');
  const starts: Array<string | undefined> = [
    undefined, // no file
    `{\n\t"auths": {\n\t\t"other.example": {\n\t\t\t"auth": "${b64('o:p')}"\n\t\t}\n\t}\n}`,
    `{\n\t"auths": {\n\t\t"${HOST}": {\n\t\t\t"auth": "${b64('user0:pw0')}"\n\t\t}\n\t}\n}`,
  ];
  for (const [i, start] of starts.entries()) {
    const path = join(root, String(i), 'config.json');
    if (start !== undefined) {
      await mkdir(join(root, String(i)));
      await writeFile(path, start);
    }
    const first = await login(path, HOST, 'user1', 'pw1');
    const afterFirst = await readFile(path, 'utf8');
    const second = await login(path, HOST, 'user2', 'pw2');
    assert.deepEqual(parsed(await readFile(path, 'utf8')).auths[HOST], { auth: b64('user2:pw2') });

    await undo(second.record); // the later run's post step runs first
    assert.equal(await readFile(path, 'utf8'), afterFirst, 'the first run is still logged in');
    await undo(first.record);
    if (start === undefined) assert.deepEqual(await entries(root), ['1', '2'].filter((d) => d < String(i)), 'file removed');
    else assert.equal(await readFile(path, 'utf8'), start);
  }
});

test('a skipped post step of the later run: the earlier run still restores the pre-job entry', async () => {
  const root = await cleanup.tempDir('regcfg-');
  const path = join(root, 'config.json');
  const start = `{"auths":{"${HOST}":{"auth":"${b64('user0:pw0')}"}}}`;
  await writeFile(path, start);
  const first = await login(path, HOST, 'user1', 'pw1');
  await login(path, HOST, 'user2', 'pw2'); // logout: false
  await undo(first.record);
  assert.equal(await readFile(path, 'utf8'), start);
});

test('hosts other steps add between login and undo are kept, even after Helm reformats the file', async () => {
  const root = await cleanup.tempDir('regcfg-');
  const path = join(root, 'config.json');
  const { record } = await login(path, HOST, 'ci', 'pw');
  // A later `helm registry login ghcr.io` rewrites the whole file (Go: sorted keys, tabs).
  const helmRewrite = `{\n\t"auths": {\n\t\t"ghcr.io": {\n\t\t\t"auth": "${b64('g:h')}"\n\t\t},\n\t\t"${HOST}": {\n\t\t\t"auth": "${b64('ci:pw')}"\n\t\t}\n\t}\n}`;
  await writeFile(path, helmRewrite);
  await undo(record);
  assert.equal(await readFile(path, 'utf8'), helmFile('ghcr.io', b64('g:h')), 'file kept: something else is in it');
  assert.equal((await stat(path)).mode & 0o777, 0o600);
});

test('undo when the entry is already gone (e.g. helm registry logout) changes nothing', async () => {
  const root = await cleanup.tempDir('regcfg-');
  const path = join(root, 'config.json');
  const original = '{\n\t"auths": {\n\t\t"other.example": {}\n\t}\n}';
  await writeFile(path, original);
  const { record } = await login(path, HOST, 'ci', 'pw');
  await writeFile(path, original);
  await undo(record);
  assert.equal(await readFile(path, 'utf8'), original);
});

test('a file login created is still removed after helm registry logout emptied it', async () => {
  const root = await cleanup.tempDir('regcfg-');
  const path = join(root, 'config.json');
  const { record } = await login(path, HOST, 'ci', 'pw');
  await writeFile(path, '{\n\t"auths": {}\n}'); // what Helm leaves after logout
  await undo(record);
  assert.deepEqual(await entries(root), []);
});

test('invalid JSON on login: a clear error without the file content, and the file untouched', async () => {
  const root = await cleanup.tempDir('regcfg-');
  const path = join(root, 'config.json');
  for (const bad of [`{"auths": {"x": {"auth": "${b64('secret:hunter2')}"}},}`, '', '[]', '{"auths": []}', '\ufeff{}']) {
    await writeFile(path, bad);
    await assert.rejects(planLogin(path, HOST), (error: Error) => {
      assert.match(error.message, /registry config .* (is not valid JSON|is not a JSON object|"auths" that is not an object)/);
      assert.doesNotMatch(error.message, /hunter2|c2VjcmV0|auth"/);
      return true;
    });
    assert.equal(await readFile(path, 'utf8'), bad);
  }
  // Broken between plan and write: still refused.
  await writeFile(path, '{}');
  const record = await planLogin(path, HOST);
  await writeFile(path, '{"auths":');
  await assert.rejects(writeLogin(record, 'ci', 'pw'), /not valid JSON/);
  assert.equal(await readFile(path, 'utf8'), '{"auths":');
});

test('undo never throws: file removed, JSON broken, or a record for a path that cannot be read', async () => {
  const root = await cleanup.tempDir('regcfg-');
  const path = join(root, 'config.json');
  await writeFile(path, '{}');
  const { record } = await login(path, HOST, 'ci', 'pw');

  await writeFile(path, '{"auths": {"broken"');
  const broken = await undoLogin(record);
  assert.equal(broken.length, 1);
  assert.match(broken[0]!, /not valid JSON.*may still be in it/);
  assert.equal(await readFile(path, 'utf8'), '{"auths": {"broken"', 'left as is');

  await writeFile(path, '');
  await import('node:fs/promises').then((fs) => fs.unlink(path));
  const removed = await undoLogin(record);
  assert.match(removed[0]!, /was removed after login/);
  assert.deepEqual(await undoLogin({ ...record, fileExisted: false }), [], 'a file login made and someone removed: nothing to say');

  await mkdir(join(root, 'dir.json'));
  const unreadable = await undoLogin({ ...record, path: join(root, 'dir.json') });
  assert.equal(unreadable.length, 1);
  assert.match(unreadable[0]!, /could not undo the registry login/);
});

test('writes go through a symlink to its target', async () => {
  const root = await cleanup.tempDir('regcfg-');
  const target = join(root, 'docker-config.json');
  const link = join(root, 'config.json');
  await writeFile(target, '{"auths":{}}');
  await symlink(target, link);
  const { record } = await login(link, HOST, 'ci', 'pw');
  assert.ok((await import('node:fs/promises').then((fs) => fs.lstat(link))).isSymbolicLink());
  assert.match(await readFile(target, 'utf8'), /registry\.example:5000/);
  await undo(record);
  assert.equal(await readFile(target, 'utf8'), '{"auths":{}}');
});

test('a concurrent reader never sees half a file', async () => {
  const root = await cleanup.tempDir('regcfg-');
  const path = join(root, 'config.json');
  // Big enough that a non-atomic write would be seen half done.
  const filler = Object.fromEntries(Array.from({ length: 2000 }, (_, i) => [`host${i}.example`, { auth: b64(`u${i}:p${i}`) }]));
  await writeFile(path, JSON.stringify({ auths: filler }, null, '\t'));
  let done = false;
  let reads = 0;
  const reader = (async () => {
    while (!done) {
      JSON.parse(await readFile(path, 'utf8'));
      reads++;
    }
  })();
  for (let i = 0; i < 30; i++) {
    const { record } = await login(path, HOST, 'ci', `pw${i}`);
    await undo(record);
  }
  done = true;
  await reader;
  assert.ok(reads > 0);
});

test('state round trip and masking', () => {
  assert.equal(parseLoginRecord(undefined), undefined);
  assert.equal(parseLoginRecord(''), undefined);
  assert.equal(parseLoginRecord('{"path":1}'), undefined);
  assert.equal(parseLoginRecord('nope'), undefined);
  const record: LoginRecord = {
    kind: 'helm',
    path: '/x/config.json',
    host: HOST,
    fileExisted: true,
    fileMode: 0o600,
    hadAuths: true,
    hadEntry: true,
    previousEntry: `{"auth": "${b64('old:oldpw')}", "identitytoken": "tok"}`,
    createdDirs: [],
  };
  assert.deepEqual(parseLoginRecord(JSON.stringify(record)), record);
  const secrets = recordSecrets(record);
  for (const s of [b64('old:oldpw'), 'oldpw', 'tok', record.previousEntry!]) assert.ok(secrets.includes(s), s);
  assert.deepEqual(recordSecrets({ ...record, hadEntry: false, previousEntry: undefined }), []);
});

test('a new entry takes the indentation and line ends the file has', async () => {
  const root = await cleanup.tempDir('regcfg-');
  const path = join(root, 'config.json');
  const cases: Array<[string, string]> = [
    ['{\n  "auths": {\n    "a.example": {}\n  }\n}\n', `{\n  "auths": {\n    "a.example": {},\n    "${HOST}": {\n      "auth": "${b64('ci:pw')}"\n    }\n  }\n}\n`],
    ['{\r\n\t"auths": {\r\n\t\t"a.example": {}\r\n\t}\r\n}', `{\r\n\t"auths": {\r\n\t\t"a.example": {},\r\n\t\t"${HOST}": {\r\n\t\t\t"auth": "${b64('ci:pw')}"\r\n\t\t}\r\n\t}\r\n}`],
    ['{"auths":{"a.example":{}}}', `{"auths":{"a.example":{},"${HOST}": {"auth":"${b64('ci:pw')}"}}}`],
  ];
  for (const [original, expected] of cases) {
    await writeFile(path, original);
    const { record } = await login(path, HOST, 'ci', 'pw');
    assert.equal(await readFile(path, 'utf8'), expected);
    await undo(record);
    assert.equal(await readFile(path, 'utf8'), original);
  }
});

test('a key that is there twice is refused, not edited where a reader would not look', async () => {
  const root = await cleanup.tempDir('regcfg-');
  const path = join(root, 'config.json');
  for (const bad of [`{"auths": {"${HOST}": {}, "${HOST}": {}}}`, '{"auths": {}, "auths": {}}']) {
    await writeFile(path, bad);
    await assert.rejects(planLogin(path, HOST), /has the key "(auths|registry\.example:5000)" 2 times; not changing it/);
    assert.equal(await readFile(path, 'utf8'), bad);
  }
});

test("Docker's config.json: the same rules, named as Docker's in messages and warnings", async () => {
  const root = await cleanup.tempDir('regcfg-');
  const path = join(root, 'docker', 'config.json');
  const record = parseLoginRecord(JSON.stringify(await planLogin(path, 'docker.io', 'docker')));
  assert.ok(record);
  assert.equal(record.kind, 'docker');
  assert.deepEqual(await writeLogin(record, 'ci', 'pw'), []);
  assert.equal(await readFile(path, 'utf8'), helmFile('https://index.docker.io/v1/', b64('ci:pw')), 'Docker Hub under its legacy key');
  await undo(record);
  assert.deepEqual(await entries(root), []);

  await mkdir(join(root, 'docker'));
  await writeFile(path, '{"credsStore": "pass"}');
  const docker = await planLogin(path, HOST, 'docker');
  assert.match((await writeLogin(docker, 'ci', 'pw'))[0]!, /docker-credential-pass \(credsStore\) for registry\.example:5000: later docker, cosign, crane, oras and skopeo ask that helper/);
  await writeFile(path, '[]');
  await assert.rejects(planLogin(path, HOST, 'docker'), /^RegistryConfigError: Docker config .* is not a JSON object/);
});

test('a file too large to be a credentials file is refused unread', async () => {
  const root = await cleanup.tempDir('regcfg-');
  const path = join(root, 'config.json');
  await writeFile(path, '{}');
  await truncate(path, 17 * 1024 * 1024);
  await assert.rejects(planLogin(path, HOST), /Helm registry config .* is 17825792 bytes, more than the 16777216 a credentials file can be; not changing it/);
});
