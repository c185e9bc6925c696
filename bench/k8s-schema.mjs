// Builds a JSON Schema of every Kubernetes kind from the `kubernetes-models` declarations (Kubernetes' OpenAPI as
// TypeScript), for yaml-language-server in the benchmark: offline, no schema download. Written to bench/.cache/.
import * as fs from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const DIRS = [path.join(root, 'node_modules/kubernetes-models'), path.join(root, 'node_modules/@kubernetes-models/apimachinery')];

function* declarations(dir) {
  for (const name of fs.readdirSync(dir).sort()) {
    const full = path.join(dir, name);
    if (name === '_schemas' || name === 'node_modules') continue;
    if (fs.statSync(full).isDirectory()) yield* declarations(full);
    else if (name.endsWith('.d.ts') && name !== 'index.d.ts') yield full;
  }
}

function typeSchema(node, local) {
  if (!node) return {};
  switch (node.kind) {
    case ts.SyntaxKind.StringKeyword:
      return { type: 'string' };
    case ts.SyntaxKind.NumberKeyword:
      return { type: 'number' };
    case ts.SyntaxKind.BooleanKeyword:
      return { type: 'boolean' };
    case ts.SyntaxKind.LiteralType:
      return ts.isStringLiteral(node.literal) ? { const: node.literal.text } : {};
    case ts.SyntaxKind.ParenthesizedType:
      return typeSchema(node.type, local);
    case ts.SyntaxKind.UnionType: {
      const parts = node.types.map((t) => typeSchema(t, local));
      if (parts.every((p) => 'const' in p)) return { enum: parts.map((p) => p.const) };
      if (parts.every((p) => typeof p.type === 'string' && Object.keys(p).length === 1)) return { type: parts.map((p) => p.type) };
      return { anyOf: parts };
    }
    case ts.SyntaxKind.ArrayType:
      return { type: 'array', items: typeSchema(node.elementType, local) };
    case ts.SyntaxKind.TypeLiteral: {
      const index = node.members.find((m) => ts.isIndexSignatureDeclaration(m));
      return index ? { type: 'object', additionalProperties: typeSchema(index.type, local) } : objectSchema(node.members, local);
    }
    case ts.SyntaxKind.TypeReference: {
      const name = node.typeName.getText();
      if (name === 'Array' && node.typeArguments?.length) return { type: 'array', items: typeSchema(node.typeArguments[0], local) };
      if (name === 'Record' && node.typeArguments?.length === 2) return { type: 'object', additionalProperties: typeSchema(node.typeArguments[1], local) };
      const canonical = local.get(name) ?? name;
      return /^I[A-Z]/.test(canonical) ? { $ref: `#/definitions/${canonical}` } : {};
    }
    default:
      return {};
  }
}

function objectSchema(members, local) {
  const properties = {};
  const required = [];
  for (const m of members) {
    if (!ts.isPropertySignature(m) || !m.name) continue;
    const key = ts.isStringLiteral(m.name) || ts.isIdentifier(m.name) ? m.name.text : m.name.getText();
    properties[key] = typeSchema(m.type, local);
    const doc = m.jsDoc?.[0]?.comment;
    if (typeof doc === 'string') properties[key].description = doc.split('\n')[0];
    if (!m.questionToken) required.push(key);
  }
  return { type: 'object', properties, ...(required.length ? { required } : {}) };
}

export function buildKubernetesSchema() {
  const definitions = {};
  const kinds = [];
  for (const dir of DIRS) {
    for (const file of declarations(dir)) {
      const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
      const local = new Map();
      for (const st of source.statements) {
        if (ts.isExportDeclaration(st) && st.exportClause && ts.isNamedExports(st.exportClause)) {
          for (const el of st.exportClause.elements) if (el.propertyName) local.set(el.propertyName.text, el.name.text);
        }
      }
      for (const st of source.statements) {
        const canonical = (st.name && local.get(st.name.text)) ?? undefined;
        if (!canonical || !/^I[A-Z]/.test(canonical)) continue;
        if (ts.isInterfaceDeclaration(st)) {
          const schema = objectSchema(st.members, local);
          definitions[canonical] = schema;
          if (schema.properties?.apiVersion?.const && schema.properties?.kind?.const) kinds.push(canonical);
        } else if (ts.isTypeAliasDeclaration(st)) definitions[canonical] = typeSchema(st.type, local);
      }
    }
  }
  return { $schema: 'http://json-schema.org/draft-07/schema#', anyOf: kinds.sort().map((k) => ({ $ref: `#/definitions/${k}` })), definitions };
}

/** Writes the schema (once) and returns its path. */
export function kubernetesSchemaFile() {
  const file = path.join(root, 'bench/.cache/kubernetes-all.json');
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, JSON.stringify(buildKubernetesSchema()));
  }
  return file;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const file = kubernetesSchemaFile();
  const s = JSON.parse(fs.readFileSync(file, 'utf8'));
  console.log(`${file}: ${s.anyOf.length} kinds, ${Object.keys(s.definitions).length} definitions, ${fs.statSync(file).size} bytes`);
  console.log(JSON.stringify(s.definitions.IIoK8sApiCoreV1Container.properties.imagePullPolicy), JSON.stringify(s.definitions.IIoK8sApiAppsV1Deployment.properties.kind));
}
