// Editor features for Kubernetes manifests: hover (schema description and type of any key), completion (keys,
// enum values, apiVersion/kind pairs) and document symbols (Kind/name per object). No re-parse: hover walks the
// model's YAML nodes; completion reads only the lines around the cursor, so it works while the text is incomplete.
import { isMap, isScalar, isSeq, type Node, type Pair, type YAMLMap } from '../yaml/yaml';
import type { CompletionEntry, HoverInfo, LanguageFeatureContext, Position, SymbolEntry } from '../engine/types';
import { rangeOf } from '../yaml/yaml';
import type { KubernetesModel, Manifest } from './model';
import { basename } from 'node:path';
import { gitops, KUSTOMIZATION_FILE, SchemaResolver } from './schema/resolve';
import { BUILTIN_KUBERNETES_VERSION, builtin, describeType, type Field, type Shape } from './schema/shapes';
import { completionContext, documentTypeAt, type CompletionContext } from './completion-context';

function manifestAt(model: KubernetesModel, offset: number): Manifest | undefined {
  let best: Manifest | undefined;
  for (const m of model.manifests) {
    const r = m.root.range;
    if (!r || offset < r[0] || offset > r[2]) continue;
    if (!best || r[0] >= best.root.range![0]) best = m; // innermost (List items come after their List)
  }
  if (best) return best;
  // Blank lines after a document's last node still belong to it (the cursor is often there while typing).
  let doc = model.yaml.docs[0];
  for (const d of model.yaml.docs) if (d.range[0] <= offset) doc = d;
  return model.manifests.find((m) => m.doc === doc && m.root === doc?.contents);
}

/** A kustomization.yaml without apiVersion/kind is still a Kustomization. */
function kustomizationShape(filePath: string): { shape: Shape } | undefined {
  if (!KUSTOMIZATION_FILE.test(basename(filePath))) return undefined;
  const shape = gitops.kind('kustomize.config.k8s.io/v1beta1', 'Kustomization');
  return shape ? { shape } : undefined;
}

function kustomizationRoot(model: KubernetesModel, filePath: string): Manifest | undefined {
  const root = model.yaml.docs[0]?.contents;
  if (!KUSTOMIZATION_FILE.test(basename(filePath)) || !isMap(root)) return undefined;
  return { doc: model.yaml.docs[0], root, kind: 'Kustomization', lines: [0, 0] };
}

function hoverText(key: string, field: Field, owner: Shape | undefined): string {
  const type = describeType(field.shape);
  const parts = [`**${key}** · \`${type}\``];
  const description = field.description ?? field.shape.description;
  if (description) parts.push(description);
  if (owner?.typeName) parts.push(`_${owner.typeName}.${key}${owner.required?.includes(key) ? ' (required)' : ''}_`);
  return parts.join('\n\n');
}

export function kubernetesHover(model: KubernetesModel, position: Position, ctx: LanguageFeatureContext): HoverInfo | undefined {
  const offset = model.index.offsetAt(position);
  const m = manifestAt(model, offset) ?? kustomizationRoot(model, ctx.path);
  if (!m) return undefined;
  const found = new SchemaResolver(model, ctx.project, ctx.path).shapeFor(m.apiVersion, m.kind) ?? kustomizationShape(ctx.path);
  if (!found) return undefined;
  let node: Node | null | undefined = m.root;
  let shape: Shape = found.shape;
  for (;;) {
    if (isMap(node)) {
      const pair: Pair | undefined = (node as YAMLMap).items.find((p: Pair) => {
        const end = (p.value as Node | null)?.range?.[2] ?? (p.key as Node).range?.[2] ?? -1;
        return (p.key as Node).range && (p.key as Node).range![0] <= offset && offset <= end;
      });
      if (!pair || !isScalar(pair.key)) return undefined;
      const key = String(pair.key.value);
      const field = shape.type === 'map' ? { shape: shape.items ?? { type: 'any' } } : shape.properties?.get(key);
      if (!field) return undefined;
      const keyRange: [number, number, number] = pair.key.range!;
      const value = pair.value as Node | null;
      if (offset <= keyRange[1] || !value || isScalar(value)) {
        if (shape.type === 'map') return undefined;
        let contents = hoverText(key, field, shape);
        // On the object's own `kind`, say what the kind is.
        if (node === m.root && key === 'kind' && found.shape.description) contents = `**${m.kind}** (${m.apiVersion})\n\n${found.shape.description}`;
        return { contents, range: rangeOf(model.index, pair.key) };
      }
      node = value;
      shape = field.shape;
    } else if (isSeq(node)) {
      const item = node.items.find((i) => (i as Node).range && (i as Node).range![0] <= offset && offset <= (i as Node).range![2]);
      if (!item || shape.type !== 'array') return undefined;
      node = item as Node;
      shape = shape.items ?? { type: 'any' };
    } else return undefined;
  }
}

