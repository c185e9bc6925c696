import type { Config } from './config';
import type { Kind, Language, Profile, Rule, RuleMeta, SeverityOrOff } from './types';
import { PROFILES } from './types';
import type { ToolConfigFormat } from './tool-config';

export const DOCS_BASE_URL = 'https://github.com/shipshape-dev/shipshape/blob/main/docs/rules/';

export function docsUrl(ruleId: string): string {
  return `${DOCS_BASE_URL}${ruleId}.md`;
}

/** Rules owned by the engine itself rather than by a file kind. */
export const ENGINE_RULES: RuleMeta[] = [
  {
    id: 'shipshape/internal-error',
    aliases: [],
    severity: 'error',
    profile: 'recommended',
    category: 'correctness',
    description: 'A rule or parser failed on this document; the other rules still ran.',
    docs: 'Shipshape isolates every rule: when one throws, its findings are replaced by this one diagnostic and the rest of the document is still checked. Please report it with the document that triggers it.',
  },
  {
    id: 'shipshape/file-skipped',
    aliases: [],
    severity: 'info',
    profile: 'recommended',
    category: 'correctness',
    description: 'The file (or one oversized Dockerfile instruction) was not linted: too large, binary, or not valid UTF-8.',
    docs: 'Files larger than `maxFileSizeKb` (setting `shipshape.maxFileSizeKb`, default 2048) and files that are not UTF-8 text are skipped so the editor stays responsive. Raise the limit if you need these files checked. A Dockerfile instruction longer than 128 KB (a generated `RUN`, a file inlined in a here-document) is left out on its own, reported on its keyword; the rest of the Dockerfile is checked.',
  },
  {
    id: 'config/invalid',
    aliases: [],
    severity: 'error',
    profile: 'recommended',
    category: 'correctness',
    description: 'The `.shipshape.yaml` configuration has an error; the valid parts are still used.',
    docs: 'Shipshape reads `.shipshape.yaml` (or `.shipshape.yml`), the nearest one walking up from each file. Keys: `profile` (recommended, strict, all), `rules` (rule id or alias → error, warning, info, hint, off), `ignore` (globs), `maxFileSizeKb`, and per-domain options under `dockerfile`, `kubernetes` and `actions`.',
  },
];

const profileRank = (p: Profile) => PROFILES.indexOf(p);

export class Registry {
  readonly languages = new Map<Kind, Language>();
  private readonly byId = new Map<string, RuleMeta>();
  private readonly byAlias = new Map<string, RuleMeta[]>();
  private readonly kindOfRule = new Map<string, Kind | undefined>();

  constructor(languages: Language[]) {
    for (const meta of ENGINE_RULES) this.add(meta, undefined);
    for (const lang of languages) {
      this.languages.set(lang.kind, lang);
      for (const rule of lang.rules) {
        // One rule object may serve several kinds (workflow and action share step checks).
        if (!this.byId.has(rule.id)) this.add(rule, lang.kind);
      }
    }
  }

  private add(meta: RuleMeta, kind: Kind | undefined) {
    if (this.byId.has(meta.id)) throw new Error(`duplicate rule id ${meta.id}`);
    this.byId.set(meta.id, meta);
    this.kindOfRule.set(meta.id, kind);
    for (const alias of meta.aliases) {
      const key = alias.toLowerCase();
      this.byAlias.set(key, [...(this.byAlias.get(key) ?? []), meta]);
    }
  }

  get rules(): RuleMeta[] {
    return [...this.byId.values()];
  }

  /** Other tools' config formats honoured by some kind (`.hadolint.yaml`, `.kube-linter.yaml`). */
  toolConfigFormats(): ToolConfigFormat[] {
    return [...new Set([...this.languages.values()].flatMap((l) => l.toolConfigs ?? []))];
  }

  kindOf(ruleId: string): Kind | undefined {
    return this.kindOfRule.get(ruleId);
  }

  rule(id: string): RuleMeta | undefined {
    return this.byId.get(id);
  }

  /** Rules named by an id or an alias (case-insensitive for aliases: `dl3007` works). */
  resolve(key: string): RuleMeta[] {
    const direct = this.byId.get(key);
    if (direct) return [direct];
    return this.byAlias.get(key.toLowerCase()) ?? [];
  }

  /** Whether a suppression token (id, alias, or `*`) names this rule. */
  matches(token: string, rule: RuleMeta): boolean {
    if (token === '*' || token === 'all') return true;
    if (token === rule.id) return true;
    const t = token.toLowerCase();
    return rule.aliases.some((a) => a.toLowerCase() === t);
  }

  /**
   * Severities already worked out per config (every file of a run asks for every rule's). Configs are values: each
   * change makes a new one (mergeConfig); a config whose rules, profile or allRules were replaced starts afresh.
   */
  private readonly severities = new WeakMap<Config, { rules: Config['rules']; profile: Profile; allRules: boolean; byRule: Map<RuleMeta, SeverityOrOff> }>();

  /** Severity a rule runs at under a config, or `off`. Explicit settings win over profiles; ids over aliases. */
  severityFor(rule: RuleMeta, config: Config): SeverityOrOff {
    let known = this.severities.get(config);
    if (!known || known.rules !== config.rules || known.profile !== config.profile || known.allRules !== config.allRules) {
      this.severities.set(config, (known = { rules: config.rules, profile: config.profile, allRules: config.allRules, byRule: new Map() }));
    }
    let severity = known.byRule.get(rule);
    if (severity === undefined) known.byRule.set(rule, (severity = this.severityOf(rule, config)));
    return severity;
  }

  private severityOf(rule: RuleMeta, config: Config): SeverityOrOff {
    const explicitById = config.rules[rule.id];
    if (explicitById) return explicitById;
    let fromAlias: SeverityOrOff | undefined;
    for (const [key, value] of Object.entries(config.rules)) {
      if (rule.aliases.some((a) => a.toLowerCase() === key.toLowerCase())) fromAlias = value;
    }
    if (fromAlias) return fromAlias;
    if (config.allRules) return rule.severity;
    return profileRank(rule.profile) <= profileRank(config.profile) ? rule.severity : 'off';
  }

  /** Keys in `rules` config that name no rule (reported on the config file, and by the CLI). */
  unknownRuleKeys(config: Config): string[] {
    return Object.keys(config.rules).filter((k) => this.resolve(k).length === 0);
  }

  rulesOf(kind: Kind): Rule[] {
    return this.languages.get(kind)?.rules ?? [];
  }
}
