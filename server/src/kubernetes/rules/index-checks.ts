// kube-linter, Polaris and Pod Security checks, production rules and cross-object checks, one file each.
import type { Rule } from '../../engine/types';
import type { KubernetesModel } from '../model';
import { imageTag } from './image-tag';
import { livenessProbe } from './liveness-probe';
import { readinessProbe } from './readiness-probe';

export const checkRules: Rule<KubernetesModel>[] = [imageTag, livenessProbe, readinessProbe];
