import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import { goJson, goJsonString, goMap } from '../../src/chart/go/json.js';
import {
  blobOf,
  buildHelmManifest,
  helmAnnotations,
  helmArtifact,
  HELM_CHART_LAYER_MEDIA_TYPE,
  HELM_PROV_LAYER_MEDIA_TYPE,
  rfc3339Seconds,
} from '../../src/oci/helm-manifest.js';

const CONFIG = 'sha256:' + 'c'.repeat(64);
const CHART = 'sha256:' + 'a'.repeat(64);

describe('Helm manifest bytes', () => {
  it('matches the facts-page example byte for byte', () => {
    const created = new Date(Date.UTC(2026, 10, 21, 7, 40, 5, 678));
    const annotations = helmAnnotations(
      { name: 'mychart', version: '1.2.4', description: 'A Helm chart for Kubernetes' },
      created,
    );
    const manifest = buildHelmManifest({ config: { digest: CONFIG, size: 141 }, chart: { digest: CHART, size: 4169 }, annotations });
    const expected =
      `{"schemaVersion":2,"config":{"mediaType":"application/vnd.cncf.helm.config.v1+json","digest":"${CONFIG}","size":141},` +
      `"layers":[{"mediaType":"application/vnd.cncf.helm.chart.content.v1.tar+gzip","digest":"${CHART}","size":4169}],` +
      `"annotations":{"org.opencontainers.image.created":"2026-11-21T07:40:05Z","org.opencontainers.image.description":"A Helm chart for Kubernetes","org.opencontainers.image.title":"mychart","org.opencontainers.image.version":"1.2.4"}}`;
    assert.equal(manifest.body.toString('utf8'), expected);
    assert.equal(manifest.size, Buffer.byteLength(expected));
    assert.equal(manifest.digest, `sha256:${createHash('sha256').update(expected).digest('hex')}`);
  });

  it('sorts layers by digest string and has no mediaType or artifactType', () => {
    const prov = 'sha256:' + '0'.repeat(64);
    const m = buildHelmManifest({ config: { digest: CONFIG, size: 1 }, chart: { digest: CHART, size: 2 }, prov: { digest: prov, size: 3 }, annotations: { a: 'b' } });
    const parsed = JSON.parse(m.body.toString()) as Record<string, unknown> & { layers: { mediaType: string; digest: string }[] };
    assert.deepEqual(Object.keys(parsed), ['schemaVersion', 'config', 'layers', 'annotations']);
    assert.deepEqual(parsed.layers.map((l) => l.mediaType), [HELM_PROV_LAYER_MEDIA_TYPE, HELM_CHART_LAYER_MEDIA_TYPE]);
    assert.deepEqual(Object.keys(parsed.layers[0]!), ['mediaType', 'digest', 'size']);
  });

  it('omits annotations when there are none (Go omitempty)', () => {
    const m = buildHelmManifest({ config: { digest: CONFIG, size: 1 }, chart: { digest: CHART, size: 2 }, annotations: {} });
    assert.ok(!m.body.toString().includes('annotations'));
  });
});

