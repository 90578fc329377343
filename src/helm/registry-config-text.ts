// Edits to the text of a Docker-format credentials file (Helm's registry config, Docker's
// config.json), made with jsonc-parser so that only the bytes of the one entry change: undoing an
// edit gives back the user's file byte for byte, whatever tool formatted it.
import { applyEdits, format, modify, parseTree, type Edit, type FormattingOptions, type Node } from 'jsonc-parser';
import { RegistryConfigError } from './errors.js';

/** A parsed credentials file: its text, its value and the syntax tree edits are located in. */
export interface ConfigDoc {
  text: string;
  value: Record<string, unknown>;
  root: Node;
  /** The `auths` object, when the file has one. */
  auths?: Node;
  /** How new text is laid out: the file's own indentation and line ends; undefined for one-line files. */
  style?: FormattingOptions;
}

/** Parses a credentials file as strictly as Go does (no comments, no trailing commas). */
export function parseConfig(text: string, label: string): ConfigDoc {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    // V8's message can quote the file (and so a secret): keep only the position.
    const at = /position \d+/.exec(error instanceof Error ? error.message : '');
    throw new RegistryConfigError(`${label} is not valid JSON${at ? ` (at ${at[0]})` : ''}; not changing it`);
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    throw new RegistryConfigError(`${label} is not a JSON object; not changing it`);
  }
  const root = parseTree(text)!;
  const auths = uniqueMember(root, 'auths', label);
  if (auths && auths.type !== 'object') throw new RegistryConfigError(`${label} has an "auths" that is not an object; not changing it`);
  return { text, value: value as Record<string, unknown>, root, auths, style: styleOf(text) };
}

/** The exact text of auths[key], or undefined when there is no such entry. */
export function entryText(doc: ConfigDoc, key: string, label: string): string | undefined {
  const entry = doc.auths && uniqueMember(doc.auths, key, label);
  return entry && doc.text.slice(entry.offset, entry.offset + entry.length);
}

/** The text with auths[key] set to `entry` (the whole entry is replaced, as `docker login` does). */
export function setEntry(doc: ConfigDoc, key: string, entry: object): string {
  if (doc.auths?.children?.length === 0) return replaceNode(doc, doc.auths, { [key]: entry });
  if (!doc.auths && doc.root.children?.length === 0) return replaceNode(doc, doc.root, { auths: { [key]: entry } });
  const [edit] = modify(doc.text, ['auths', key], entry, {});
  return applyLaidOut(doc, edit!);
}

/** The text with auths[key] holding `previous`, the entry's exact text from before. */
export function restoreEntry(doc: ConfigDoc, key: string, previous: string, label: string): string {
  const current = doc.auths && uniqueMember(doc.auths, key, label);
  if (current) return applyEdits(doc.text, [{ offset: current.offset, length: current.length, content: previous }]);
  // The entry went away since (a logout in between): put back what it meant.
  return setEntry(doc, key, JSON.parse(previous) as object);
}

/** The text without auths[key]; without `auths` too when `dropEmptyAuths` and nothing else is in it. */
export function removeEntry(doc: ConfigDoc, key: string, dropEmptyAuths: boolean, label: string): string {
  if (!doc.auths) return doc.text;
  let text = uniqueMember(doc.auths, key, label) ? removeMember(doc.text, doc.auths, ['auths', key]) : doc.text;
  const after = parseConfig(text, label);
  if (dropEmptyAuths && after.auths?.children?.length === 0) text = removeMember(text, after.root, ['auths']);
  return text;
}

/** Whether the file holds nothing at all (`{}`). */
export function isEmpty(doc: ConfigDoc): boolean {
  return (doc.root.children?.length ?? 0) === 0;
}

// ---- layout ----

// The first indented line says how the file is indented; with none, Docker's and Helm's tab.
function styleOf(text: string): FormattingOptions | undefined {
  if (!text.includes('\n') && text.trim() !== '{}') return undefined;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const indent = /\n([ \t]+)\S/.exec(text)?.[1];
  if (indent && !indent.startsWith('\t')) return { insertSpaces: true, tabSize: indent.length, eol };
  return { insertSpaces: false, tabSize: 4, eol };
}

function indentUnit(style: FormattingOptions): string {
  return style.insertSpaces ? ' '.repeat(style.tabSize ?? 4) : '\t';
}

/** Applies `edit`, then lays out the text it inserted (and nothing around it) in the file's style. */
function applyLaidOut(doc: ConfigDoc, edit: Edit): string {
  const text = applyEdits(doc.text, [edit]);
  if (!doc.style) return text;
  const start = edit.offset;
  const end = start + edit.content.length;
  const layout = format(text, { offset: start, length: end - start }, doc.style).filter((e) => e.offset >= start && e.offset + e.length <= end);
  return applyEdits(text, layout);
}

/** Replaces an empty object with `value`, laid out as Go's json.MarshalIndent would at that depth. */
function replaceNode(doc: ConfigDoc, node: Node, value: object): string {
  let content = JSON.stringify(value);
  if (doc.style) {
    const lineStart = doc.text.lastIndexOf('\n', node.offset) + 1;
    const outer = /^[ \t]*/.exec(doc.text.slice(lineStart))![0];
    content = JSON.stringify(value, null, indentUnit(doc.style)).replaceAll('\n', `${doc.style.eol}${outer}`);
  }
  return applyEdits(doc.text, [{ offset: node.offset, length: node.length, content }]);
}

// An object left with no members becomes `{}` again: the form it had before a member was added.
function removeMember(text: string, parent: Node, path: string[]): string {
  if (parent.children?.length === 1) return applyEdits(text, [{ offset: parent.offset, length: parent.length, content: '{}' }]);
  return applyEdits(text, modify(text, path, undefined, {}));
}

// JSON.parse and Go let the last of duplicate keys win, jsonc-parser's edits the first: a key that
// is there twice is refused rather than edited in the wrong place.
function uniqueMember(object: Node, key: string, label: string): Node | undefined {
  const found = (object.children ?? []).filter((member) => member.children?.[0]?.value === key);
  if (found.length > 1) throw new RegistryConfigError(`${label} has the key ${JSON.stringify(key)} ${found.length} times; not changing it`);
  return found[0]?.children?.[1];
}
