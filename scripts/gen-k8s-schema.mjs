// Generates server/src/kubernetes/schema/k8s-schema.json from the `kubernetes-models` package's declarations
// (Kubernetes' own OpenAPI, turned into TypeScript with doc comments, string-literal enums and required fields).
// Offline and reproducible: `node scripts/gen-k8s-schema.mjs` (add `--check` to verify the committed file is current).
//
// Output format (compact on purpose, it ships in the .vsix):
//   { k8s, source, strings: [description...], types: { Name: { d, p: { field: [type, descIndex] }, r: [required] } },
//     kinds: { "group/version": { Kind: TypeName } } }
// A field type is a string: s string, z integer, n number, b boolean, i int-or-string, q quantity, a anything,
//   [T] list of T, {T} map of T, @Name a type, e:A|B|C a string enum.
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const modelsDir = path.join(root, 'node_modules', 'kubernetes-models');
const machineryDir = path.join(root, 'node_modules', '@kubernetes-models', 'apimachinery');
const outFile = path.join(root, 'server', 'src', 'kubernetes', 'schema', 'k8s-schema.json');
const modelsVersion = JSON.parse(readFileSync(path.join(modelsDir, 'package.json'), 'utf8')).version;

// Types that are scalars in YAML whatever their declaration says.
const SCALARS = {
  IIoK8sApimachineryPkgUtilIntstrIntOrString: 'i',
  IIoK8sApimachineryPkgApiResourceQuantity: 'q',
  IIoK8sApimachineryPkgApisMetaV1Time: 's',
  IIoK8sApimachineryPkgApisMetaV1MicroTime: 's',
  IIoK8sApimachineryPkgRuntimeRawExtension: 'a',
  IIoK8sApimachineryPkgApisMetaV1FieldsV1: 'a',
  IIoK8sApiextensionsApiserverPkgApisApiextensionsV1JSON: 'a',
  IIoK8sApiextensionsApiserverPkgApisApiextensionsV1JSONSchemaPropsOrArray: 'a',
  IIoK8sApiextensionsApiserverPkgApisApiextensionsV1JSONSchemaPropsOrBool: 'a',
  IIoK8sApiextensionsApiserverPkgApisApiextensionsV1JSONSchemaPropsOrStringArray: 'a',
};

function* declarationFiles(dir) {
  for (const name of readdirSync(dir).sort()) {
    const full = path.join(dir, name);
    if (name === '_schemas' || name === 'node_modules') continue;
    if (statSync(full).isDirectory()) yield* declarationFiles(full);
    else if (name.endsWith('.d.ts') && name !== 'index.d.ts') yield full;
  }
}

/** `IIoK8sApiAppsV1DeploymentSpec` → `apps.v1.DeploymentSpec`-like short, stable names. */
function shortName(canonical) {
  return canonical
    .replace(/^IIoK8sApimachineryPkgApis/, '')
    .replace(/^IIoK8sApimachineryPkg/, '')
    .replace(/^IIoK8sApiextensionsApiserverPkgApis/, '')
    .replace(/^IIoK8sKubeAggregatorPkgApis/, '')
    .replace(/^IIoK8sApi/, '');
}

function docOf(node) {
  const docs = node.jsDoc ?? [];
  const text = docs.map((d) => (typeof d.comment === 'string' ? d.comment : (d.comment ?? []).map((c) => c.text).join(''))).join('\n');
  return text.trim();
}

const strings = [];
const stringIndex = new Map();
function intern(s) {
  if (!s) return -1;
  let i = stringIndex.get(s);
  if (i === undefined) {
    i = strings.length;
    strings.push(s);
    stringIndex.set(s, i);
  }
  return i;
}