export function kubernetesSymbols(model: KubernetesModel): SymbolEntry[] {
  const out: SymbolEntry[] = [];
  for (const m of model.manifests) {
    if (!m.root.range) continue;
    const kindNode = m.root.get('kind', true) as Node | undefined;
    const nameNode = m.metadata?.get('name', true) as Node | undefined;
    const children: SymbolEntry[] = model.containers
      .filter((c) => c.owner === m && c.node.range)
      .map((c) => ({
        name: c.name ?? '(unnamed container)',
        detail: c.type === 'containers' ? 'container' : c.type.replace(/s$/, ''),
        kind: 'field' as const,
        range: rangeOf(model.index, c.node)!,
        selectionRange: rangeOf(model.index, (c.node.get('name', true) as Node | undefined) ?? c.node)!,
      }));
    out.push({
      name: `${m.kind ?? '?'}/${m.name ?? '(unnamed)'}`,
      detail: m.apiVersion,
      kind: 'class',
      range: model.index.range(m.root.range[0], m.root.range[1]),
      selectionRange: rangeOf(model.index, nameNode ?? kindNode ?? m.root)!,
      children: children.length ? children : undefined,
    });
  }
  return out;
}

/** Follows a completion path (keys, `[]` for list items) from a root shape. */
function shapeAtPath(root: Shape, path: string[]): Shape | undefined {
  let shape: Shape | undefined = root;
  for (const step of path) {
    if (!shape) return undefined;
    if (step === '[]') shape = shape.type === 'array' ? shape.items : undefined;
    else if (shape.type === 'map') shape = shape.items;
    else shape = shape.properties?.get(step)?.shape;
  }
  return shape;
}

export function kubernetesCompletions(model: KubernetesModel, position: Position, ctx: LanguageFeatureContext): CompletionEntry[] {
  const cc = completionContext(model.index, position);
  if (!cc) return [];
  const offset = model.index.offsetAt(position);
  let m = manifestAt(model, offset);
  let path = cc.path;
  if (m && path[0] === 'items' && path[1] === '[]') {
    // Inside a List: complete against the item the cursor is in.
    const items = model.manifests.filter((o) => o.doc === m!.doc && o.root !== m!.doc.contents && o.root.range && o.root.range[0] <= offset);
    if (items.length) {
      m = items[items.length - 1];
      path = path.slice(2);
    }
  }
  if (cc.mode === 'value' && path.length === 0 && (cc.key === 'apiVersion' || cc.key === 'kind')) return typeCompletions(cc, m);
  // While typing, the document may not parse into a manifest: its root keys still tell the kind.
  const type = m?.apiVersion && m.kind ? m : documentTypeAt(model.index, position.line);
  const found = new SchemaResolver(model, ctx.project, ctx.path).shapeFor(type.apiVersion, type.kind) ?? kustomizationShape(ctx.path);
  if (!found) return path.length === 0 && cc.mode === 'key' ? rootStarters(cc, m) : [];
  const parent = shapeAtPath(found.shape, path);
  if (cc.mode === 'value') {
    const field = parent?.type === 'object' ? parent.properties?.get(cc.key!) : undefined;
    return field ? valueCompletions(cc, field.shape, field.description) : [];
  }
  const shape = parent;
  if (!shape) return [];
  if (shape.type !== 'object' || !shape.properties) return [];
  const entries: CompletionEntry[] = [];
  for (const [key, field] of shape.properties) {
    if (cc.siblings.has(key) || key === 'status') continue;
    entries.push({
      label: key,
      kind: 'property',
      detail: describeType(field.shape) + (shape.required?.includes(key) ? ' (required)' : ''),
      documentation: field.description ?? field.shape.description,
      insertText: keyInsertText(key, field.shape, cc),
      range: cc.replace,
      sortText: `${shape.required?.includes(key) ? 0 : 1}${key}`,
    });
  }
  return entries;
}

