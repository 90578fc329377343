// Reading YAML the way go-yaml v2 types it (what Helm's Chart.yaml decoding builds on), and
// Go's float formatting.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { formatGoFloat } from '../../src/chart/go/numbers.js';
import { isGoYamlTimestamp } from '../../src/chart/go/time.js';
import { GoYamlError } from '../../src/chart/go/yaml-error.js';
import { GoFloat, GoInt, GoMap, loadAllGoYaml, loadGoYaml } from '../../src/chart/go/yaml-load.js';
import { resolvePlainScalar } from '../../src/chart/go/yaml-resolve.js';

describe('go-yaml v2 plain scalars', () => {
  const cases: Array<[string, ReturnType<typeof resolvePlainScalar>]> = [
    ['', { tag: 'null' }],
    ['~', { tag: 'null' }],
    ['Null', { tag: 'null' }],
    ['y', { tag: 'bool', value: true }],
    ['On', { tag: 'bool', value: true }],
    ['NO', { tag: 'bool', value: false }],
    ['off', { tag: 'bool', value: false }],
    ['nope', { tag: 'str', text: 'nope' }],
    ['42', { tag: 'int', value: 42n }],
    ['-42', { tag: 'int', value: -42n }],
    ['+7', { tag: 'int', value: 7n }],
    ['010', { tag: 'int', value: 8n }], // a leading zero is octal
    ['0o17', { tag: 'int', value: 15n }],
    ['0x1F', { tag: 'int', value: 31n }],
    ['0b101', { tag: 'int', value: 5n }],
    ['1_000', { tag: 'int', value: 1000n }],
    ['18446744073709551615', { tag: 'int', value: 18446744073709551615n }], // uint64
    ['18446744073709551616', { tag: 'float', value: 18446744073709551616 }],
    ['08', { tag: 'float', value: 8 }], // not octal, but a float
    ['1.5', { tag: 'float', value: 1.5 }],
    ['.5', { tag: 'float', value: 0.5 }],
    ['1e3', { tag: 'float', value: 1000 }],
    ['.inf', { tag: 'float', value: Number.POSITIVE_INFINITY }],
    ['-.Inf', { tag: 'float', value: Number.NEGATIVE_INFINITY }],
    ['1e400', { tag: 'str', text: '1e400' }], // out of range: Go's ParseFloat fails
    ['1.2.3', { tag: 'str', text: '1.2.3' }],
    ['2024-01-02', { tag: 'timestamp', text: '2024-01-02' }],
    ['2024-1-2', { tag: 'timestamp', text: '2024-1-2' }],
    ['2024-02-30', { tag: 'str', text: '2024-02-30' }],
    ['2024-01-02T03:04:05Z', { tag: 'timestamp', text: '2024-01-02T03:04:05Z' }],
    ['2024-01-02T03:04:05', { tag: 'str', text: '2024-01-02T03:04:05' }], // the T layouts need a zone
    ['2024-01-02 03:04:05.5', { tag: 'timestamp', text: '2024-01-02 03:04:05.5' }],
    ['1:20', { tag: 'str', text: '1:20' }], // read as a string, though go-yaml quotes it on output
    ['<<', { tag: 'str', text: '<<' }],
  ];
  for (const [text, expected] of cases) {
    test(`${JSON.stringify(text)} is ${expected.tag}`, () => {
      const actual = resolvePlainScalar(text);
      if (expected.tag === 'float' && actual.tag === 'float') assert.equal(actual.value, expected.value);
      else assert.deepEqual(actual, expected);
    });
  }

  test('timestamps need four year digits and real dates', () => {
    assert.equal(isGoYamlTimestamp('99-01-01'), false);
    assert.equal(isGoYamlTimestamp('2024-13-01'), false);
    assert.equal(isGoYamlTimestamp('2024-02-29'), true);
    assert.equal(isGoYamlTimestamp('2023-02-29'), false);
    assert.equal(isGoYamlTimestamp('2024-01-01t01:02:03+05:30'), true);
  });
});

describe('strconv.FormatFloat(x, g, -1, bits)', () => {
  const cases: Array<[number, 32 | 64, string]> = [
    [1, 64, '1'],
    [1.1, 32, '1.1'],
    [0.1234567891, 32, '0.12345679'],
    [0.1234567891, 64, '0.1234567891'],
    [100000, 64, '100000'],
    [1000000, 64, '1e+06'],
    [1234567, 32, '1.234567e+06'],
    [0.0001, 64, '0.0001'],
    [0.00001, 64, '1e-05'],
    [1.5e-7, 64, '1.5e-07'],
    [1e21, 64, '1e+21'],
    [-2.5, 64, '-2.5'],
    [-0, 64, '-0'],
    [Number.NaN, 64, 'NaN'],
    [Number.POSITIVE_INFINITY, 32, '+Inf'],
  ];
  for (const [value, bits, text] of cases) {
    test(`${value} (${bits}-bit) is ${text}`, () => assert.equal(formatGoFloat(value, bits), text));
  }
});

describe('loadGoYaml', () => {
  test('types plain scalars only; quoted and block scalars stay strings', () => {
    const doc = loadGoYaml('a: 1\nb: "1"\nc: !!str 2\nd: |\n  3\ne: 1.5\nf: [yes, "yes"]\n') as GoMap;
    assert.ok(doc.entries.get('a') instanceof GoInt);
    assert.equal(doc.entries.get('b'), '1');
    assert.equal(doc.entries.get('c'), '2');
    assert.equal(doc.entries.get('d'), '3\n');
    assert.ok(doc.entries.get('e') instanceof GoFloat);
    assert.deepEqual(doc.entries.get('f'), [true, 'yes']);
  });

  test('turns keys into JSON keys the way sigs.k8s.io/yaml does', () => {
    const doc = loadGoYaml('1: int\n1.50: float\ny: bool\n"y": string\n') as GoMap;
    assert.deepEqual([...doc.entries.keys()], ['1', '1.5', 'true', 'y']);
    assert.throws(() => loadGoYaml('~: null key\n'), GoYamlError);
  });

  test('resolves aliases and merge keys (go-yaml v2: a merge overwrites keys before it)', () => {
    const doc = loadGoYaml('base: &b {x: 1, q: 2}\nother: *b\nmerged:\n  x: 0\n  <<: [*b, {q: 3, z: 4}]\n  q: 9\n') as GoMap;
    const merged = doc.entries.get('merged') as GoMap;
    assert.deepEqual(Object.fromEntries([...merged.entries].map(([k, v]) => [k, (v as GoInt).value])), { x: 1n, q: 9n, z: 4n });
    assert.ok(doc.entries.get('other') instanceof GoMap);
  });

  test('takes the first document; loadAllGoYaml takes them all', () => {
    assert.equal((loadGoYaml('a: 1\n---\nb: 2\n') as GoMap).entries.has('b'), false);
    assert.equal(loadAllGoYaml('a: 1\n---\nb: 2\n').length, 2);
    assert.equal(loadGoYaml(''), null);
    assert.throws(() => loadGoYaml('a: [\n'), GoYamlError);
  });
});