// Pass 1: every interface and type alias, by canonical name.
const interfaces = new Map(); // canonical → { node, file, local }
const aliases = new Map(); // canonical → type node
for (const dir of [machineryDir, modelsDir]) {
  for (const file of declarationFiles(dir)) {
    const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const locals = new Map();
    const canonicalOf = new Map();
    for (const st of sf.statements) {
      if (ts.isInterfaceDeclaration(st)) locals.set(st.name.text, { kind: 'interface', node: st });
      if (ts.isTypeAliasDeclaration(st)) locals.set(st.name.text, { kind: 'alias', node: st.type });
      if (ts.isExportDeclaration(st) && st.exportClause && ts.isNamedExports(st.exportClause)) {
        for (const el of st.exportClause.elements) {
          if (el.propertyName && el.name.text.startsWith('II')) canonicalOf.set(el.propertyName.text, el.name.text);
        }
      }
    }
    for (const [local, canonical] of canonicalOf) {
      const decl = locals.get(local);
      if (!decl) continue;
      if (decl.kind === 'interface') interfaces.set(canonical, { node: decl.node, sf, canonicalOf });
      else aliases.set(canonical, { node: decl.node, canonicalOf });
    }
  }
}

const types = {};
const kinds = {};

/**
 * Integer fields. The declarations say `number`; the package's compiled validators (ajv standalone code in
 * `_schemas/<Type>.js`) still carry the OpenAPI `type: integer`, inline or in a helper validator.
 */
