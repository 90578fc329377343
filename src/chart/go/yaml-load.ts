// Reads YAML into the values go-yaml v2 would produce for interface{}: the `yaml` package parses,
// and every plain scalar is typed with go-yaml's own rules (YAML 1.1 booleans such as `y` and
// `on`, octal `010`, timestamps kept as text, `<<` merges). Integers stay exact as bigint.
// Every parse is bounded: go-yaml's alias budget (a "billion laughs" document is refused after a
// few thousand nodes, with go-yaml's own message), document size, nesting depth and document count.
import { Composer, isAlias, isMap, isScalar, isSeq, Parser, visit, type Alias, type Document, type Node } from 'yaml';
import { MAX_FILE_BYTES } from '../limits.js';
import { formatGoFloat } from './numbers.js';
import { GoYamlError } from './yaml-error.js';
import { resolvePlainScalar } from './yaml-resolve.js';

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

const STR_TAG = 'tag:yaml.org,2002:str';
/** Nesting deeper than this is refused (Helm's own files nest a few levels; recursion must end). */
const MAX_DEPTH = 200;
/** More documents than this in one stream are refused: each costs memory before it is checked. */
const MAX_DOCUMENTS = 10_000;

/** The first document of `text`, as go-yaml's Unmarshal would decode it (null when empty). */
export function loadGoYaml(text: string): GoValue {
  return bounded(text, () => {
    for (const doc of documents(text)) return new Decoder(doc).document();
    return null;
  });
}

/** Every document of a multi-document stream (values.yaml may hold several). */
export function loadAllGoYaml(text: string): GoValue[] {
  return bounded(text, () => {
    const values: GoValue[] = [];
    for (const doc of documents(text)) {
      if (values.length === MAX_DOCUMENTS) throw new GoYamlError(`the stream holds more than ${MAX_DOCUMENTS} YAML documents`);
      values.push(new Decoder(doc).document());
    }
    return values;
  });
}

// The `yaml` package composes nested collections recursively; far deeper than MAX_DEPTH it runs
// out of stack before the decoder can count the levels (and reports it as a parse error, or throws).
const isStackOverflow = (message: string) => /call stack/i.test(message);
const tooDeep = () => new GoYamlError(`the YAML nests more than ${MAX_DEPTH} levels deep`);

function bounded<T>(text: string, load: () => T): T {
  // Every YAML file Helm reads is a chart file, which may not be larger than this.
  if (text.length > MAX_FILE_BYTES) throw new GoYamlError(`the document is longer than ${MAX_FILE_BYTES} characters`);
  try {
    return load();
  } catch (error) {
    if (error instanceof RangeError && isStackOverflow(error.message)) throw tooDeep();
    throw error;
  }
}

// One document at a time, so a stream of many is never held whole.
function* documents(text: string): Generator<Document> {
  const composer = new Composer({ schema: 'failsafe', version: '1.1', uniqueKeys: false, prettyErrors: false });
  yield* composer.compose(new Parser().parse(text));
}

// go-yaml v2's decoder counts every node it decodes and every node reached through an alias, and
// gives up when aliases make up too much of the work (decode.go, allowedAliasRatio).
const ALIAS_RATIO_LOW = 400_000;
const ALIAS_RATIO_HIGH = 4_000_000;

function allowedAliasRatio(decodeCount: number): number {
  if (decodeCount <= ALIAS_RATIO_LOW) return 0.99;
  if (decodeCount >= ALIAS_RATIO_HIGH) return 0.1;
  return 0.99 - (0.89 * (decodeCount - ALIAS_RATIO_LOW)) / (ALIAS_RATIO_HIGH - ALIAS_RATIO_LOW);
}

class Decoder {
  private decodeCount = 0;
  private aliasCount = 0;
  private aliasDepth = 0;
  /** Aliases being expanded, to refuse one that contains itself. */
  private readonly expanding = new Set<Alias>();
  private readonly targets: Map<Alias, Node | undefined>;

  constructor(private readonly doc: Document) {
    const error = doc.errors[0];
    if (error) throw isStackOverflow(error.message) ? tooDeep() : new GoYamlError(error.message.split('\n')[0] ?? error.message);
    this.targets = aliasTargets(doc);
  }

  document(): GoValue {
    this.count();
    return this.convert(this.doc.contents as Node | null, 0);
  }

  private count(): void {
    this.decodeCount++;
    if (this.aliasDepth > 0) this.aliasCount++;
    if (this.aliasCount > 100 && this.decodeCount > 1000 && this.aliasCount / this.decodeCount > allowedAliasRatio(this.decodeCount)) {
      throw new GoYamlError('document contains excessive aliasing');
    }
  }

  private convert(node: Node | null | undefined, depth: number): GoValue {
    if (depth > MAX_DEPTH) throw tooDeep();
    this.count();
    if (node === null || node === undefined) return null;
    if (isAlias(node)) {
      const target = this.targets.get(node);
      if (target === undefined) throw new GoYamlError(`unknown anchor '${node.source}' referenced`);
      if (this.expanding.has(node)) throw new GoYamlError(`anchor '${node.source}' value contains itself`);
      this.expanding.add(node);
      this.aliasDepth++;
      try {
        return this.convert(target, depth + 1);
      } finally {
        this.aliasDepth--;
        this.expanding.delete(node);
      }
    }
    if (isScalar(node)) {
      // The failsafe schema leaves every scalar's value a string (or nothing, for an empty one).
      const text = typeof node.value === 'string' ? node.value : '';
      const plain = node.type === 'PLAIN' || node.type === undefined;
      if (node.tag === STR_TAG || (!plain && !node.tag)) return text;
      return typed(resolvePlainScalar(text));
    }
    if (isSeq(node)) return node.items.map((item) => this.convert(item as Node, depth + 1));
    if (isMap(node)) {
      const map = new GoMap();
      for (const pair of node.items) {
        const keyNode = pair.key as Node | null;
        const value = pair.value as Node | null;
        if (isScalar(keyNode) && keyNode.type === 'PLAIN' && !keyNode.tag && keyNode.value === '<<') {
          merge(map, this.convert(value, depth + 1));
          continue;
        }
        map.entries.set(jsonKey(this.convert(keyNode, depth + 1)), this.convert(value, depth + 1));
      }
      return map;
    }
    throw new GoYamlError('unsupported YAML node');
  }
}

// Each alias refers to the last node anchored with its name before it, in document order. Found
// in one walk: the `yaml` package's own Alias.resolve walks the whole document for every alias.
function aliasTargets(doc: Document): Map<Alias, Node | undefined> {
  const anchored = new Map<string, Node>();
  const targets = new Map<Alias, Node | undefined>();
  visit(doc, {
    Node(_key, node) {
      if (isAlias(node)) targets.set(node, anchored.get(node.source));
      else if (node.anchor) anchored.set(node.anchor, node);
    },
  });
  return targets;
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
