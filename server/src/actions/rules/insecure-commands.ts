import type { Rule } from '../../engine/types';
import { isScalar, rangeOf } from '../../yaml/yaml';
import { envMaps } from '../facts';
import type { ActionsModel } from '../model';

export const insecureCommands: Rule<ActionsModel> = {
  id: 'actions/insecure-commands',
  aliases: ['zizmor/insecure-commands'],
  severity: 'warning',
  profile: 'recommended',
  category: 'security',
  description: '`ACTIONS_ALLOW_UNSECURE_COMMANDS` re-enables `::set-env` / `::add-path`, which any log line can trigger.',
  docs: `The \`::set-env\` and \`::add-path\` workflow commands were disabled because anything printed to the log — a file
name, a test name, an issue title — could set environment variables or \`PATH\` for later steps. The variable turns
them back on. Remove it and write to \`$GITHUB_ENV\` / \`$GITHUB_PATH\` instead.`,
  check(ctx) {
    for (const env of envMaps(ctx.model)) {
      for (const pair of env.items) {
        if (!isScalar(pair.key) || String(pair.key.value) !== 'ACTIONS_ALLOW_UNSECURE_COMMANDS') continue;
        const v = isScalar(pair.value) ? String(pair.value.value).toLowerCase() : '';
        if (v === 'false' || v === '0' || v === '') continue;
        ctx.report({ range: rangeOf(ctx.model.index, pair.key)!, message: 'ACTIONS_ALLOW_UNSECURE_COMMANDS lets any log line set environment variables and PATH: remove it and use $GITHUB_ENV / $GITHUB_PATH.' });
      }
    }
  },
};
