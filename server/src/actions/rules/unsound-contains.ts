import type { Rule } from '../../engine/types';
import { eachExpressionMatch } from '../facts';
import type { ActionsModel } from '../model';

const UNSOUND = /\bcontains\s*\(\s*'((?:[^']|'')*)'\s*,\s*((?:github\.(?:ref|head_ref|base_ref|ref_name)|env\.[A-Za-z_]\w*|inputs\.[\w-]+))\s*\)/gi;

export const unsoundContains: Rule<ActionsModel> = {
  id: 'actions/unsound-contains',
  aliases: ['zizmor/unsound-contains'],
  severity: 'warning',
  profile: 'recommended',
  category: 'security',
  fixable: true,
  description: '`contains(\'a b\', github.ref)` tests for a substring, so `refs/heads/a` also matches `refs/heads/a b`… and `a`.',
  docs: `With a string as first argument, \`contains\` is a substring test: \`contains('refs/heads/main refs/heads/dev', github.ref)\`
is also true for a branch named \`main\`'s prefixes such as \`refs/heads/ma\`, which anyone who can push a branch can
create. Test membership in a list instead.

**Good**
\`\`\`yaml
if: contains(fromJSON('["refs/heads/main", "refs/heads/dev"]'), github.ref)
\`\`\``,
  check(ctx) {
    const model = ctx.model;
    eachExpressionMatch(model, UNSOUND, (m, at, node) => {
      const items = m[1].replace(/''/g, "'").split(/[\s,]+/).filter(Boolean);
      const quoteInYaml = node.type === 'QUOTE_SINGLE' ? "''" : "'";
      const literal = `fromJSON(${quoteInYaml}${JSON.stringify(items).replace(/,/g, ', ')}${quoteInYaml})`;
      const litStart = at + m[0].indexOf("'");
      const litEnd = litStart + m[1].length + 2;
      const fix = node.type === 'QUOTE_DOUBLE' ? undefined : { title: 'Test membership in a list', edits: [{ range: model.index.range(litStart, litEnd), newText: literal }], safe: false };
      ctx.report({ range: model.index.range(at, at + m[0].length), message: `contains() with a string tests for a substring of '${m[1]}', so other values of ${m[2]} match too: use a list with fromJSON.`, fix });
    });
  },
};
