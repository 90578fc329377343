// Chart lines that name a source (a classic repository or an OCI reference) and the source inputs
// checked together: what is accepted, and every refusal naming what to change.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ChartSourceError } from '../../src/publish/sources.js';
import { checkSourceInputs, credentialsForSourceRegistry, parseSourceLine, type RemoteSource, type SourceInputs } from '../../src/sources/index.js';

const DIGEST = `sha256:${'a1'.repeat(32)}`;

function inputs(sources: string[], extra: Partial<SourceInputs> = {}): SourceInputs {
  return {
    sources: sources.map((l) => parseSourceLine(l)!),
    sourceCharts: [],
    sourceVersions: '',
    sourceUsername: '',
    sourcePassword: '',
    plainHttp: false,
    registryHost: 'ghcr.io',
    ...extra,
  };
}

function refused(fn: () => unknown, pattern: RegExp): void {
  assert.throws(fn, (error: unknown) => {
    assert.ok(error instanceof ChartSourceError, `a ChartSourceError, got ${String(error)}`);
    assert.match(error.message, pattern);
    return true;
  });
}

describe('parseSourceLine', () => {
  it('leaves local paths and globs to the chart directory resolver', () => {
    for (const line of ['.', 'charts/app', 'charts/*', 'dist/app-1.0.0.tgz', '!charts/x', 'ghcr.io/acme/app']) assert.equal(parseSourceLine(line), undefined);
  });

  it('reads a classic repository folder, with or without the trailing slash, and an index.yaml URL', () => {
    const folder = parseSourceLine('https://charts.example.com/stable/') as Extract<RemoteSource, { kind: 'classic-repo' }>;
    assert.equal(folder.kind, 'classic-repo');
    assert.equal(folder.indexUrl.href, 'https://charts.example.com/stable/index.yaml');
    assert.equal((parseSourceLine('https://charts.example.com/stable') as typeof folder).indexUrl.href, 'https://charts.example.com/stable/index.yaml');
    assert.equal((parseSourceLine('https://charts.example.com') as typeof folder).indexUrl.href, 'https://charts.example.com/index.yaml');
    assert.equal((parseSourceLine('https://example.com/helm/index.yaml') as typeof folder).indexUrl.href, 'https://example.com/helm/index.yaml');
    assert.equal((parseSourceLine('http://127.0.0.1:8080/repo/') as typeof folder).indexUrl.protocol, 'http:');
  });

  it('reads OCI references by digest, by tag, and a whole repository', () => {
    assert.deepEqual(parseSourceLine(`oci://ghcr.io/acme/dev/app@${DIGEST}`), { kind: 'oci', line: `oci://ghcr.io/acme/dev/app@${DIGEST}`, host: 'ghcr.io', repository: 'acme/dev/app', digest: DIGEST });
    assert.deepEqual(parseSourceLine('oci://registry.local:5000/dev/app:1.2.3_build.4'), { kind: 'oci', line: 'oci://registry.local:5000/dev/app:1.2.3_build.4', host: 'registry.local:5000', repository: 'dev/app', tag: '1.2.3_build.4' });
    assert.deepEqual(parseSourceLine('oci://127.0.0.1:5000/app'), { kind: 'oci', line: 'oci://127.0.0.1:5000/app', host: '127.0.0.1:5000', repository: 'app' });
  });

  it('refuses what is neither, saying what a source looks like', () => {
    refused(() => parseSourceLine('s3://bucket/charts'), /s3:\/\/.*classic chart repository.*OCI reference/);
    refused(() => parseSourceLine('git+https://github.com/acme/charts'), /git\+https:\/\//);
    refused(() => parseSourceLine('https://example.com/charts/app-1.0.0.tgz'), /single chart archive.*source-charts/);
    refused(() => parseSourceLine('https://example.com/charts/?token=x'), /query or fragment/);
  });

  it('refuses credentials in a URL without repeating them', () => {
    for (const line of ['https://bob:hunter2@charts.example.com/', 'oci://bob:hunter2@ghcr.io/acme/app', 'https://bob:hun/ter2@charts.example.com/', `oci://bob:hun/ter2@ghcr.io/acme/app@${DIGEST}`, 'oci://bob:hunter2@ghcr.io/acme/app:1.0.0']) {
      assert.throws(() => parseSourceLine(line), (error: Error) => !/hunter2|hun\/ter2|ter2/.test(error.message) && /credentials|source-username|\*\*\*/.test(error.message), line);
    }
  });

  it('refuses malformed OCI references', () => {
    refused(() => parseSourceLine('oci://ghcr.io'), /no chart/);
    refused(() => parseSourceLine('oci://ghcr.io/acme/app@sha256:abc'), /64 lower-case hex/);
    refused(() => parseSourceLine(`oci://ghcr.io/acme/app@sha512:${'a'.repeat(128)}`), /sha256/);
    refused(() => parseSourceLine('oci://ghcr.io/acme/app:1.2.3+build'), /not a valid OCI tag.*_/);
    refused(() => parseSourceLine('oci://ghcr.io/Acme/App:1.0.0'), /upper case/);
    refused(() => parseSourceLine('oci://ghcr.io/acme/app:1.0.0?x=1'), /query/);
  });
});

describe('checkSourceInputs', () => {
  it('normalises the range and chart names; empty means everything', () => {
    assert.deepEqual(checkSourceInputs(inputs(['https://charts.example.com/'])), { warnings: [] });
    const settings = checkSourceInputs(inputs(['https://charts.example.com/'], { sourceCharts: ['app', '# comment', '', 'db'], sourceVersions: '>=1.0.0 <2' }));
    assert.deepEqual([...settings.charts!], ['app', 'db']);
    assert.equal(settings.range, '>=1.0.0 <2.0.0-0');
  });

  it('refuses a range that is not SemVer', () => {
    refused(() => checkSourceInputs(inputs(['https://charts.example.com/'], { sourceVersions: 'latest' })), /"latest", which is not a SemVer range.*>=1.0.0 <2/);
    refused(() => checkSourceInputs(inputs(['oci://ghcr.io/acme/app'], { sourceVersions: '1.2.3 foo' })), /not a SemVer range/);
  });

  it('refuses version and app-version: sources are published as they are', () => {
    refused(() => checkSourceInputs(inputs([`oci://ghcr.io/acme/app@${DIGEST}`], { version: '1.2.3' })), /"version" cannot apply.*same digest/);
    refused(() => checkSourceInputs(inputs(['https://charts.example.com/'], { appVersion: '9' })), /"app-version" cannot apply/);
  });

  it('refuses sign with an OCI source, whose digest must not change', () => {
    refused(() => checkSourceInputs(inputs(['oci://ghcr.io/acme/app:1.0.0'], { sign: true })), /"sign".*change the digest/);
  });

  it('refuses source-charts and source-versions that no source can use', () => {
    refused(() => checkSourceInputs(inputs(['oci://ghcr.io/acme/app'], { sourceCharts: ['app'] })), /source-charts.*classic chart repository/);
    refused(() => checkSourceInputs(inputs(['oci://ghcr.io/acme/app:1.0.0'], { sourceVersions: '>=1' })), /source-versions.*without :tag/);
    refused(() => checkSourceInputs(inputs(['https://charts.example.com/'], { sourceCharts: ['app*'] })), /"app\*", which is not a chart name/);
  });

  it('refuses half a credential pair', () => {
    refused(() => checkSourceInputs(inputs(['https://charts.example.com/'], { sourceUsername: 'bob' })), /"source-password" is empty/);
    refused(() => checkSourceInputs(inputs(['https://charts.example.com/'], { sourcePassword: 's3cret' })), /"source-username" is empty/);
  });

  it('refuses plain HTTP without plain-http, and says so louder when credentials would cross it', () => {
    refused(() => checkSourceInputs(inputs(['http://charts.example.com/'])), /plain HTTP: use https:\/\/, or set plain-http: true/);
    refused(() => checkSourceInputs(inputs(['http://charts.example.com/'], { sourceUsername: 'bob', sourcePassword: 's3cret' })), /source-password would cross the network unencrypted/);
    assert.deepEqual(checkSourceInputs(inputs(['http://127.0.0.1:1/'], { plainHttp: true, sourceUsername: 'bob', sourcePassword: 's3cret' })).credentials, { username: 'bob', password: 's3cret' });
  });

  it('warns when source credentials have nothing to do', () => {
    const settings = checkSourceInputs(inputs(['oci://ghcr.io/acme/dev/app:1.0.0'], { sourceUsername: 'bob', sourcePassword: 's3cret' }));
    assert.match(settings.warnings[0]!, /not used: every source is on ghcr.io/);
    assert.match(checkSourceInputs(inputs([], { sourceUsername: 'bob', sourcePassword: 's3cret' })).warnings[0]!, /not used: no "chart" line is a chart repository or an OCI reference/);
  });
});

describe('credentialsForSourceRegistry', () => {
  const main = { username: 'main', password: 'm' };
  const source = { username: 'src', password: 's' };
  it('gives the main credentials on the registry host and the source ones elsewhere', () => {
    assert.equal(credentialsForSourceRegistry('ghcr.io', 'ghcr.io', main, source), main);
    assert.equal(credentialsForSourceRegistry('quay.io', 'ghcr.io', main, source), source);
    assert.equal(credentialsForSourceRegistry('quay.io', 'ghcr.io', main, undefined), undefined);
  });
});
