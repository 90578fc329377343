import { startRegistry } from '/work/main/test/support/registry.ts';
import { runHelm, helmOk } from '/work/main/test/support/helm.ts';
import { mkdirSync, writeFileSync } from 'node:fs';
const reg = await startRegistry({ auth: 'none' });
try {
  mkdirSync('/tmp/exp2/ocidep', { recursive: true });
  writeFileSync('/tmp/exp2/ocidep/Chart.yaml', 'apiVersion: v2\nname: ocidep\nversion: 0.3.0\n');
  await helmOk('4.1.4', ['package', '/tmp/exp2/ocidep', '-d', '/tmp/exp2']);
  await helmOk('4.1.4', ['push', '/tmp/exp2/ocidep-0.3.0.tgz', `oci://${reg.host}/charts`, '--plain-http']);
  for (const v of ['3.18.0', '4.1.4'] as const) {
    const dir = `/tmp/exp2/p-${v}`;
    mkdirSync(dir, { recursive: true });
    writeFileSync(`${dir}/Chart.yaml`, `apiVersion: v2\nname: parent\nversion: 0.1.0\ndependencies:\n  - name: ocidep\n    version: "0.3.0"\n    repository: oci://${reg.host}/charts\n`);
    const r = await runHelm(v, ['dependency', 'update', dir]);
    console.log(v, r.code, r.stdout, r.stderr);
  }
} finally { await reg.stop(); }
