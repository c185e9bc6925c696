// Other linters' config files that Shipshape honours (`.hadolint.yaml`, `.kube-linter.yaml`), so a team's existing
// setup carries over: they sit under `.shipshape.yaml` (ours wins where both speak) and above the defaults.
import * as path from 'node:path';
import { parseDocument } from 'yaml';
import { isMap, isScalar, isSeq, type YAMLMap } from '../yaml/yaml';
import type { ConfigLayer } from './config';
import type { RuleMeta, WorkspaceReader } from './types';

export interface ToolConfigFormat {
  /** The tool, for messages: `hadolint`. */
  tool: string;
  /** File names looked up in each folder, first match wins: `.hadolint.yaml`. */
  fileNames: string[];
  /** The file as a config layer. `rules` is every rule we know, to map the tool's names and drop unknown ones. */
  parse(text: string, rules: readonly RuleMeta[]): { layer: ConfigLayer; problems: string[] };
}

export interface FoundToolConfig {
  format: ToolConfigFormat;
  file: string;
}

/** The nearest config file of each format, walking up from a file's folder, never above the workspace root when known. */
export function findToolConfigs(filePath: string, ws: WorkspaceReader, formats: readonly ToolConfigFormat[]): FoundToolConfig[] {
  const found: FoundToolConfig[] = [];
  const root = ws.root ? path.resolve(ws.root) : undefined;
  for (const format of formats) {
    let dir = path.dirname(path.resolve(filePath));
    search: for (;;) {
      for (const name of format.fileNames) {
        const candidate = path.join(dir, name);
        if (ws.exists(candidate)) {
          found.push({ format, file: candidate });
          break search;
        }
      }
      const parent = path.dirname(dir);
      if (parent === dir || (root && dir === root)) break;
      dir = parent;
    }
  }
  return found;
}

/** Reads and merges the found files into one layer; problems are prefixed with the file they come from. */
export function readToolConfigs(
  found: readonly FoundToolConfig[],
  ws: WorkspaceReader,
  rules: readonly RuleMeta[],
): { layer: ConfigLayer; problems: string[] } {
  const layer: ConfigLayer = { rules: {}, domains: {} };
  const problems: string[] = [];
  for (const { format, file } of found) {
    const text = ws.readText(file);
    if (text === undefined) continue;
    const parsed = format.parse(text, rules);
    Object.assign(layer.rules!, parsed.layer.rules);
    for (const [domain, options] of Object.entries(parsed.layer.domains ?? {})) {
      layer.domains![domain] = { ...layer.domains![domain], ...options };
    }
    for (const p of parsed.problems) problems.push(`${file}: ${p}`);
  }
  return { layer, problems };
}

/** Rules answering to an alias, case-insensitively (tools' codes: `DL3008`, `kube-linter/latest-tag`). */
export function rulesByAlias(rules: readonly RuleMeta[], alias: string): RuleMeta[] {
  const wanted = alias.toLowerCase();
  return rules.filter((r) => r.aliases.some((a) => a.toLowerCase() === wanted));
}

/** The top-level mapping of a tool's config file, or why the file is ignored (`undefined` root: an empty file). */
export function toolConfigRoot(text: string): { root?: YAMLMap; problem?: string } {
  const doc = parseDocument(text, { prettyErrors: false });
  if (doc.errors.length) return { problem: `not valid YAML (${doc.errors[0].message.split('\n')[0]}): ignored` };
  const root = doc.contents;
  if (root == null || (isScalar(root) && root.value == null)) return {};
  if (!isMap(root)) return { problem: 'must be a mapping: ignored' };
  return { root };
}

/** A YAML list of scalars as strings, or undefined when the node is anything else. */
export function scalarList(node: unknown): string[] | undefined {
  if (!isSeq(node) || !node.items.every(isScalar)) return undefined;
  return node.items.map((i) => String((i as { value: unknown }).value));
}
