// The YAML half of provenance: Helm's metadata text, byte for byte. Goldens at the bottom come
// from real Helm 4.1.4; the focused cases document each go-yaml rule that differs from the
// `yaml` npm library's defaults.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import { GoYamlError } from '../../src/chart/go/yaml-error.js';
import { jsonToGoYaml, toGoYaml } from '../../src/chart/go/yaml-emit.js';
import { compareGoYamlKeys } from '../../src/chart/go/yaml-key-order.js';
import { provenanceMessage } from '../../src/chart/provenance.js';

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');
const digestOf = (data: Buffer) => `sha256:${sha256(data)}`;

describe('provenanceMessage', () => {
  it('is metadata YAML, a blank line, "...", then the files map', () => {
    const data = Buffer.from('not really a tgz');
    const configJson = '{"name":"hashtest","version":"1.2.3","description":"Test chart versioning","apiVersion":"v1"}';
    assert.equal(
      provenanceMessage(configJson, 'hashtest-1.2.3.tgz', digestOf(data)),
      'apiVersion: v1\ndescription: Test chart versioning\nname: hashtest\nversion: 1.2.3\n' +
        `\n...\nfiles:\n  hashtest-1.2.3.tgz: sha256:${sha256(data)}\n`,
    );
  });

  it('matches Helm 4.1.4 for rich metadata, including the files part', () => {
    const message = provenanceMessage(RICH.configJson, RICH.tgz, digestOf(Buffer.from('x')));
    const [metadata, files] = message.split('\n...\n');
    assert.equal(metadata, RICH.metadataYaml);
    assert.equal(files!.replace(/[0-9a-f]{64}/, 'HEX'), RICH.filesYaml.replace(/[0-9a-f]{64}/, 'HEX'));
  });

  it('keeps a "+" in the archive name unquoted', () => {
    const message = provenanceMessage('{"name":"a","version":"1.0.0+b.1"}', 'a-1.0.0+b.1.tgz', digestOf(Buffer.alloc(0)));
    assert.match(message, /\nfiles:\n {2}a-1\.0\.0\+b\.1\.tgz: sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\n$/);
  });

  it('takes the archive digest as sha256:<hex> and refuses anything else', () => {
    for (const bad of ['e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', 'sha512:abc', 'sha256:E3B0']) {
      assert.throws(() => provenanceMessage('{"name":"a","version":"1.0.0"}', 'a-1.0.0.tgz', bad), TypeError, bad);
    }
  });
});

