// Chart.yaml as Helm reads, checks and writes it: parseChartYaml (sigs.k8s.io/yaml decoding and
// Metadata.Validate), configJson (the OCI config blob), chartYamlText (the packaged Chart.yaml),
// withOverrides, and Chart.lock re-serialization.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ChartError } from '../../src/chart/errors.js';
import { lockFileText } from '../../src/chart/lock.js';
import { decodeMetadataYaml, parseChartYaml, validateMetadata, withOverrides, type ChartMetadata } from '../../src/chart/metadata.js';
import { chartYamlText, configJson } from '../../src/chart/metadata-text.js';
import { isHelmSemver, isStrictSemver } from '../../src/chart/version.js';

const WHERE = 'mychart/Chart.yaml';
const FACTS_CHART = 'apiVersion: v2\nname: mychart\ndescription: A Helm chart for Kubernetes\ntype: application\nversion: 1.2.4\nappVersion: "1.16.0"\n';

function chartError(yaml: string, pattern: RegExp): void {
  assert.throws(() => parseChartYaml(yaml, WHERE), (error: unknown) => {
    assert.ok(error instanceof ChartError, `expected a ChartError, got ${String(error)}`);
    assert.match(error.message, pattern);
    assert.ok(error.message.startsWith(WHERE), `the message names the file: ${error.message}`);
    return true;
  });
}

describe('configJson', () => {
  test('is the config blob `helm push` uploads (example from the facts page)', () => {
    assert.equal(
      configJson(parseChartYaml(FACTS_CHART, WHERE)),
      '{"name":"mychart","version":"1.2.4","description":"A Helm chart for Kubernetes","apiVersion":"v2","appVersion":"1.16.0","type":"application"}',
    );
  });

  test('writes every field in Go struct order, omitting empty ones', () => {
    const meta: ChartMetadata = {
      type: 'application',
      dependencies: [
        { name: 'db', version: '1.x', repository: 'oci://r/c', condition: 'db.on', tags: ['t'], enabled: true, 'import-values': ['data', { child: 'a', parent: 'b' }], alias: 'database' },
        { name: 'bare' },
      ],
      kubeVersion: '>=1.28',
      annotations: { b: '2', a: '1' },
      deprecated: true,
      appVersion: '9',
      tags: 'x',
      condition: 'c',
      apiVersion: 'v2',
      icon: 'https://i',
      maintainers: [{ name: 'M', email: 'm@x', url: 'https://m' }, { name: 'N' }],
      keywords: ['k'],
      description: 'd',
      version: '1.0.0',
      sources: ['https://s'],
      home: 'https://h',
      name: 'all',
    };
    assert.equal(
      configJson(meta),
      '{"name":"all","home":"https://h","sources":["https://s"],"version":"1.0.0","description":"d","keywords":["k"],' +
        '"maintainers":[{"name":"M","email":"m@x","url":"https://m"},{"name":"N"}],"icon":"https://i","apiVersion":"v2",' +
        '"condition":"c","tags":"x","appVersion":"9","deprecated":true,"annotations":{"a":"1","b":"2"},"kubeVersion":"\\u003e=1.28",' +
        '"dependencies":[{"name":"db","version":"1.x","repository":"oci://r/c","condition":"db.on","tags":["t"],"enabled":true,' +
        '"import-values":["data",{"child":"a","parent":"b"}],"alias":"database"},{"name":"bare","repository":""}],"type":"application"}',
    );
  });

  test('omits false, empty lists and empty maps like omitempty', () => {
    const meta: ChartMetadata = { apiVersion: 'v2', name: 'e', version: '1.0.0', deprecated: false, keywords: [], sources: [], annotations: {}, dependencies: [], maintainers: [] };
    assert.equal(configJson(meta), '{"name":"e","version":"1.0.0","apiVersion":"v2"}');
  });

  test('escapes like Go: HTML characters, U+2028/2029, control characters', () => {
    const meta: ChartMetadata = {
      apiVersion: 'v2',
      name: 'esc',
      version: '1.0.0',
      annotations: { html: '<a href="x">&</a>', lines: 'a\u2028b\u2029c', ctl: '\u0000\u0001\b\f\n\r\t\u001f\u007f', astral: '🚀 ü \\' },
    };
    assert.equal(
      configJson(meta),
      '{"name":"esc","version":"1.0.0","apiVersion":"v2","annotations":{"astral":"🚀 ü \\\\",' +
        '"ctl":"\\u0000\\u0001\\b\\f\\n\\r\\t\\u001f\u007f","html":"\\u003ca href=\\"x\\"\\u003e\\u0026\\u003c/a\\u003e",' +
        '"lines":"a\\u2028b\\u2029c"}}',
    );
  });

  test('sorts annotation keys by UTF-8 bytes, as Go sorts map keys', () => {
    const meta: ChartMetadata = { apiVersion: 'v2', name: 's', version: '1.0.0', annotations: { '\u{1F600}': '1', '\uFFFD': '2', a: '3', B: '4', '10': '5', '9': '6' } };
    const json = configJson(meta);
    const keys = [...json.matchAll(/"([^"]+)":"\d"/g)].map((m) => m[1]);
    assert.deepEqual(keys, ['10', '9', 'B', 'a', '\uFFFD', '\u{1F600}']);
  });
});

