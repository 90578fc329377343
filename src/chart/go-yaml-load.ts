// Reads YAML into the values go-yaml v2 would produce for interface{}: the `yaml` package parses,
// and every plain scalar is typed with go-yaml's own rules (YAML 1.1 booleans such as `y` and
// `on`, octal `010`, timestamps kept as text, `<<` merges). Integers stay exact as bigint.
import { isAlias, isMap, isScalar, isSeq, parseAllDocuments, type Document, type Node } from 'yaml';
import { formatGoFloat, resolvePlainScalar } from './go-yaml-scalars.js';

export class GoInt {
  constructor(readonly value: bigint) {}
}

export class GoFloat {
  constructor(readonly value: number) {}
}

/** A decoded YAML value: go-yaml's nil, bool, string, int, float64, []interface{} or map. */
export type GoValue = null | boolean | string | GoInt | GoFloat | GoValue[] | GoMap;

/** A YAML mapping with keys already turned into JSON keys the way sigs.k8s.io/yaml does. */
export class GoMap {
  readonly entries = new Map<string, GoValue>();
}

export class GoYamlError extends Error {
  override readonly name = 'GoYamlError';
}

const STR_TAG = 'tag:yaml.org,2002:str';
const MAX_DEPTH = 200;

/** The first document of `text`, as go-yaml's Unmarshal would decode it (null when empty). */
export function loadGoYaml(text: string): GoValue {
  const first = parseDocuments(text)[0];
  return first ? decodeDocument(first) : null;
}

/** Every document of a multi-document stream (values.yaml may hold several). */
export function loadAllGoYaml(text: string): GoValue[] {
  return parseDocuments(text).map(decodeDocument);
}

function parseDocuments(text: string): Document[] {
  const docs = parseAllDocuments(text, { schema: 'failsafe', version: '1.1', uniqueKeys: false, prettyErrors: false });
  return Array.isArray(docs) ? docs : []; // an empty stream is not an array
}

function decodeDocument(doc: Document): GoValue {
  const error = doc.errors[0];
  if (error) throw new GoYamlError(error.message.split('\n')[0] ?? error.message);
  return convert(doc.contents as Node | null, doc, 0);
}

function convert(node: Node | null | undefined, doc: Document, depth: number): GoValue {
  if (depth > MAX_DEPTH) throw new GoYamlError('the YAML nests too deep (an alias that refers to itself?)');
  if (node === null || node === undefined) return null;
  if (isAlias(node)) return convert(node.resolve(doc) as Node | undefined, doc, depth + 1);
  if (isScalar(node)) {
    const text = node.value === null || node.value === undefined ? '' : String(node.value);
    const plain = node.type === 'PLAIN' || node.type === undefined;
    if (node.tag === STR_TAG || (!plain && !node.tag)) return text;
    return typed(resolvePlainScalar(text));
  }
  if (isSeq(node)) return node.items.map((item) => convert(item as Node, doc, depth + 1));
  if (isMap(node)) {
    const map = new GoMap();
    for (const pair of node.items) {
      const keyNode = pair.key as Node | null;
      const value = pair.value as Node | null;
      if (isScalar(keyNode) && keyNode.type === 'PLAIN' && !keyNode.tag && keyNode.value === '<<') {
        merge(map, convert(value, doc, depth + 1));
        continue;
      }
      map.entries.set(jsonKey(convert(keyNode, doc, depth + 1)), convert(value, doc, depth + 1));
    }
    return map;
  }
  throw new GoYamlError('unsupported YAML node');
}

function typed(scalar: ReturnType<typeof resolvePlainScalar>): GoValue {
  switch (scalar.tag) {
    case 'null': return null;
    case 'bool': return scalar.value;
    case 'int': return new GoInt(scalar.value);
    case 'float': return new GoFloat(scalar.value);
    case 'timestamp':
    case 'str': return scalar.text;
  }
}

// go-yaml v2 applies `<<: *x` where it appears (overwriting keys before it); from a list of maps
// the earlier maps win.
function merge(into: GoMap, source: GoValue): void {
  const sources = Array.isArray(source) ? [...source].reverse() : [source];
  for (const item of sources) {
    if (!(item instanceof GoMap)) throw new GoYamlError('a "<<" merge key needs a mapping or a list of mappings');
    for (const [key, value] of item.entries) into.entries.set(key, value);
  }
}

// sigs.k8s.io/yaml turns non-string keys into JSON keys: ints in decimal, floats with 32-bit
// precision, booleans as true/false; a null or collection key is an error.
function jsonKey(key: GoValue): string {
  if (typeof key === 'string') return key;
  if (typeof key === 'boolean') return key ? 'true' : 'false';
  if (key instanceof GoInt) return key.value.toString();
  if (key instanceof GoFloat) {
    if (Number.isNaN(key.value)) return '.nan';
    if (key.value === Number.POSITIVE_INFINITY) return '.inf';
    if (key.value === Number.NEGATIVE_INFINITY) return '-.inf';
    return formatGoFloat(key.value, 32);
  }
  throw new GoYamlError(`a mapping key must be a string, number or boolean, not ${key === null ? 'null' : 'a collection'}`);
}
