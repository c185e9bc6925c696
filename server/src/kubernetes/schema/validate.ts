// Walks a manifest's YAML nodes against its shape and collects every schema problem with its exact range.
import { Scalar } from 'yaml';
import { isAlias, isMap, isScalar, isSeq, type Node, type YAMLMap } from '../../yaml/yaml';
import type { LineIndex } from '../../engine/text';
import type { Fix, Range } from '../../engine/types';
import { describeType, type Field, type Shape } from './shapes';
import { closest, editDistance } from '../../engine/suggest';
import { fieldFormatProblem } from './field-formats';
import { quantityProblem } from './formats';

/** Read once: each use of an imported binding of the (CommonJS) yaml module is a getter call in the bundle. */
const PLAIN = Scalar.PLAIN;

/** Plain words that Kubernetes' YAML 1.1 decoder turns into booleans (the yaml package, YAML 1.2, keeps them strings). */
const YAML11_BOOLEAN = /^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF)$/;

export type IssueCode = 'unknown-field' | 'type' | 'enum' | 'required' | 'quantity' | 'name' | 'port';

export interface SchemaIssue {
  code: IssueCode;
  range: Range;
  message: string;
  fix?: Fix;
}

export interface WalkOptions {
  index: LineIndex;
  /** Template expressions (`{{ }}` scalars, or `{{x}}` read as a flow mapping) are not checked; set only for templated documents. */
  skip?: (node: Node) => boolean;
  /** The manifest's kind, for kind-dependent name rules. */
  kind?: string;
}

/** Where a value sits: its field name, the type holding it, and the node to report "missing X" on. */
interface Place {
  field?: string;
  parentType?: string;
  anchor?: Node;
  /** The value is an item of the list `field`. */
  inItem?: boolean;
}

export function validateManifest(root: YAMLMap, shape: Shape, opts: WalkOptions): SchemaIssue[] {
  const issues: SchemaIssue[] = [];
  walk(root, shape, { anchor: root.items[0]?.key as Node | undefined }, opts, issues);
  return issues;
}

function rangeOf(opts: WalkOptions, node: Node): Range {
  const [start, end] = node.range ?? [0, 0];
  return opts.index.range(start, end);
}

function walk(node: Node | null | undefined, shape: Shape, place: Place, opts: WalkOptions, out: SchemaIssue[]): void {
  if (!node || isAlias(node) || opts.skip?.(node)) return;
  if (isScalar(node) && node.value === null) return; // `key:` with no value is the same as leaving it out
  switch (shape.type) {
    case 'any':
      return;
    case 'object':
      if (!isMap(node)) return typeIssue(node, shape, place, opts, out);
      return walkObject(node, shape, place, opts, out);
    case 'map':
      if (!isMap(node)) return typeIssue(node, shape, place, opts, out);
      for (const pair of node.items) {
        const key = pair.key as Node;
        if (isScalar(key) && key.value === '<<') continue;
        const keyName = isScalar(key) ? String(key.value) : undefined;
        const formatKey = keyName !== undefined && isScalar(key) ? fieldFormatProblem(place.parentType, place.field, 'key', keyName, opts.kind) : undefined;
        if (formatKey) out.push({ code: formatKey.code, range: rangeOf(opts, key), message: formatKey.message });
        walk(pair.value as Node, shape.items ?? { type: 'any' }, { field: place.field, parentType: place.parentType, anchor: key }, opts, out);
      }
      return;
    case 'array':
      if (!isSeq(node)) return typeIssue(node, shape, place, opts, out);
      for (const item of node.items) {
        const anchor = isMap(item) ? ((item.items[0]?.key as Node | undefined) ?? (item as Node)) : (item as Node);
        walk(item as Node, shape.items ?? { type: 'any' }, { field: place.field, parentType: place.parentType, anchor, inItem: true }, opts, out);
      }
      return;
    default:
      return walkScalar(node, shape, place, opts, out);
  }
}

