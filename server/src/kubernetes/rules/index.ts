import type { Rule } from '../../engine/types';
import type { KubernetesModel } from '../model';
import { imageTag } from './image-tag';
import { livenessProbe } from './liveness-probe';
import { readinessProbe } from './readiness-probe';
import { kubernetesSyntax } from './syntax';

export const kubernetesRules: Rule<KubernetesModel>[] = [kubernetesSyntax, imageTag, livenessProbe, readinessProbe];
