import type { Rule } from '../../engine/types';
import { rangeOf } from '../../yaml/yaml';
import { parseUses } from '../facts';
import type { ActionsModel } from '../model';

/** Well-known action repositories that their owners archived, with what replaced them. */
const ARCHIVED: Record<string, string> = {
  'actions/create-release': 'softprops/action-gh-release or `gh release create`',
  'actions/upload-release-asset': 'softprops/action-gh-release or `gh release upload`',
  'actions/setup-ruby': 'ruby/setup-ruby',
  'actions/setup-haskell': 'haskell-actions/setup',
  'actions/setup-elixir': 'erlef/setup-beam',
  'actions-rs/toolchain': 'dtolnay/rust-toolchain or `rustup`',
  'actions-rs/cargo': 'plain `cargo` commands',
  'actions-rs/clippy-check': '`cargo clippy` (with a problem matcher)',
  'actions-rs/audit-check': 'rustsec/audit-check',
  'actions-rs/tarpaulin': '`cargo tarpaulin`',
  'actions-rs/grcov': '`grcov` directly',
  'actions-rs/install': 'taiki-e/install-action',
  'crazy-max/ghaction-docker-buildx': 'docker/setup-buildx-action',
};

export const archivedUses: Rule<ActionsModel> = {
  id: 'actions/archived-uses',
  aliases: ['zizmor/archived-uses'],
  severity: 'warning',
  profile: 'recommended',
  category: 'security',
  description: 'The action (or reusable workflow) comes from an archived repository: it gets no fixes any more.',
  docs: `Archived repositories receive no security fixes and no runtime updates (most of these still run on Node 12 or
16). Move to the maintained replacement named in the message. Shipshape knows a built-in list of well-known archived
actions (it works offline, so it cannot ask GitHub about others).`,
  check(ctx) {
    for (const ref of ctx.model.uses) {
      const u = parseUses(ref.value);
      if (u.kind !== 'remote' || !u.owner || !u.repo) continue;
      const replacement = ARCHIVED[`${u.owner}/${u.repo}`.toLowerCase()];
      if (!replacement) continue;
      ctx.report({ range: rangeOf(ctx.model.index, ref.node)!, message: `${u.owner}/${u.repo} is archived and no longer maintained: use ${replacement}.` });
    }
  },
};