function walkObject(map: YAMLMap, shape: Shape, place: Place, opts: WalkOptions, out: SchemaIssue[]): void {
  const props = shape.properties ?? new Map();
  const present = new Set<string>();
  let merges = false;
  for (const pair of map.items) {
    const key = pair.key as Node;
    if (!isScalar(key)) continue;
    const name = String(key.value);
    if (name === '<<') {
      merges = true;
      continue;
    }
    present.add(name);
    const field = props.get(name);
    if (!field) {
      if (!shape.open && !opts.skip?.(key)) out.push(unknownField(key, pair.value as Node, name, props, map, shape, opts));
      continue;
    }
    walk(pair.value as Node, field.shape, { field: name, parentType: shape.typeName, anchor: key }, opts, out);
  }
  // A merge key or a template (which may add fields when rendered) can supply required fields.
  if (merges || opts.skip || !shape.required?.length) return;
  const missing = shape.required.filter((r) => !present.has(r));
  if (!missing.length || !place.anchor) return;
  const where = place.inItem ? `This \`${place.field}\` item` : place.field ? `\`${place.field}\`` : shape.typeName ?? 'This object';
  const list = missing.map((m) => `\`${m}\``).join(', ');
  out.push({
    code: 'required',
    range: rangeOf(opts, place.anchor),
    message: `${where} is missing required field${missing.length > 1 ? 's' : ''} ${list}${shape.typeName ? ` (${shape.typeName})` : ''}.`,
  });
}

function unknownField(key: Scalar, value: Node | null | undefined, name: string, props: Map<string, Field>, map: YAMLMap, shape: Shape, opts: WalkOptions): SchemaIssue {
  const taken = new Set(map.items.map((p) => (isScalar(p.key) ? String(p.key.value) : '')));
  const suggestion = closest(name, [...props.keys()].filter((k) => !taken.has(k)));
  const range = rangeOf(opts, key);
  const where = shape.typeName ? ` in ${shape.typeName}` : '';
  if (!suggestion) {
    const home = fieldHome(name, shape);
    return { code: 'unknown-field', range, message: `Unknown field \`${name}\`${where}${home ? `: it belongs under \`${home}\`` : ''}.` };
  }
  const source = opts.index.text.slice(key.range![0], key.range![1]);
  const quote = source.startsWith('"') || source.startsWith("'") ? source[0] : '';
  return {
    code: 'unknown-field',
    range,
    message: `Unknown field \`${name}\`${where}: did you mean \`${suggestion}\`?`,
    fix: {
      title: `Rename to \`${suggestion}\``,
      edits: [{ range, newText: `${quote}${suggestion}${quote}` }],
      safe: obviousTypo(name, suggestion) && valueFits(value, props.get(suggestion)!, shape, suggestion, opts),
    },
  };
}

/**
 * Whether a value passes validation as the field it is renamed to. An unknown field's value is never checked, so the
 * rename would expose its problems (`RestartPolicy: Once` → an invalid `restartPolicy`): --fix must not apply it.
 */
function valueFits(value: Node | null | undefined, field: Field, parent: Shape, name: string, opts: WalkOptions): boolean {
  const problems: SchemaIssue[] = [];
  walk(value, field.shape, { field: name, parentType: parent.typeName, anchor: value ?? undefined }, opts, problems);
  return problems.length === 0;
}

/** The one object-valued field of `shape` (or its lists' items) that has a field `name`: "belongs under `spec`". */
function fieldHome(name: string, shape: Shape): string | undefined {
  const homes: string[] = [];
  for (const [key, field] of shape.properties ?? []) {
    const inner = field.shape.type === 'array' ? field.shape.items : field.shape;
    if (inner?.type === 'object' && inner.properties?.has(name)) homes.push(key);
  }
  if (!homes.length && shape.properties?.has('matchLabels')) return 'matchLabels'; // a label written straight into a LabelSelector
  return homes.length === 1 ? homes[0] : undefined;
}

/** A correction --fix may apply unattended: only the case differs, or one character. Others are offered in the editor. */
function obviousTypo(word: string, suggestion: string): boolean {
  return word.toLowerCase() === suggestion.toLowerCase() || editDistance(word, suggestion) <= 1;
}