describe('parseChartYaml', () => {
  test('reads values the way Helm (sigs.k8s.io/yaml over go-yaml v2) does', () => {
    const meta = parseChartYaml(
      [
        'APIVERSION: v2', // encoding/json matches field names case-insensitively
        'Name: quirks',
        'version: 1.0.0',
        'appVersion: 1.10', // a float, printed with 32-bit precision: "1.1"
        'keywords: [yes, y, off, 010, 0x1F, 1e5, 1_000, ~, 2024-01-01, "1:20", 12345678901234567890]',
        'deprecated: yes',
        'annotations: {num: 1, f: 0.1234567891, b: on, z: null, n: key, 1.50: float key}', // keys too: n is false
        'unknown: ignored',
        '---',
        'name: second-document-ignored',
      ].join('\n'),
      WHERE,
    );
    assert.equal(meta.apiVersion, 'v2');
    assert.equal(meta.name, 'quirks');
    assert.equal(meta.appVersion, '1.1');
    assert.deepEqual(meta.keywords, ['true', 'true', 'false', '8', '31', '100000', '1000', '', '2024-01-01', '1:20', '12345678901234567890']);
    assert.equal(meta.deprecated, true);
    assert.deepEqual(meta.annotations, { b: 'true', f: '0.12345679', num: '1', z: '', false: 'key', '1.5': 'float key' });
  });

  test('sanitizes text like Helm: white space becomes a space, unprintable characters go', () => {
    const meta = parseChartYaml('apiVersion: v2\nname: s\nversion: 1.0.0\ndescription: "a\\nb\\tc\\u0000d\\u00a0e"\nmaintainers:\n  - name: "x\\u200by"\n', WHERE);
    assert.equal(meta.description, 'a b cd e');
    assert.deepEqual(meta.maintainers, [{ name: 'xy' }]);
  });

  test('applies a YAML merge key as go-yaml does', () => {
    const meta = parseChartYaml('base: &b {description: from anchor, home: https://a}\napiVersion: v2\nname: m\nversion: 1.0.0\n<<: *b\nhome: https://override\n', WHERE);
    assert.equal(meta.description, 'from anchor');
    assert.equal(meta.home, 'https://override');
  });

  test('keeps import-values as any JSON', () => {
    const meta = parseChartYaml('apiVersion: v2\nname: i\nversion: 1.0.0\ndependencies:\n  - name: d\n    import-values: [x, {child: a, parent: b}, 3, 1.5, true, null]\n', WHERE);
    assert.equal(configJson(meta), '{"name":"i","version":"1.0.0","apiVersion":"v2","dependencies":[{"name":"d","repository":"","import-values":["x",{"child":"a","parent":"b"},3,1.5,true,null]}]}');
  });

  test('says what to change for each problem Helm refuses', () => {
    chartError('name: x\nversion: 1.0.0\n', /apiVersion is missing; add "apiVersion: v2"/);
    chartError('apiVersion: v3\nname: x\nversion: 1.0.0\n', /apiVersion "v3" is not one Helm packages; use "apiVersion: v2"/);
    chartError('apiVersion: v2\nversion: 1.0.0\n', /name is missing; add "name: <chart name>"/);
    chartError('apiVersion: v2\nname: a/b\nversion: 1.0.0\n', /name "a\/b" is not a valid chart name; it must not be "\." or "\.\." or contain "\/"/);
    chartError('apiVersion: v2\nname: ..\nversion: 1.0.0\n', /not a valid chart name/);
    chartError('apiVersion: v2\nname: x\n', /version is missing; add "version: 0\.1\.0"/);
    chartError('apiVersion: v2\nname: x\nversion: v1.2.3\n', /version "v1\.2\.3" is not a strict SemVer 2 version: write MAJOR\.MINOR\.PATCH.*e\.g\. "1\.2\.3"/);
    chartError('apiVersion: v2\nname: x\nversion: 1.2\n', /version "1\.2" is not a strict SemVer 2 version.*e\.g\. "1\.2\.0"; quote it in YAML/);
    chartError('apiVersion: v2\nname: x\nversion: 1.0.0\ntype: app\n', /type "app" is not valid; use "application" or "library", or leave it out/);
    chartError('apiVersion: v2\nname: x\nversion: 1.0.0\nmaintainers:\n  -\n', /maintainers\[0\] is empty; remove the empty "-" entry/);
    chartError('apiVersion: v2\nname: x\nversion: 1.0.0\ndependencies:\n  - name: a\n  -\n', /dependencies\[1\] is empty/);
    chartError('apiVersion: v2\nname: x\nversion: 1.0.0\ndependencies:\n  - name: a\n    alias: a.b\n', /dependency "a" has the alias "a\.b"; an alias may only hold letters, digits, "-" and "_"/);
    chartError('apiVersion: v2\nname: x\nversion: 1.0.0\ndependencies:\n  - name: a\n  - name: b\n    alias: a\n', /more than one dependency is named or aliased "a"; give each a unique alias/);
    chartError('apiVersion: v2\nname: x\nversion: 1.0.0\nkeywords: one\n', /keywords must be a list of strings, not the string "one"/);
    chartError('apiVersion: v2\nname: x\nversion: 1.0.0\ndescription: [a]\n', /description must be a string, not a list/);
    chartError('apiVersion: v2\nname: x\nversion: 1.0.0\ndeprecated: "yes"\n', /deprecated must be true or false, not the string "yes"/);
    chartError('- a\n- b\n', /the document must be a mapping, not a list/);
    chartError('apiVersion: v2\nname: x: y\n', /is not valid YAML/);
  });

  test('subcharts get Helm’s leniency: no apiVersion means v1, loose versions pass', () => {
    const meta = validateMetadata(decodeMetadataYaml('name: old\nversion: v1.2\n', WHERE), WHERE, { strict: false });
    assert.equal(meta.apiVersion, 'v1');
    assert.equal(meta.version, 'v1.2');
    assert.throws(() => validateMetadata(decodeMetadataYaml('name: old\nversion: one\n', WHERE), WHERE, { strict: false }), /not a SemVer version/);
  });
});

