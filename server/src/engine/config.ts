import * as path from 'node:path';
import { parseDocument } from 'yaml';
import { isMap, isScalar, isSeq, type Node } from '../yaml/yaml';
import { LineIndex } from './text';
import type { Kind, Profile, Range, SeverityOrOff, WorkspaceReader } from './types';
import { PROFILES } from './types';

/** The settings every lint run works from: defaults ← `.shipshape.yaml` ← editor settings ← CLI flags. */
export interface Config {
  profile: Profile;
  /** Rule id or alias → severity or `off`. */
  rules: Record<string, SeverityOrOff>;
  /** Enable every rule whatever its profile (CLI `--rules all`). */
  allRules: boolean;
  /** Globs (relative to the config file's folder) of files not to lint. */
  ignore: string[];
  maxFileSizeKb: number;
  /** Per-domain options: `dockerfile`, `kubernetes`, `actions`. */
  domains: Record<string, Record<string, unknown>>;
  /** Folder the `ignore` globs are relative to. */
  baseDir?: string;
}

export const DEFAULT_CONFIG: Config = {
  profile: 'recommended',
  rules: {},
  allRules: false,
  ignore: [],
  maxFileSizeKb: 2048,
  domains: {},
};

/** A partial config as read from a file or settings; merged over a base with `mergeConfig`. */
export type ConfigLayer = Partial<Omit<Config, 'domains'>> & { domains?: Record<string, Record<string, unknown>> };

export const CONFIG_FILE_NAMES = ['.shipshape.yaml', '.shipshape.yml'];
const DOMAIN_KEYS = ['dockerfile', 'kubernetes', 'actions'];
const SEVERITY_VALUES = new Set(['error', 'warning', 'info', 'hint', 'off']);

export function domainOf(kind: Kind): string {
  return kind === 'workflow' || kind === 'action' ? 'actions' : kind;
}

export function mergeConfig(base: Config, ...layers: Array<ConfigLayer | undefined>): Config {
  let out: Config = { ...base, rules: { ...base.rules }, domains: { ...base.domains } };
  for (const layer of layers) {
    if (!layer) continue;
    const { rules, domains, ignore, ...rest } = layer;
    const defined = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined));
    out = { ...out, ...defined, rules: { ...out.rules, ...rules }, domains: { ...out.domains } };
    if (ignore) out.ignore = [...out.ignore, ...ignore];
    for (const [k, v] of Object.entries(domains ?? {})) out.domains[k] = { ...out.domains[k], ...v };
  }
  return out;
}

export interface ConfigProblem {
  range: Range;
  message: string;
}

/** Parses `.shipshape.yaml`. Problems carry ranges in the config file; what is valid is still used. */
export function parseConfigText(text: string): { layer: ConfigLayer; problems: ConfigProblem[] } {
  const index = new LineIndex(text);
  const problems: ConfigProblem[] = [];
  const at = (node: Node | null | undefined, message: string) => {
    const r = node?.range ?? [0, Math.min(text.length, 1)];
    problems.push({ range: index.range(r[0], r[1]), message });
  };
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  for (const e of doc.errors) problems.push({ range: index.range(e.pos[0], e.pos[1]), message: e.message.split('\n')[0] });
  const layer: ConfigLayer = {};
  const root = doc.contents;
  if (root == null || (isScalar(root) && root.value == null)) return { layer, problems };
  if (!isMap(root)) {
    at(root, 'The configuration must be a mapping (profile, rules, ignore, dockerfile, kubernetes, actions).');
    return { layer, problems };
  }
  for (const pair of root.items) {
    const keyNode = pair.key as Node;
    const key = isScalar(keyNode) ? String(keyNode.value) : '';
    const value = pair.value as Node | null;
    switch (key) {
      case 'profile': {
        const v = isScalar(value) ? String(value.value) : '';
        if ((PROFILES as readonly string[]).includes(v)) layer.profile = v as Profile;
        else at(value ?? keyNode, v ? `Unknown profile "${v}": use recommended, strict or all.` : '`profile` must be recommended, strict or all.');
        break;
      }
      case 'rules': {
        if (!isMap(value)) {
          at(value ?? keyNode, '`rules` must map rule ids or aliases to error, warning, info, hint or off.');
          break;
        }
        layer.rules = {};
        for (const rp of value.items) {
          const rk = isScalar(rp.key) ? String(rp.key.value) : '';
          const rvNode = rp.value as Node | null;
          const rv = isScalar(rvNode) ? (rvNode.value === false ? 'off' : String(rvNode.value)) : '';
          if (!SEVERITY_VALUES.has(rv)) at(rvNode ?? (rp.key as Node), `Rule "${rk}": "${rv}" is not one of error, warning, info, hint, off.`);
          else layer.rules[rk] = rv as SeverityOrOff;
        }
        break;
      }
      case 'ignore': {
        if (!isSeq(value) || !value.items.every(isScalar)) {
          at(value ?? keyNode, '`ignore` must be a list of glob patterns.');
          break;
        }
        layer.ignore = value.items.map((i) => String((i as { value: unknown }).value));
        break;
      }
      case 'maxFileSizeKb': {
        const v = isScalar(value) ? Number(value.value) : NaN;
        if (Number.isFinite(v) && v > 0) layer.maxFileSizeKb = v;
        else at(value ?? keyNode, '`maxFileSizeKb` must be a positive number.');
        break;
      }
      default:
        if (DOMAIN_KEYS.includes(key)) {
          if (!isMap(value)) at(value ?? keyNode, `\`${key}\` must be a mapping of options.`);
          else (layer.domains ??= {})[key] = value.toJSON() as Record<string, unknown>;
        } else {
          at(keyNode, `Unknown key "${key}" (expected profile, rules, ignore, maxFileSizeKb, ${DOMAIN_KEYS.join(', ')}).`);
        }
    }
  }
  return { layer, problems };
}

/** Nearest `.shipshape.yaml` walking up from a file's folder, staying inside the workspace root when one is known. */
export function findConfigFile(filePath: string, ws: WorkspaceReader): string | undefined {
  let dir = path.dirname(path.resolve(filePath));
  const root = ws.root ? path.resolve(ws.root) : undefined;
  for (;;) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = path.join(dir, name);
      if (ws.exists(candidate)) return candidate;
    }
    const parent = path.dirname(dir);
    if (parent === dir || (root && dir === root)) return undefined;
    dir = parent;
  }
}
