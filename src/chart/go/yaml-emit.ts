// YAML exactly as Helm writes it. Helm marshals chart metadata with sigs.k8s.io/yaml: Go JSON
// first, then that JSON is read and re-emitted by go-yaml v2 (YAML 1.1 rules). The provenance
// text and the Chart.yaml inside a packaged chart are both this output, so it must match byte
// for byte. The `yaml` npm library cannot: go-yaml folds long scalars at the first space *past*
// column 80, prefers single quotes, double-quotes anything YAML 1.1 would read as non-string
// (`yes`, `on`, `1_000`, `2024-01-02`, `1:30`), sorts keys "naturally" (b9 < b10) and escapes
// differently. So this module re-implements the part of go-yaml's emitter (emitterc.go) that JSON
// data can reach: block maps and sequences, empty `{}`/`[]`, and plain, quoted and literal scalars.
import { formatGoFloat, INT64_MAX, INT64_MIN, UINT64_MAX } from './numbers.js';
import { compareGoYamlKeys } from './yaml-key-order.js';
import { analyzeScalar, stringStyle, type Analysis, type Style } from './yaml-scalar-style.js';
import { YamlWriter } from './yaml-writer.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const MAX_SIMPLE_KEY_BYTES = 128;

/** sigs.k8s.io/yaml `JSONToYAML`: the YAML go-yaml v2 emits for a JSON document. */
export function jsonToGoYaml(json: string): string {
  return toGoYaml(JSON.parse(json) as Json);
}

/** sigs.k8s.io/yaml `Marshal` for data already shaped like Go's JSON output (maps, slices, strings, numbers). */
export function toGoYaml(value: Json): string {
  const emitter = new Emitter();
  emitter.document(value);
  return emitter.output();
}

// Helm's JSON holds float64s printed by Go; go-yaml reads them back as int, uint or float and
// prints floats with strconv's 'g' format.
function formatNumber(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e21) {
    const text = n.toString(); // same digits as Go's json.Marshal of this float64
    const big = BigInt(text);
    if ((big >= INT64_MIN && big <= INT64_MAX) || (big >= 0n && big <= UINT64_MAX)) return big.toString();
  }
  return formatGoFloat(n, 64); // JSON holds no NaN or Inf
}

// Nodes: what go-yaml's encoder and emitter do with maps, sequences and scalars of JSON data.
class Emitter extends YamlWriter {
  document(value: Json): void {
    this.node(value, { mapping: false, simpleKey: false });
    this.writeIndent(); // the implicit document end: a final line break
  }

  // -- nodes --------------------------------------------------------------------------------------

  private node(value: Json, ctx: { mapping: boolean; simpleKey: boolean }): void {
    this.mappingContext = ctx.mapping;
    this.simpleKeyContext = ctx.simpleKey;
    if (value === null) return this.scalar('null', 'plain');
    if (typeof value === 'boolean') return this.scalar(String(value), 'plain');
    if (typeof value === 'number') return this.scalar(formatNumber(value), 'plain');
    if (typeof value === 'string') return this.scalar(value, stringStyle(value));
    if (Array.isArray(value)) return value.length === 0 ? this.emptyFlow('[', ']') : this.blockSequence(value);
    const keys = Object.keys(value).sort(compareGoYamlKeys);
    return keys.length === 0 ? this.emptyFlow('{', '}') : this.blockMapping(value, keys);
  }

  // Only empty collections are written in flow style.
  private emptyFlow(open: string, close: string): void {
    this.writeIndicator(open, true, true, false);
    this.writeIndicator(close, false, false, false);
  }

  private blockSequence(items: Json[]): void {
    // A sequence that is a mapping value sits at the key's column ("key:\n- item").
    this.increaseIndent(false, this.mappingContext && !this.indention);
    for (const item of items) {
      this.writeIndent();
      this.writeIndicator('-', true, false, true);
      this.node(item, { mapping: false, simpleKey: false });
    }
    this.popIndent();
  }

  private blockMapping(map: { [key: string]: Json }, keys: string[]): void {
    this.increaseIndent(false, false);
    for (const key of keys) {
      this.writeIndent();
      if (!analyzeScalar(key).multiline && Buffer.byteLength(key, 'utf8') <= MAX_SIMPLE_KEY_BYTES) {
        this.node(key, { mapping: true, simpleKey: true });
        this.writeIndicator(':', false, false, false);
      } else {
        this.writeIndicator('?', true, false, true);
        this.node(key, { mapping: true, simpleKey: false });
        this.writeIndent();
        this.writeIndicator(':', true, false, true);
      }
      this.node(map[key]!, { mapping: true, simpleKey: false });
    }
    this.popIndent();
  }

  private scalar(value: string, requested: Style): void {
    const a = analyzeScalar(value);
    const style = this.selectStyle(a, requested);
    this.increaseIndent(true, false);
    const allowBreaks = !this.simpleKeyContext;
    if (style === 'plain') this.writePlain(value, allowBreaks);
    else if (style === 'single') this.writeSingleQuoted(value, allowBreaks);
    else if (style === 'double') this.writeDoubleQuoted(value, allowBreaks);
    else this.writeLiteral(value);
    this.popIndent();
  }

  private selectStyle(a: Analysis, requested: Style): Style {
    let style = requested;
    if (this.simpleKeyContext && a.multiline) style = 'double';
    if (style === 'plain') {
      if (!a.blockPlain) style = 'single';
      if (a.empty && this.simpleKeyContext) style = 'single';
    }
    if (style === 'single' && !a.singleQuoted) style = 'double';
    if (style === 'literal' && (!a.block || this.simpleKeyContext)) style = 'double';
    return style;
  }

}