describe('versions', () => {
  test('strict SemVer 2, exactly as written', () => {
    for (const v of ['1.2.3', '0.0.0', '1.0.0-rc.1', '1.0.0-alpha.1+exp.sha.5114f85', '10.20.30+build']) assert.equal(isStrictSemver(v), true, v);
    for (const v of ['v1.2.3', '=1.2.3', '1.2', '1', '01.2.3', '1.2.3-01', ' 1.2.3', '1.2.3.4', '']) assert.equal(isStrictSemver(v), false, v);
  });

  test('Helm’s semver library is looser', () => {
    for (const v of ['v1.2.3', '1.2', '1', '1.2.3-rc.1+b']) assert.equal(isHelmSemver(v), true, v);
    for (const v of ['1.2.3.4', 'x', '1.2.3-01']) assert.equal(isHelmSemver(v), false, v);
  });
});

describe('withOverrides', () => {
  const base = parseChartYaml(FACTS_CHART, WHERE);

  test('replaces version and appVersion like helm package --version --app-version', () => {
    const meta = withOverrides(base, { version: '2.0.0+build.5', appVersion: 'v2\tbeta' });
    assert.equal(meta.version, '2.0.0+build.5');
    assert.equal(meta.appVersion, 'v2 beta', 'Helm sanitizes the metadata again when it saves');
    assert.equal(base.version, '1.2.4', 'the input is not changed');
    assert.deepEqual(withOverrides(base, {}), base);
  });

  test('refuses a version override that is not strict SemVer 2', () => {
    assert.throws(() => withOverrides(base, { version: 'v2.0.0' }), (error: unknown) => error instanceof ChartError && /chart mychart: the version override "v2\.0\.0"/.test(error.message));
  });
});