describe('jsonToGoYaml (sigs.k8s.io/yaml + go-yaml v2)', () => {
  it('matches Helm 4.1.4 on the edge-case chart', () => {
    assert.equal(jsonToGoYaml(EDGE.configJson), EDGE.metadataYaml);
  });

  it('sorts keys and leaves sequences unindented under their key', () => {
    const json = JSON.stringify({
      name: 'c',
      keywords: ['web', 'db'],
      maintainers: [{ name: 'Jane', email: 'jane@example.com' }, { name: 'Bob' }],
      apiVersion: 'v2',
    });
    assert.equal(
      jsonToGoYaml(json),
      'apiVersion: v2\nkeywords:\n- web\n- db\nmaintainers:\n- email: jane@example.com\n  name: Jane\n- name: Bob\nname: c\n',
    );
  });

  it('orders map keys naturally: non-letters first, digit runs by value, upper case before lower', () => {
    const keys = ['b10', 'b9', 'a', 'Z', 'a.b', 'a_b', 'a-b', 'aB', '10', '9', '010', ''];
    assert.deepEqual([...keys].sort(compareGoYamlKeys), ['', '9', '10', '010', 'Z', 'a', 'a-b', 'a.b', 'a_b', 'aB', 'b9', 'b10']);
    assert.equal(toGoYaml({ b10: 1, b9: 2 }), 'b9: 2\nb10: 1\n');
  });

  it('double-quotes strings that YAML 1.1 would read as another type', () => {
    for (const s of QUOTED_BY_HELM) assert.equal(toGoYaml({ k: s }), `k: ${JSON.stringify(s)}\n`);
    for (const s of PLAIN_BY_HELM) assert.equal(toGoYaml({ k: s }), `k: ${s}\n`);
    assert.equal(toGoYaml({ a: 'yes', b: '1.0', c: '2024-02-29', d: '1:20', e: '' }), 'a: "yes"\nb: "1.0"\nc: "2024-02-29"\nd: "1:20"\ne: ""\n');
  });

  it('single-quotes strings that plain style cannot hold, doubling inner quotes', () => {
    assert.equal(
      toGoYaml({ a: 'a: b', b: '#x', c: "it's", d: "'q' x", e: ' lead', f: '- item', g: '...' }),
      "a: 'a: b'\nb: '#x'\nc: it's\nd: '''q'' x'\ne: ' lead'\nf: '- item'\ng: '...'\n",
    );
  });

  it('escapes in double quotes what it cannot print: tabs, control characters, non-BMP', () => {
    assert.equal(toGoYaml({ a: 'a\tb', b: 'bell\u0007', c: 'smile \u{1F600}', d: 'say "hi" \\' }), 'a: "a\\tb"\nb: "bell\\a"\nc: "smile \\U0001F600"\nd: say "hi" \\\n');
  });

  it('folds long scalars at the first space past column 80, indenting continuation lines', () => {
    const words = Array.from({ length: 30 }, (_, i) => `word${i}`).join(' ');
    const yaml = toGoYaml({ description: words, list: [words] });
    const lines = yaml.split('\n');
    assert.equal(lines[0], 'description: word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11');
    assert.equal(lines[1], '  word12 word13 word14 word15 word16 word17 word18 word19 word20 word21 word22 word23');
    assert.equal(lines[3], 'list:');
    assert.equal(lines[4], '- word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12');
    assert.equal(lines[5], '  word13 word14 word15 word16 word17 word18 word19 word20 word21 word22 word23 word24');
    assert.equal(toGoYaml({ k: 'x'.repeat(120) }), `k: ${'x'.repeat(120)}\n`, 'no space, no fold');
  });

  it('writes multi-line strings as literal blocks with the chomping Helm uses', () => {
    assert.equal(toGoYaml({ a: 'x\ny' }), 'a: |-\n  x\n  y\n');
    assert.equal(toGoYaml({ a: 'x\ny\n' }), 'a: |\n  x\n  y\n');
    assert.equal(toGoYaml({ a: 'x\n\n' }), 'a: |+\n  x\n\n');
    assert.equal(toGoYaml({ a: '  x\ny' }), 'a: |2-\n    x\n  y\n');
    assert.equal(toGoYaml({ a: 'x \ny' }), 'a: "x \\ny"\n', 'a space before a break rules out block style');
    assert.equal(toGoYaml({ changes: '- kind: added\n  description: thing\n', z: 1 }), 'changes: |\n  - kind: added\n    description: thing\nz: 1\n');
  });

  it('writes a multi-line or over-long key as an explicit "?" key', () => {
    assert.equal(toGoYaml({ 'a\nb': 1 }), '? |-\n  a\n  b\n: 1\n');
    const long = 'k'.repeat(129);
    assert.equal(toGoYaml({ [long]: 'v' }), `? ${long}\n: v\n`);
  });

  it('writes numbers, booleans, null and empty collections like go-yaml', () => {
    const json = '{"v":[1,1.5,1e-7,0.00001,1234567.5,1e+21,12345678901234567000,100000000000000000000,-3,true,null,[],{}]}';
    assert.equal(jsonToGoYaml(json), 'v:\n- 1\n- 1.5\n- 1e-07\n- 1e-05\n- 1.2345675e+06\n- 1e+21\n- 12345678901234567000\n- 1e+20\n- -3\n- true\n- null\n- []\n- {}\n');
    assert.equal(toGoYaml({}), '{}\n');
  });

  it('refuses characters that Helm cannot write as YAML, like Helm does', () => {
    assert.throws(() => jsonToGoYaml('{"annotations":{"a":"del\u007f"}}'), (error: unknown) => {
      assert.ok(error instanceof GoYamlError);
      assert.match(error.message, /U\+007F/);
      return true;
    });
  });
});

