import type { Rule } from '../../engine/types';
import type { ActionsModel } from '../model';

/** YAML syntax errors of workflows and action metadata files, reported by the language under this id. */
export const actionsSyntax: Rule<ActionsModel> = {
  id: 'actions/syntax',
  aliases: ['actionlint/syntax-check'],
  severity: 'error',
  profile: 'recommended',
  category: 'correctness',
  description: 'The workflow or action file is not valid YAML.',
  docs: 'GitHub refuses to run a workflow whose YAML does not parse, and reports it only after you push. Shipshape shows the exact position while you type and still checks the rest of what parsed.',
  check() {},
};