describe('chartYamlText', () => {
  test('is yaml.Marshal of the metadata: sorted keys, Helm’s quoting', () => {
    assert.equal(
      chartYamlText(parseChartYaml(FACTS_CHART, WHERE)),
      'apiVersion: v2\nappVersion: 1.16.0\ndescription: A Helm chart for Kubernetes\nname: mychart\ntype: application\nversion: 1.2.4\n',
    );
    const quoted = parseChartYaml('apiVersion: v2\nname: q\nversion: 1.0.0\nappVersion: "1.0"\nkeywords: ["yes", "007", "a: b", " x"]\n', WHERE);
    assert.equal(chartYamlText(quoted), 'apiVersion: v2\nappVersion: "1.0"\nkeywords:\n- "yes"\n- "007"\n- \'a: b\'\n- \' x\'\nname: q\nversion: 1.0.0\n');
  });

  test('folds long text past column 80 like go-yaml', () => {
    const meta = parseChartYaml(`apiVersion: v2\nname: f\nversion: 1.0.0\ndescription: ${'word '.repeat(20).trim()}\n`, WHERE);
    assert.equal(chartYamlText(meta).split('\n')[1], `description: ${'word '.repeat(14).trim()}`);
  });

  test('leaves out a v1 chart’s dependencies, which live in requirements.yaml', () => {
    const meta = parseChartYaml('apiVersion: v1\nname: old\nversion: 1.0.0\ndependencies:\n  - name: d\n', WHERE);
    assert.equal(chartYamlText(meta), 'apiVersion: v1\nname: old\nversion: 1.0.0\n');
    assert.match(configJson(meta), /"dependencies":\[\{"name":"d","repository":""\}\]/);
  });

  test('refuses characters go-yaml cannot read back', () => {
    const meta: ChartMetadata = { apiVersion: 'v2', name: 'c', version: '1.0.0', annotations: { bad: 'a\u0085b\u0080' } };
    assert.throws(() => chartYamlText(meta), (error: unknown) => error instanceof ChartError && /chart c: .*U\+0080/.test(error.message));
  });
});

describe('Chart.lock', () => {
  test('a lock written by helm dependency update comes back unchanged', () => {
    const lock = 'dependencies:\n- name: common\n  repository: https://charts.example.com\n  version: 2.1.0\ndigest: sha256:abc\ngenerated: "2024-05-01T12:30:45.123456789+02:00"\n';
    assert.equal(lockFileText(lock, 'c/Chart.lock'), lock);
  });

  test('a hand-written lock is normalized the way Helm re-writes it', () => {
    assert.equal(
      lockFileText('generated: 2024-05-01T12:30:45.100Z\ndigest: x\ndependencies:\n  - {version: 1.0.0, name: a}\n', 'c/Chart.lock'),
      'dependencies:\n- name: a\n  repository: ""\n  version: 1.0.0\ndigest: x\ngenerated: "2024-05-01T12:30:45.1Z"\n',
    );
    assert.equal(lockFileText('digest: x\n', 'c/Chart.lock'), 'dependencies: null\ndigest: x\ngenerated: "0001-01-01T00:00:00Z"\n');
    assert.equal(lockFileText('generated: "2024-01-01T00:00:00+00:00"\n', 'c/Chart.lock'), 'dependencies: null\ndigest: ""\ngenerated: "2024-01-01T00:00:00Z"\n');
  });

  test('a time Go cannot read is an error naming the file', () => {
    assert.throws(() => lockFileText('generated: 2024-05-01\n', 'c/Chart.lock'), /c\/Chart\.lock: "generated" must be an RFC 3339 time.*helm dependency update/);
  });
});
