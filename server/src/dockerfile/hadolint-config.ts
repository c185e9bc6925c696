// `.hadolint.yaml`: a team's hadolint setup carries over. Honoured keys: `ignored`, `override` (error, warning, info,
// style), `trustedRegistries`, `label-schema`, `strict-labels`. Output options (`format`,
// `no-color`, `failure-threshold`, `no-fail`) belong to hadolint's CLI and are accepted silently.
import { isMap, isScalar, type Node } from 'yaml';
import type { ConfigLayer } from '../engine/config';
import { rulesByAlias, scalarList, toolConfigRoot, type ToolConfigFormat } from '../engine/tool-config';
import type { RuleMeta, Severity } from '../engine/types';

/** hadolint's levels; it has no hint, and its `style` is what we report as info. */
const LEVELS: Record<string, Severity> = { error: 'error', warning: 'warning', info: 'info', style: 'info' };
const CLI_ONLY = new Set(['format', 'no-color', 'failure-threshold', 'no-fail', 'verbose']);

export const hadolintConfig: ToolConfigFormat = {
  tool: 'hadolint',
  fileNames: ['.hadolint.yaml', '.hadolint.yml'],
  parse: parseHadolintConfig,
};

export function parseHadolintConfig(text: string, rules: readonly RuleMeta[]): { layer: ConfigLayer; problems: string[] } {
  const problems: string[] = [];
  const options: Record<string, unknown> = {};
  const ruleLevels: ConfigLayer['rules'] = {};
  const layer: ConfigLayer = { rules: ruleLevels, domains: { dockerfile: options } };
  const { root, problem } = toolConfigRoot(text);
  if (problem) return { layer: {}, problems: [problem] };
  if (!root) return { layer, problems };

  const shellcheckExcluded: string[] = [];
  // A hadolint code names a DL rule, or a ShellCheck code we pass on to ShellCheck's own exclusion list.
  const setLevel = (code: string, level: Severity | 'off') => {
    if (/^SC\d{4}$/i.test(code)) {
      if (level === 'off') shellcheckExcluded.push(code.toUpperCase());
      return;
    }
    const named = rulesByAlias(rules, code);
    if (!named.length) {
      problems.push(`unknown rule "${code}"`);
      return;
    }
    // Keyed by the code, not our id, so `.shipshape.yaml` naming the same code still wins over this file.
    ruleLevels[named[0].aliases.find((a) => a.toLowerCase() === code.toLowerCase())!] = level;
  };
  const codes = (node: unknown, key: string): string[] => {
    const list = scalarList(node);
    if (!list) problems.push(`\`${key}\` must be a list of rule codes`);
    return list ?? [];
  };

  for (const pair of root.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    const value = pair.value as Node | null;
    switch (key) {
      case 'ignored':
        for (const code of codes(value, key)) setLevel(code, 'off');
        break;
      case 'override':
        if (!isMap(value)) {
          problems.push('`override` must map error, warning, info or style to lists of rule codes');
          break;
        }
        for (const levelPair of value.items) {
          const level = isScalar(levelPair.key) ? String(levelPair.key.value) : '';
          if (!LEVELS[level]) {
            problems.push(`\`override.${level}\` is not a level (error, warning, info, style)`);
            continue;
          }
          for (const code of codes(levelPair.value, `override.${level}`)) setLevel(code, LEVELS[level]);
        }
        break;
      case 'trustedRegistries':
        options.trustedRegistries = codes(value, key);
        break;
      case 'label-schema':
        if (isMap(value)) options.labelSchema = value.toJSON();
        else problems.push('`label-schema` must map label names to types');
        break;
      case 'strict-labels':
        options.strictLabels = isScalar(value) && value.value === true;
        break;
      case 'disable-ignore-pragma':
        if (isScalar(value) && value.value === true) problems.push('`disable-ignore-pragma` is not supported: `# hadolint ignore=` comments stay in force');
        break;
      default:
        if (!CLI_ONLY.has(key)) problems.push(`unknown key "${key}"`);
    }
  }
  if (shellcheckExcluded.length) options.shellcheckExclude = shellcheckExcluded;
  return { layer, problems };
}