// ---------------------------------------------------------------------------------------------
// Golden outputs of real Helm 4.1.4 (`helm package --sign`, then the config blob of
// `helm push` for the JSON), so the go-yaml emulation is checked against Helm itself. The
// integration tests regenerate such pairs live; these keep the unit tests fast and offline.

/** Rich metadata: quoting, folding, natural key order, literal blocks, dependencies. */
const RICH = {
  configJson: "{\"name\":\"rich\",\"home\":\"https://example.com/rich\",\"sources\":[\"https://github.com/example/rich\",\"git@github.com:example/rich.git\"],\"version\":\"1.2.3+build.7\",\"description\":\"A Helm chart for Kubernetes with a rather long description that goes beyond eighty columns, to see folding and more words here to go past one hundred sixty characters of text ok\",\"keywords\":[\"a\",\"true\",\"yes\",\"1.0\",\"2021-01-01\",\"-x\",\"a: b\",\"#hash\",\"it's\",\"x #y\",\"~\",\"null\",\"1e3\",\"0x1F\",\"1:20\",\"on\",\"\",\" lead\",\"trail \",\"tab here\",\"\u00fcmlaut\",\"emoji \ud83d\ude00\",\"@at\",\"%pct\",\"*star\",\"\\u0026amp\",\"!bang\",\"|pipe\",\"\\u003egt\",\"[br\",\"{br\",\"a,b\",\"? q\",\"?q\",\"-\",\"--- x\",\"...\",\"\\u003c\\u003c\",\"=\",\"0777\",\"089\",\"+1\",\".5\",\"1_000\",\"2021-1-1 1:2:3\",\"2021-02-30\"],\"maintainers\":[{\"name\":\"Jane O'Doe\",\"email\":\"jane@example.com\",\"url\":\"https://jane.example.com\"},{\"name\":\"Bob: the builder\"},{\"email\":\"only@example.com\"}],\"icon\":\"https://example.com/icon.png\",\"apiVersion\":\"v2\",\"appVersion\":\"1.0\",\"deprecated\":true,\"annotations\":{\"Zeta\":\"z\",\"a-b\":\"s\",\"a.b\":\"t\",\"a01b\":\"r\",\"a1b\":\"q\",\"aB\":\"v\",\"a_b\":\"u\",\"artifacthub.io/changes\":\"- kind: added\\n  description: thing\\n\",\"b10\":\"x\",\"b9\":\"true\",\"clip\":\"x\\ny\\n\",\"emptyish\":\"\",\"keep\":\"a\\n\\n\",\"key with: colon\":\"v\",\"lead\":\"  indented\\nsecond\",\"long\":\"Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua\",\"multi\\nline key\":\"mk\",\"multi-trailing-space\":\"line one \\nline two\",\"nl\":\"\\n\",\"quoted-long\":\"Lorem: ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua\",\"yes\":\"keyyes\"},\"kubeVersion\":\"\\u003e=1.20.0-0\",\"dependencies\":[{\"name\":\"sub\",\"version\":\"0.1.0\",\"repository\":\"\",\"condition\":\"sub.enabled\",\"tags\":[\"t1\",\"t2\"],\"import-values\":[{\"child\":\"a\",\"parent\":\"b\"},\"data\"],\"alias\":\"mysub\"}],\"type\":\"application\"}",
  tgz: "rich-1.2.3+build.7.tgz",
  metadataYaml: "annotations:\n  Zeta: z\n  a-b: s\n  a.b: t\n  a_b: u\n  a1b: q\n  a01b: r\n  aB: v\n  artifacthub.io/changes: |\n    - kind: added\n      description: thing\n  b9: \"true\"\n  b10: x\n  clip: |\n    x\n    y\n  emptyish: \"\"\n  keep: |+\n    a\n\n  'key with: colon': v\n  lead: |2-\n      indented\n    second\n  long: Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor\n    incididunt ut labore et dolore magna aliqua\n  ? |-\n    multi\n    line key\n  : mk\n  multi-trailing-space: \"line one \\nline two\"\n  nl: |2+\n\n  quoted-long: 'Lorem: ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod\n    tempor incididunt ut labore et dolore magna aliqua'\n  \"yes\": keyyes\napiVersion: v2\nappVersion: \"1.0\"\ndependencies:\n- alias: mysub\n  condition: sub.enabled\n  import-values:\n  - child: a\n    parent: b\n  - data\n  name: sub\n  repository: \"\"\n  tags:\n  - t1\n  - t2\n  version: 0.1.0\ndeprecated: true\ndescription: A Helm chart for Kubernetes with a rather long description that goes\n  beyond eighty columns, to see folding and more words here to go past one hundred\n  sixty characters of text ok\nhome: https://example.com/rich\nicon: https://example.com/icon.png\nkeywords:\n- a\n- \"true\"\n- \"yes\"\n- \"1.0\"\n- \"2021-01-01\"\n- -x\n- 'a: b'\n- '#hash'\n- it's\n- 'x #y'\n- \"~\"\n- \"null\"\n- \"1e3\"\n- \"0x1F\"\n- \"1:20\"\n- \"on\"\n- \"\"\n- ' lead'\n- 'trail '\n- tab here\n- \u00fcmlaut\n- \"emoji \\U0001F600\"\n- '@at'\n- '%pct'\n- '*star'\n- '&amp'\n- '!bang'\n- '|pipe'\n- '>gt'\n- '[br'\n- '{br'\n- a,b\n- '? q'\n- ?q\n- '-'\n- '--- x'\n- '...'\n- <<\n- =\n- \"0777\"\n- \"089\"\n- \"+1\"\n- \".5\"\n- \"1_000\"\n- \"2021-1-1 1:2:3\"\n- 2021-02-30\nkubeVersion: '>=1.20.0-0'\nmaintainers:\n- email: jane@example.com\n  name: Jane O'Doe\n  url: https://jane.example.com\n- name: 'Bob: the builder'\n- email: only@example.com\nname: rich\nsources:\n- https://github.com/example/rich\n- git@github.com:example/rich.git\ntype: application\nversion: 1.2.3+build.7\n",
  filesYaml: "files:\n  rich-1.2.3+build.7.tgz: sha256:657eef53484a1d48544669b55e103edfcac201fd0579de0a9555abda4f921265\n",
};

