// Pod Security Standards rules: one per admission-controller control (`pss/<checkID>`), evaluated per pod
// template over containers, initContainers and ephemeralContainers, like the admission controller does.
import type { Category, Fix, Range, Report, Rule, RuleContext } from '../engine/types';
import { restrictedFix } from './fixes';
import type { Container, KubernetesModel, PodTemplate } from './model';
import { forEachPod, podSecurityLevel, type PodSecurityLevel } from './pod';

export type PssFinding = Omit<Report, 'range'> & { range: Range };

export interface PssRuleSpec {
  id: string;
  /** The admission controller's check ID. */
  control: string;
  level: PodSecurityLevel;
  description: string;
  docs: string;
  /** Extra anchor codes when another tool checks exactly the same thing. */
  aliases?: string[];
  category?: Category;
  evaluate(ctx: RuleContext<KubernetesModel>, pod: PodTemplate, containers: Container[]): PssFinding[];
}

/** Builds a rule for one control; restricted controls run only with `kubernetes.podSecurity: restricted`. */
export function pssRule(spec: PssRuleSpec): Rule<KubernetesModel> {
  return {
    id: spec.id,
    aliases: [`pss/${spec.control}`, ...(spec.aliases ?? [])],
    severity: 'warning',
    profile: 'recommended',
    category: spec.category ?? 'security',
    description: spec.description,
    docs: `${spec.docs}\n\nPod Security Standards control \`${spec.control}\` (${spec.level} level)${
      spec.level === 'restricted' ? '; checked when `kubernetes.podSecurity` is `restricted`' : ''
    }. Evaluated like the admission controller: containers, initContainers and ephemeralContainers, with pod-level settings inherited by containers.`,
    fixable: spec.level === 'restricted',
    check(ctx) {
      if (spec.level === 'restricted' && podSecurityLevel(ctx.options) !== 'restricted') return;
      forEachPod(ctx, (pod, containers) => {
        const found = spec.evaluate(ctx, pod, containers);
        if (!found.length) return;
        const whole = spec.level === 'restricted' ? restrictedFix(ctx.model, pod) : undefined;
        for (const f of found) {
          const fixes = ([] as Fix[]).concat(f.fix ?? []);
          if (whole) fixes.push(whole);
          ctx.report({ ...f, fix: fixes.length ? fixes : undefined });
        }
      });
    },
  };
}