function integerFields(canonical) {
  const name = canonical.slice(1);
  for (const dir of [path.join(modelsDir, '_schemas'), path.join(machineryDir, '_schemas')]) {
    let src;
    try {
      src = readFileSync(path.join(dir, `${name}.js`), 'utf8');
    } catch {
      continue;
    }
    const found = new Set();
    for (const m of src.matchAll(/schemaPath:"#\/properties\/([^/"]+)\/type",keyword:"type",params:\{type:"integer"\}/g)) found.add(m[1]);
    const checkers = new Set();
    for (const m of src.matchAll(/function (validate\d+)\(data,[^)]*\)\{let vErrors=null,errors=0;if\(!\("number"==typeof data&&!\(data%1\)/g)) checkers.add(m[1]);
    for (const m of src.matchAll(/(validate\d+)\(data(?:\.(\w+)|\["([^"]+)"\]),\{instancePath/g)) if (checkers.has(m[1])) found.add(m[2] ?? m[3]);
    return found;
  }
  return new Set();
}

function typeSpec(node, canonicalOf, hint) {
  if (!node) return 'a';
  switch (node.kind) {
    case ts.SyntaxKind.StringKeyword:
      return 's';
    case ts.SyntaxKind.NumberKeyword:
      return 'n';
    case ts.SyntaxKind.BooleanKeyword:
      return 'b';
    case ts.SyntaxKind.AnyKeyword:
    case ts.SyntaxKind.UnknownKeyword:
    case ts.SyntaxKind.ObjectKeyword:
      return 'a';
  }
  if (ts.isParenthesizedTypeNode(node)) return typeSpec(node.type, canonicalOf, hint);
  if (ts.isArrayTypeNode(node)) return `[${typeSpec(node.elementType, canonicalOf, hint)}]`;
  if (ts.isLiteralTypeNode(node) && ts.isStringLiteral(node.literal)) return `e:${node.literal.text}`;
  if (ts.isUnionTypeNode(node)) {
    const parts = node.types.map((t) => typeSpec(t, canonicalOf, hint));
    if (parts.every((p) => p.startsWith('e:'))) return `e:${parts.map((p) => p.slice(2)).join('|')}`;
    const set = new Set(parts);
    if (set.has('s') && set.has('n') && set.size === 2) return 'i';
    return 'a';
  }
  if (ts.isTypeLiteralNode(node)) {
    const index = node.members.find(ts.isIndexSignatureDeclaration);
    if (index && node.members.length === 1) return `{${typeSpec(index.type, canonicalOf, hint)}}`;
    // An inline object type (StatefulSet volumeClaimTemplates): a type of its own, named after its field.
    if (!index && hint) {
      if (!(hint in types)) {
        types[hint] = null;
        types[hint] = membersToType(node, canonicalOf, hint, '');
      }
      return `@${hint}`;
    }
    return 'a';
  }
  if (ts.isTypeReferenceNode(node)) {
    const name = node.typeName.getText();
    if (name === 'Array' && node.typeArguments?.length === 1) return `[${typeSpec(node.typeArguments[0], canonicalOf, hint)}]`;
    if (name === 'Record' && node.typeArguments?.length === 2) return `{${typeSpec(node.typeArguments[1], canonicalOf, hint)}}`;
    const canonical = canonicalOf.get(name) ?? name;
    return refSpec(canonical);
  }
  return 'a';
}

function refSpec(canonical) {
  if (SCALARS[canonical]) return SCALARS[canonical];
  const alias = aliases.get(canonical);
  if (alias) return typeSpec(alias.node, alias.canonicalOf);
  if (!interfaces.has(canonical)) return 'a';
  const name = shortName(canonical);
  if (!(name in types)) {
    types[name] = null; // reserve before recursing (types refer to themselves)
    types[name] = buildType(canonical);
  }
  return `@${name}`;
}

function buildType(canonical) {
  const { node, canonicalOf } = interfaces.get(canonical);
  const type = membersToType(node, canonicalOf, shortName(canonical), docOf(node));
  const integers = integerFields(canonical);
  for (const [key, prop] of Object.entries(type.p)) {
    if (integers.has(key) && (prop[0] === 'n' || prop[0] === '[n]')) prop[0] = prop[0].replace('n', 'z');
  }
  return type;
}

function membersToType(node, canonicalOf, name, description) {
  const props = {};
  const required = [];
  const topLevel = !!literalMember(node, 'apiVersion') && !!literalMember(node, 'kind');
  for (const m of node.members) {
    if (!ts.isPropertySignature(m)) continue;
    const key = ts.isStringLiteral(m.name) || ts.isIdentifier(m.name) ? m.name.text : m.name.getText();
    // An object's status is written by controllers, not by users: kept as "anything" to keep the bundle small.
    const spec = topLevel && key === 'status' ? 'a' : typeSpec(m.type, canonicalOf, `${name}${key[0].toUpperCase()}${key.slice(1)}`);
    props[key] = [spec, intern(docOf(m))];
    // kubernetes-models makes apiVersion and kind mandatory literals; the API does not (embedded objects omit them).
    if (!m.questionToken && !(topLevel && (key === 'apiVersion' || key === 'kind'))) required.push(key);
  }
  const entry = { d: intern(description), p: props };
  if (required.length) entry.r = required;
  return entry;
}

function literalMember(node, key) {
  const m = node.members.find((x) => ts.isPropertySignature(x) && x.name.text === key);
  return m && m.type && ts.isLiteralTypeNode(m.type) && ts.isStringLiteral(m.type.literal) ? m.type.literal.text : undefined;
}

// Every interface whose apiVersion and kind are literals is a top-level kind.
for (const [canonical, { node }] of [...interfaces].sort(([a], [b]) => a.localeCompare(b))) {
  const apiVersion = literalMember(node, 'apiVersion');
  const kind = literalMember(node, 'kind');
  if (!apiVersion || !kind) continue;
  const spec = refSpec(canonical);
  (kinds[apiVersion] ??= {})[kind] = spec.slice(1);
}

const sortedKinds = Object.fromEntries(Object.keys(kinds).sort().map((gv) => [gv, Object.fromEntries(Object.entries(kinds[gv]).sort())]));
const sortedTypes = Object.fromEntries(Object.keys(types).sort().map((k) => [k, types[k]]));
// restartPolicyRules (container restart rules) arrived in Kubernetes 1.34.
const k8s = /restartPolicyRules/.test(JSON.stringify(sortedTypes)) ? '1.34' : 'unknown';
const out = JSON.stringify({ k8s, source: `kubernetes-models@${modelsVersion}`, kinds: sortedKinds, types: sortedTypes, strings });

if (process.argv.includes('--check')) {
  const current = readFileSync(outFile, 'utf8');
  if (current !== out) {
    console.error(`${path.relative(root, outFile)} is out of date: run node scripts/gen-k8s-schema.mjs`);
    process.exit(1);
  }
  console.log(`${path.relative(root, outFile)} is up to date.`);
} else {
  writeFileSync(outFile, out);
  console.log(`wrote ${path.relative(root, outFile)}: ${Object.keys(sortedTypes).length} types, ${Object.values(sortedKinds).reduce((n, k) => n + Object.keys(k).length, 0)} kinds, ${(out.length / 1024).toFixed(0)} KB`);
}
