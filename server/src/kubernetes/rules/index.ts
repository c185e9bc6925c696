import type { Rule } from '../../engine/types';
import type { KubernetesModel } from '../model';
import { kubernetesSyntax } from './syntax';
import { schemaRules } from './index-schema';
import { checkRules } from './index-checks';

export const kubernetesRules: Rule<KubernetesModel>[] = [kubernetesSyntax, ...schemaRules, ...checkRules];