function kindOfValue(node: Node): string {
  if (isMap(node)) return 'a mapping';
  if (isSeq(node)) return 'a list';
  if (isScalar(node)) {
    const v = node.value;
    if (typeof v === 'number') return `the number ${node.source ?? v}`;
    if (typeof v === 'boolean') return `the boolean ${v}`;
    return `the string "${String(v)}"`;
  }
  return 'a value';
}

function typeIssue(node: Node, shape: Shape, place: Place, opts: WalkOptions, out: SchemaIssue[], fix?: Fix): void {
  const what = place.field ? `\`${place.field}\`` : 'This value';
  out.push({ code: 'type', range: rangeOf(opts, node), message: `${what} must be ${article(describeType(shape))}, not ${kindOfValue(node)}.`, fix });
}

function article(type: string): string {
  return /^[aeiouAEIOU]/.test(type) ? `an ${type}` : `a ${type}`;
}

function walkScalar(node: Node, shape: Shape, place: Place, opts: WalkOptions, out: SchemaIssue[]): void {
  if (!isScalar(node)) return typeIssue(node, shape, place, opts, out);
  const value = node.value;
  // envsubst / Flux post-build variables (`replicas: ${REPLICAS}`) are filled in before the API server sees them.
  if (typeof value === 'string' && /\$\{[A-Za-z_][\w:=-]*\}/.test(value)) return;
  const plain = node.type === PLAIN;
  const source = opts.index.text.slice(node.range![0], node.range![1]);
  const range = rangeOf(opts, node);
  switch (shape.type) {
    case 'string':
      if (typeof value !== 'string') {
        const fix = plain ? { title: `Quote ${source}`, edits: [{ range, newText: JSON.stringify(source) }] } : undefined;
        return typeIssue(node, shape, place, opts, out, fix);
      }
      if (plain && YAML11_BOOLEAN.test(value)) {
        const what = place.field ? `\`${place.field}\`` : 'This value';
        out.push({
          code: 'type',
          range,
          message: `${what} must be a string, but kubectl reads ${value} as a boolean (YAML 1.1): quote it.`,
          fix: { title: `Quote ${source}`, edits: [{ range, newText: JSON.stringify(source) }] },
        });
        return;
      }
      if (shape.enum && !shape.enum.includes(value)) {
        const suggestion = closest(value, shape.enum.filter(Boolean));
        const quote = plain ? '' : source[0];
        out.push({
          code: 'enum',
          range,
          message: `\`${place.field ?? 'value'}\` must be one of ${shape.enum.map((e) => `"${e}"`).join(', ')}, not "${value}"${suggestion ? `: did you mean "${suggestion}"?` : '.'}`,
          fix: suggestion ? { title: `Change to "${suggestion}"`, edits: [{ range, newText: `${quote}${suggestion}${quote}` }], safe: obviousTypo(value, suggestion) } : undefined,
        });
        return;
      }
      break;
    case 'number':
    case 'integer':
      if (typeof value !== 'number') {
        const numeric = typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value) && !plain;
        const fix = numeric ? { title: `Unquote ${source}`, edits: [{ range, newText: String(value) }] } : undefined;
        return typeIssue(node, shape, place, opts, out, fix);
      }
      if (shape.type === 'integer' && !Number.isInteger(value)) return typeIssue(node, shape, place, opts, out);
      break;
    case 'boolean':
      if (typeof value !== 'boolean') {
        const bool = typeof value === 'string' && /^(true|false)$/.test(value) && !plain;
        const fix = bool ? { title: `Unquote ${source}`, edits: [{ range, newText: String(value) }] } : undefined;
        return typeIssue(node, shape, place, opts, out, fix);
      }
      break;
    case 'int-or-string':
      if (typeof value !== 'number' && typeof value !== 'string') return typeIssue(node, shape, place, opts, out);
      break;
    case 'quantity':
      if (typeof value === 'string') {
        const problem = quantityProblem(value);
        if (problem) out.push({ code: 'quantity', range, message: problem });
        return;
      }
      if (typeof value !== 'number') return typeIssue(node, shape, place, opts, out);
      break;
  }
  const problem = fieldFormatProblem(place.parentType, place.field, 'value', value, opts.kind);
  if (problem) out.push({ code: problem.code, range, message: problem.message });
}
