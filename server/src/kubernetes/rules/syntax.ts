import type { Rule } from '../../engine/types';
import type { KubernetesModel } from '../model';

/** YAML syntax errors, duplicate keys and tab indentation, reported by the language under this id. */
export const kubernetesSyntax: Rule<KubernetesModel> = {
  id: 'kubernetes/syntax',
  aliases: [],
  severity: 'error',
  profile: 'recommended',
  category: 'correctness',
  description: 'The manifest is not valid YAML (syntax error, duplicate key, tab indentation).',
  docs: 'kubectl rejects these files or, worse for duplicate keys, silently keeps only one of the values. Shipshape reports the exact position and keeps checking the other documents of the file.',
  check() {},
};