/** Edge cases: long keys, escapes, control characters, BOM, CJK folding, numbers in import-values. */
const EDGE = {
  configJson: "{\"name\":\"edge\",\"version\":\"0.1.0\",\"description\":\"d d d d d d d d d d d d d d d d d d d d d d d d d d d d d d d d d d d d d d d d d d d d d d d d d d d d d d d d d d d d \",\"keywords\":[\"k k k k k k k k k k k k k k k k k k k k k k k k k k k k k k k k k k k k k k k k k k k k k k k k k k \"],\"maintainers\":[{\"name\":\"NNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNN\",\"email\":\"e@x\"},{\"name\":\"Averyveryveryverylongname Withaveryveryverylongsurname Andmoremoremoremoremore wordswords\"}],\"apiVersion\":\"v2\",\"annotations\":{\"\":\"empty key\",\"010\":\"ten0\",\"1.5\":\"f\",\"10\":\"ten\",\"9\":\"nine\",\"X1\":\"c\",\"a0010\":\"w\",\"a010\":\"z\",\"a10\":\"x\",\"a9\":\"true\",\"bom\":\"\ufeffbom start\",\"cjk\":\"\u6f22\u5b57\u6f22\u5b57\u6f22\u5b57\u6f22\u5b57\u6f22\u5b57\u6f22\u5b57\u6f22\u5b57\u6f22\u5b57\u6f22\u5b57\u6f22\u5b57\u6f22\u5b57\u6f22\u5b57\u6f22\u5b57\u6f22\u5b57\u6f22\u5b57\u6f22\u5b57\u6f22\u5b57\u6f22\u5b57\u6f22\u5b57\u6f22\u5b57\u6f22\u5b57\u6f22\u5b57\u6f22\u5b57\u6f22\u5b57\u6f22\u5b57\u6f22\u5b57\u6f22\u5b57\u6f22\u5b57\u6f22\u5b57\u6f22\u5b57\u6f22\u5b57\u6f22\u5b57\u6f22\u5b57\u6f22\u5b57\u6f22\u5b57\u6f22\u5b57\u6f22\u5b57\u6f22\u5b57\u6f22\u5b57\u6f22\u5b57\u6f22\u5b57\u6f22\u5b57\u6f22\u5b57\u6f22\u5b57\u6f22\u5b57\u6f22\u5b57\u6f22\u5b57\u6f22\u5b57\u6f22\u5b57\u6f22\u5b57 \u6f22\u5b57  \u6f22\u5b57  \u6f22\u5b57  \u6f22\u5b57  \u6f22\u5b57  \u6f22\u5b57  \u6f22\u5b57  \u6f22\u5b57  \u6f22\u5b57  \u6f22\u5b57  \u6f22\u5b57  \u6f22\u5b57  \u6f22\u5b57  \u6f22\u5b57  \u6f22\u5b57  \u6f22\u5b57  \u6f22\u5b57  \u6f22\u5b57  \u6f22\u5b57  \u6f22\u5b57 \",\"colon-end\":\"ends with:\",\"cr\":\"car\\rriage\",\"ctrl\":\"bell\\u0007 esc\\u001b\",\"dash\":\"- item\",\"dq-long\":\"Lorem ipsum dolor sit amet\\tconsectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua  double  spaces  everywhere  here and there to fold\",\"hash-mid\":\"a#b\",\"kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk\":\"key at limit\",\"kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk\":\"long key\",\"literal-blank-space-line\":\"a\\n \\nb\",\"literal-long\":\"first line is long enough to exceed the eighty column limit of go-yaml emitter for sure\\nsecond\",\"literal-tab\":\"a\\tb\\nc\",\"literal-trailing-space-line\":\"a \\nb\",\"ls\":\"line\\u2028sep\",\"nbsp\":\"a\u00a0b c\",\"noSpaces\":\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\",\"plain-spaces\":\"Lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor incididunt  ut  labore et dolore magna aliqua   triple   spaces and more words to fold again and again\",\"q\":\"say \\\"hi\\\" and \\\\ backslash\",\"spaces-only\":\"   \",\"sq-long-spaces\":\"#Lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor  incididunt  ut  labore et dolore magna aliqua   triple   spaces\",\"x-1\":\"a\",\"x1\":\"b\",\"z\":\"zz\",\"\u00e9\":\"e acute\",\"\u00fc\u00fc\u00fc\u00fc\u00fc\u00fc\u00fc\u00fc\u00fc\u00fc\u00fc\u00fc\u00fc\u00fc\u00fc\u00fc\u00fc\u00fc\u00fc\u00fc\u00fc\u00fc\u00fc\u00fc\u00fc\u00fc\u00fc\u00fc\u00fc\u00fc\u00fc\u00fc\u00fc\u00fc\u00fc\u00fc\u00fc\u00fc\u00fc\u00fc\u00fc\u00fc\u00fc\u00fc\u00fc\u00fc\u00fc\u00fc\u00fc\u00fc\u00fc\u00fc\u00fc\u00fc\u00fc\u00fc\u00fc\u00fc\u00fc\u00fc\u00fc\u00fc\u00fc\u00fc\u00fc\":\"multibyte key 130 bytes\"},\"dependencies\":[{\"name\":\"sub\",\"version\":\"0.1.0\",\"repository\":\"file://../sub\",\"enabled\":true,\"import-values\":[{\"child\":\"a\",\"parent\":\"b\"},1,1.5,1e-7,0.0001,0.00001,123456.5,1234567.5,1e+21,12345678901234567000,100000000000000000000,-3,true,null,[],{},[\"x\",[true]],{\"nested\":{\"deep\":[1,{\"k\":\"v\"}]}},\"2020-01-01\",\"yes\",\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx yyyyyyyyyy\"]}]}",
  metadataYaml: "annotations:\n  \"\": empty key\n  \"1.5\": f\n  \"9\": nine\n  \"10\": ten\n  \"010\": ten0\n  X1: c\n  a9: \"true\"\n  a10: x\n  a010: z\n  a0010: w\n  bom: \"\\uFEFF\\x62\\x6F\\x6D\\x20\\x73\\x74\\x61\\x72\\x74\"\n  cjk: '\u6f22\u5b57\u6f22\u5b57\u6f22\u5b57\u6f22\u5b57\u6f22\u5b57\u6f22\u5b57\u6f22\u5b57\u6f22\u5b57\u6f22\u5b57\u6f22\u5b57\u6f22\u5b57\u6f22\u5b57\u6f22\u5b57\u6f22\u5b57\u6f22\u5b57\u6f22\u5b57\u6f22\u5b57\u6f22\u5b57\u6f22\u5b57\u6f22\u5b57\u6f22\u5b57\u6f22\u5b57\u6f22\u5b57\u6f22\u5b57\u6f22\u5b57\u6f22\u5b57\u6f22\u5b57\u6f22\u5b57\u6f22\u5b57\u6f22\u5b57\u6f22\u5b57\u6f22\u5b57\u6f22\u5b57\u6f22\u5b57\u6f22\u5b57\u6f22\u5b57\u6f22\u5b57\u6f22\u5b57\u6f22\u5b57\u6f22\u5b57\u6f22\u5b57\u6f22\u5b57\u6f22\u5b57\u6f22\u5b57\u6f22\u5b57\u6f22\u5b57\u6f22\u5b57\u6f22\u5b57\u6f22\u5b57\u6f22\u5b57\n    \u6f22\u5b57  \u6f22\u5b57  \u6f22\u5b57  \u6f22\u5b57  \u6f22\u5b57  \u6f22\u5b57  \u6f22\u5b57  \u6f22\u5b57  \u6f22\u5b57  \u6f22\u5b57  \u6f22\u5b57  \u6f22\u5b57  \u6f22\u5b57  \u6f22\u5b57  \u6f22\u5b57  \u6f22\u5b57  \u6f22\u5b57  \u6f22\u5b57  \u6f22\u5b57  \u6f22\u5b57 '\n  colon-end: 'ends with:'\n  cr: \"car\\rriage\"\n  ctrl: \"bell\\a esc\\e\"\n  dash: '- item'\n  dq-long: \"Lorem ipsum dolor sit amet\\tconsectetur adipiscing elit, sed do eiusmod\n    tempor incididunt ut labore et dolore magna aliqua  double  spaces  everywhere\n    \\ here and there to fold\"\n  hash-mid: a#b\n  kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk: key\n    at limit\n  ? kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk\n  : long key\n  literal-blank-space-line: \"a\\n \\nb\"\n  literal-long: |-\n    first line is long enough to exceed the eighty column limit of go-yaml emitter for sure\n    second\n  literal-tab: \"a\\tb\\nc\"\n  literal-trailing-space-line: \"a \\nb\"\n  ls: 'line\u2028    sep'\n  nbsp: a\u00a0b c\n  noSpaces: xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n  plain-spaces: Lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod\n    tempor incididunt  ut  labore et dolore magna aliqua   triple   spaces and more\n    words to fold again and again\n  q: say \"hi\" and \\ backslash\n  spaces-only: '   '\n  sq-long-spaces: '#Lorem ipsum dolor sit amet consectetur adipiscing elit sed do\n    eiusmod tempor  incididunt  ut  labore et dolore magna aliqua   triple   spaces'\n  x-1: a\n  x1: b\n  z: zz\n  \u00e9: e acute\n  ? \u00fc\u00fc\u00fc\u00fc\u00fc\u00fc\u00fc\u00fc\u00fc\u00fc\u00fc\u00fc\u00fc\u00fc\u00fc\u00fc\u00fc\u00fc\u00fc\u00fc\u00fc\u00fc\u00fc\u00fc\u00fc\u00fc\u00fc\u00fc\u00fc\u00fc\u00fc\u00fc\u00fc\u00fc\u00fc\u00fc\u00fc\u00fc\u00fc\u00fc\u00fc\u00fc\u00fc\u00fc\u00fc\u00fc\u00fc\u00fc\u00fc\u00fc\u00fc\u00fc\u00fc\u00fc\u00fc\u00fc\u00fc\u00fc\u00fc\u00fc\u00fc\u00fc\u00fc\u00fc\u00fc\n  : multibyte key 130 bytes\napiVersion: v2\ndependencies:\n- enabled: true\n  import-values:\n  - child: a\n    parent: b\n  - 1\n  - 1.5\n  - 1e-07\n  - 0.0001\n  - 1e-05\n  - 123456.5\n  - 1.2345675e+06\n  - 1e+21\n  - 12345678901234567000\n  - 1e+20\n  - -3\n  - true\n  - null\n  - []\n  - {}\n  - - x\n    - - true\n  - nested:\n      deep:\n      - 1\n      - k: v\n  - \"2020-01-01\"\n  - \"yes\"\n  - xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n    yyyyyyyyyy\n  name: sub\n  repository: file://../sub\n  version: 0.1.0\ndescription: 'd d d d d d d d d d d d d d d d d d d d d d d d d d d d d d d d d d\n  d d d d d d d d d d d d d d d d d d d d d d d d d d '\nkeywords:\n- 'k k k k k k k k k k k k k k k k k k k k k k k k k k k k k k k k k k k k k k k k\n  k k k k k k k k k k '\nmaintainers:\n- email: e@x\n  name: NNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNN\n- name: Averyveryveryverylongname Withaveryveryverylongsurname Andmoremoremoremoremore\n    wordswords\nname: edge\nversion: 0.1.0\n",
};

