// `.kube-linter.yaml`: a team's kube-linter check selection carries over — `checks.include`, `checks.exclude`,
// `checks.addAllBuiltIn` and `checks.doNotAutoAddDefaults`, applied to our rules that carry `kube-linter/<check>`.
import { isMap, isScalar, isSeq, type Node } from '../yaml/yaml';
import type { ConfigLayer } from '../engine/config';
import { scalarList, toolConfigRoot, type ToolConfigFormat } from '../engine/tool-config';
import type { RuleMeta, SeverityOrOff } from '../engine/types';

const PREFIX = 'kube-linter/';

export const kubeLinterConfig: ToolConfigFormat = {
  tool: 'kube-linter',
  fileNames: ['.kube-linter.yaml', '.kube-linter.yml'],
  parse: parseKubeLinterConfig,
};

export function parseKubeLinterConfig(text: string, rules: readonly RuleMeta[]): { layer: ConfigLayer; problems: string[] } {
  const problems: string[] = [];
  const { root, problem } = toolConfigRoot(text);
  if (problem) return { layer: {}, problems: [problem] };
  if (!root) return { layer: {}, problems };

  // kube-linter's check name → our rule answering to it, and whether kube-linter runs it by default.
  const checks = new Map<string, { alias: string; rule: RuleMeta }>();
  for (const rule of rules) {
    for (const alias of rule.aliases) if (alias.startsWith(PREFIX)) checks.set(alias.slice(PREFIX.length), { alias, rule });
  }
  let include: string[] = [];
  let exclude: string[] = [];
  let addAll = false;
  let noDefaults = false;
  const names = (node: unknown, key: string): string[] => {
    const list = scalarList(node);
    if (!list) problems.push(`\`checks.${key}\` must be a list of check names`);
    return list ?? [];
  };
  for (const pair of root.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    const value = pair.value as Node | null;
    if (key === 'customChecks') {
      if (isSeq(value) && value.items.length) problems.push('`customChecks` are not supported: they are not run');
      continue;
    }
    if (key !== 'checks') {
      problems.push(`unknown key "${key}"`);
      continue;
    }
    if (!isMap(value)) {
      problems.push('`checks` must be a mapping');
      continue;
    }
    for (const c of value.items) {
      const ck = isScalar(c.key) ? String(c.key.value) : '';
      const cv = c.value as Node | null;
      if (ck === 'include') include = names(cv, ck);
      else if (ck === 'exclude') exclude = names(cv, ck);
      else if (ck === 'addAllBuiltIn') addAll = isScalar(cv) && cv.value === true;
      else if (ck === 'doNotAutoAddDefaults') noDefaults = isScalar(cv) && cv.value === true;
      else if (ck === 'ignorePaths') problems.push('`checks.ignorePaths` is not supported: list the paths under `ignore` in .shipshape.yaml');
      else problems.push(`unknown key "checks.${ck}"`);
    }
  }

  const levels: Record<string, SeverityOrOff> = {};
  const known = (name: string) => {
    if (checks.has(name)) return true;
    problems.push(`unknown check "${name}"`);
    return false;
  };
  for (const [name, { alias, rule }] of checks) {
    if (addAll) levels[alias] = rule.severity;
    else if (noDefaults && rule.profile === 'recommended') levels[alias] = 'off';
  }
  for (const name of include.filter(known)) levels[checks.get(name)!.alias] = checks.get(name)!.rule.severity;
  // As in kube-linter, an excluded check stays off even when included or added by addAllBuiltIn.
  for (const name of exclude.filter(known)) levels[checks.get(name)!.alias] = 'off';
  return { layer: { rules: levels }, problems };
}