function keyInsertText(key: string, shape: Shape, cc: CompletionContext): string {
  const inner = ' '.repeat(cc.column + cc.step);
  if (shape.type === 'object' || shape.type === 'map') return `${key}:\n${inner}`;
  if (shape.type === 'array') return shape.items?.type === 'object' ? `${key}:\n${inner}- ` : `${key}:\n${inner}- `;
  return `${key}: `;
}

function valueCompletions(cc: CompletionContext, shape: Shape, doc: string | undefined): CompletionEntry[] {
  const values = shape.enum ?? (shape.type === 'boolean' ? ['true', 'false'] : []);
  return values
    .filter((v) => v !== '')
    .map((v) => ({ label: v, kind: 'enum' as const, detail: describeType(shape), documentation: enumDoc(doc, v), range: cc.replace }));
}

/** The line of a Kubernetes "Possible enum values" description that explains one value. */
function enumDoc(description: string | undefined, value: string): string | undefined {
  const line = description?.split('\n').find((l) => l.includes(`\`"${value}"\``));
  return line?.replace(/^\s*-\s*/, '');
}

/** `apiVersion:` and `kind:` values: group versions that serve the kind, kinds the version serves. */
function typeCompletions(cc: CompletionContext, m: Manifest | undefined): CompletionEntry[] {
  const kinds = builtin.kinds;
  if (cc.key === 'kind') {
    const versions = m?.apiVersion && kinds[m.apiVersion] ? [m.apiVersion] : Object.keys(kinds);
    const seen = new Set<string>();
    return versions.flatMap((gv) =>
      Object.keys(kinds[gv])
        .filter((k) => !k.endsWith('List') && !seen.has(k) && seen.add(k))
        .map((k) => ({ label: k, kind: 'value' as const, detail: gv, documentation: builtin.kind(gv, k)?.description, range: cc.replace })),
    );
  }
  const forKind = m?.kind ? Object.keys(kinds).filter((gv) => kinds[gv][m.kind!]) : Object.keys(kinds);
  return forKind.map((gv) => ({ label: gv, kind: 'value' as const, detail: m?.kind, range: cc.replace, sortText: /alpha|beta/.test(gv) ? `1${gv}` : `0${gv}` }));
}

/** At the top of an empty document: `apiVersion` + `kind` pairs for every built-in kind. */
function rootStarters(cc: CompletionContext, m: Manifest | undefined): CompletionEntry[] {
  if (cc.column !== 0 || m?.apiVersion || m?.kind) return [];
  const out: CompletionEntry[] = [];
  for (const [gv, kinds] of Object.entries(builtin.kinds)) {
    if (/alpha|beta/.test(gv)) continue;
    for (const kind of Object.keys(kinds)) {
      if (kind.endsWith('List')) continue;
      out.push({
        label: `${kind} (${gv})`,
        filterText: kind,
        kind: 'snippet',
        detail: `apiVersion: ${gv}`,
        documentation: builtin.kind(gv, kind)?.description,
        insertText: `apiVersion: ${gv}\nkind: ${kind}\nmetadata:\n${' '.repeat(cc.step)}name: `,
        range: cc.replace,
      });
    }
  }
  return out;
}

export { BUILTIN_KUBERNETES_VERSION };