describe('helmAnnotations', () => {
  const created = new Date('2025-01-02T03:04:05.999Z');

  it('derives every annotation Helm writes', () => {
    const a = helmAnnotations(
      {
        name: 'web',
        version: '1.0.0+build.1',
        description: 'desc',
        home: 'https://example.com',
        sources: ['https://github.com/x/y', 'https://second'],
        maintainers: [{ name: 'Ann', email: 'ann@example.com' }, { name: 'Bob' }, { email: 'only@mail' }],
      },
      created,
    );
    assert.deepEqual(a, {
      'org.opencontainers.image.description': 'desc',
      'org.opencontainers.image.title': 'web',
      'org.opencontainers.image.version': '1.0.0+build.1',
      'org.opencontainers.image.url': 'https://example.com',
      'org.opencontainers.image.created': '2025-01-02T03:04:05Z',
      'org.opencontainers.image.source': 'https://github.com/x/y',
      'org.opencontainers.image.authors': 'Ann (ann@example.com), Bob,  (only@mail)',
    });
  });

  it('skips blank derived values but keeps them untrimmed otherwise', () => {
    const a = helmAnnotations({ name: 'x', version: '1.0.0', description: '   ', home: '', sources: [' '], maintainers: [{}] }, created);
    assert.deepEqual(Object.keys(a).sort(), ['org.opencontainers.image.created', 'org.opencontainers.image.title', 'org.opencontainers.image.version']);
    assert.equal(helmAnnotations({ name: 'x', version: '1', description: ' d ' }, created)['org.opencontainers.image.description'], ' d ');
  });

  it('copies Chart.yaml annotations, which cannot override title and version', () => {
    const a = helmAnnotations(
      {
        name: 'x',
        version: '1.0.0',
        description: 'mine',
        annotations: {
          'org.opencontainers.image.title': 'evil',
          'org.opencontainers.image.version': '9.9.9',
          'org.opencontainers.image.description': 'from annotations',
          'org.opencontainers.image.created': '2000-01-01T00:00:00Z',
          'artifacthub.io/license': 'MIT',
          empty: '',
        },
      },
      created,
    );
    assert.equal(a['org.opencontainers.image.title'], 'x');
    assert.equal(a['org.opencontainers.image.version'], '1.0.0');
    assert.equal(a['org.opencontainers.image.description'], 'from annotations');
    assert.equal(a['org.opencontainers.image.created'], '2000-01-01T00:00:00Z');
    assert.equal(a['artifacthub.io/license'], 'MIT');
    assert.equal(a.empty, '');
  });

  it('formats created as RFC 3339 UTC seconds', () => {
    assert.equal(rfc3339Seconds(new Date(0)), '1970-01-01T00:00:00Z');
    assert.throws(() => rfc3339Seconds(new Date(Number.NaN)), RangeError);
  });
});

describe('Go JSON', () => {
  it('escapes like encoding/json', () => {
    assert.equal(goJsonString('a<b>&c'), '"a\\u003cb\\u003e\\u0026c"');
    assert.equal(goJsonString('q"\\\n\r\t\b\f\u0001\u001f'), '"q\\"\\\\\\n\\r\\t\\b\\f\\u0001\\u001f"');
    assert.equal(goJsonString('\u2028\u2029é😀'), '"\\u2028\\u2029é😀"');
    assert.equal(goJsonString('\ud800x'), '"\ufffdx"');
    assert.equal(goJsonString('\u007f/'), '"\u007f/"');
  });

  it('sorts map keys by UTF-8 bytes, numeric-looking keys included', () => {
    const sorted = goMap({ b: '1', '9': '2', '10': '3', A: '4', 'é': '5', '\uffff': '6', '😀': '7' });
    assert.deepEqual([...sorted.keys()], ['10', '9', 'A', 'b', 'é', '\uffff', '😀']);
    assert.equal(goJson(sorted), '{"10":"3","9":"2","A":"4","b":"1","é":"5","\uffff":"6","😀":"7"}');
  });

  it('writes numbers as Go writes a float64, and refuses what JSON cannot hold', () => {
    assert.equal(goJson([1, 1.5, 1e21, -0]), '[1,1.5,1e+21,-0]');
    assert.throws(() => goJson(Number.NaN), TypeError);
  });
});

describe('helmArtifact', () => {
  it('builds blobs and the manifest from bytes', () => {
    const config = '{"name":"x","version":"1.0.0","apiVersion":"v2"}';
    const chart = Buffer.from('not really a tgz');
    const art = helmArtifact({ repository: 'ns/x', tag: '1.0.0', config, chart, prov: 'signed', meta: { name: 'x', version: '1.0.0' }, created: new Date(0) });
    assert.deepEqual(art.config, blobOf(Buffer.from(config)));
    assert.equal(art.chart.size, chart.length);
    assert.equal(art.prov?.data.toString(), 'signed');
    const body = JSON.parse(art.manifest.body.toString()) as { layers: unknown[] };
    assert.equal(body.layers.length, 2);
  });
});
