// Pod Security Standards rules: one per admission-controller control (`pss/<checkID>`), evaluated per pod
// template over containers, initContainers and ephemeralContainers, like the admission controller does.
import type { Category, Fix, Range, Report, Rule, RuleContext } from '../engine/types';
import { restrictedFix } from './fixes';
import type { Container, KubernetesModel, PodTemplate } from './model';
import { forEachPod, podSecurityLevel, type PodSecurityLevel } from './pod';
import { objectsNamed } from './project-objects';

const NAMESPACE_LABELS = ['pod-security.kubernetes.io/enforce', 'pod-security.kubernetes.io/warn', 'pod-security.kubernetes.io/audit'];

/**
 * The Pod Security level a pod is held to: \`kubernetes.podSecurity\`, raised to restricted when the pod's Namespace (in
 * the workspace) carries a \`pod-security.kubernetes.io/enforce|warn|audit: restricted\` label, as the admission controller would.
 */
export function pssLevel(ctx: RuleContext<KubernetesModel>, pod: PodTemplate): PodSecurityLevel {
  // The strict and all profiles and `--rules all` ask for every opinion we have, restricted Pod Security included.
  if (podSecurityLevel(ctx.options) === 'restricted' || ctx.profile !== 'recommended' || ctx.allRules) return 'restricted';
  const ns = pod.owner.namespace;
  if (!ns) return 'baseline';
  const namespace = objectsNamed(ctx, 'Namespace', ns)[0];
  return NAMESPACE_LABELS.some((l) => namespace?.labels?.[l] === 'restricted') ? 'restricted' : 'baseline';
}

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
  /**
   * Whether findings offer "Make this workload Pod Security restricted" (restricted controls only, default true). Off
   * where that fix cannot clear the finding (it changes security contexts, never volumes).
   */
  restrictedFix?: boolean;
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
      spec.level === 'restricted' ? '; checked when `kubernetes.podSecurity` is `restricted`, with profile `strict` or `all` or `--rules all`, or when the pod\'s Namespace is labelled `pod-security.kubernetes.io/enforce: restricted`' : ''
    }. Evaluated like the admission controller: containers, initContainers and ephemeralContainers, with pod-level settings inherited by containers.`,
    fixable: spec.level === 'restricted' && spec.restrictedFix !== false,
    check(ctx) {
      forEachPod(ctx, (pod, containers) => {
        if (spec.level === 'restricted' && pssLevel(ctx, pod) !== 'restricted') return;
        const found = spec.evaluate(ctx, pod, containers);
        if (!found.length) return;
        const whole = spec.level === 'restricted' && spec.restrictedFix !== false ? restrictedFix(ctx.model, pod) : undefined;
        for (const f of found) {
          const fixes = ([] as Fix[]).concat(f.fix ?? []);
          if (whole) fixes.push(whole);
          ctx.report({ ...f, fix: fixes.length ? fixes : undefined });
        }
      });
    },
  };
}
