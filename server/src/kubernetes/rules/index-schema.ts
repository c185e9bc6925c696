// Schema validation, apiVersion deprecations and document-level rules (Helm, Kustomize, Argo, Flux), one file each.
import type { Rule } from '../../engine/types';
import type { KubernetesModel } from '../model';

export const schemaRules: Rule<KubernetesModel>[] = [];