/** Keywords Helm double-quoted because YAML 1.1 would read them as something else. */
const QUOTED_BY_HELM: string[] = ["2024-02-29", "2021-1-1T1:2:3Z", "2021-01-01t01:02:03+24:00", "0b101", "-0b101", "0o17", "0O17", "9223372036854775808", "18446744073709551615", "18446744073709551616", "-9223372036854775809", "-9223372036854775808", "1_2.3", "+.5", ".inf", "+.INF", "Yes", "NULL", "Null", "2021-01-01T01:02:03.123456789012Z", "2021-01-01T01:02:03,5Z", "2021-01-01T1:2:3+05:30", "00", "08", "-0", "+0x1f", "1.", "1.e5", "1__0", "1:2:3", "-1:20", "1:20.5", "190:20:30", "TRUE", "True", "y", "n", "N", "off", "Off", "2021-1-01", "0.", "0e0", "-.5", "-.inf", "-.Inf", "+1_000", "0x_1f", "0_x1f", "1e+5", "1E5", "+1e-5"];

/** Keywords Helm left unquoted although they look like numbers, dates or booleans. */
const PLAIN_BY_HELM: string[] = ["1e999", ".5e400", "2021-02-29", "2021-01-01t01:02:03+25:00", "2021-01-01T01:02:03+23:61", "2021-01-01 24:00:00", "2021-01-01 23:59:60", ".Nan", "yES", "nULL", "2021-13-01", "2021-00-10", "2021-01-01T01:02:03+0530", "0x", "0xg", "1e", ".e5", "._5", "_1", "0b", "+", "12:60", "2001-12-14 21:59:43.10 -5", "tRUE", "oFF", "~x", "2021-01-01T01:02:03", "2021-01-01 01:02:03Z", "1234-5", "12345-01-01", "2021-01-1 1:2:3."];
