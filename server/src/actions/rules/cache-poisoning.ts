import type { Rule } from '../../engine/types';
import { get, isMap, rangeOf, scalarString } from '../../yaml/yaml';
import { actionOf, runText, triggers, withValue } from '../facts';
import type { ActionsModel, Step } from '../model';

/** Whether a step restores a cache (whose content a pull request's run could have written). */
function restoresCache(step: Step): boolean {
  const a = actionOf(step);
  if (a?.kind !== 'remote') return false;
  const slug = a.slug.toLowerCase();
  if (slug === 'actions/cache' || slug === 'actions/cache/restore' || slug === 'swatinem/rust-cache') return true;
  if (['actions/setup-node', 'actions/setup-python', 'actions/setup-java', 'actions/setup-dotnet'].includes(slug)) return !!withValue(step, 'cache') && withValue(step, 'cache') !== 'false';
  if (slug === 'actions/setup-go') return withValue(step, 'cache') !== 'false' && (a.major === undefined || a.major >= 4);
  if (slug === 'astral-sh/setup-uv') return withValue(step, 'enable-cache') === 'true';
  if (slug === 'docker/build-push-action') return /type=gha/.test(withValue(step, 'cache-from') ?? '');
  return false;
}

const PUBLISHERS = ['pypa/gh-action-pypi-publish', 'softprops/action-gh-release', 'ncipollo/release-action', 'goreleaser/goreleaser-action', 'changesets/action', 'rubygems/release-gem', 'jreleaser/release-action'];
const PUBLISH_COMMANDS = /\b(npm|pnpm|yarn)\s+publish\b|\bcargo\s+publish\b|\btwine\s+upload\b|\bgem\s+push\b|\bpoetry\s+publish\b|\buv\s+publish\b|\bgh\s+release\s+create\b/;

/** A job that publishes a package or a release: its caches end up in what users download. */
function publishes(steps: Step[]): boolean {
  return steps.some((s) => {
    const a = actionOf(s);
    if (a?.kind === 'remote' && PUBLISHERS.includes(a.slug.toLowerCase())) return true;
    return PUBLISH_COMMANDS.test(runText(s) ?? '');
  });
}

/** Release workflows: run on `release`, or on pushes of tags only. */
function isReleaseWorkflow(model: ActionsModel): boolean {
  const on = triggers(model);
  if (on.has('release')) return true;
  const push = model.root && get(get(model.root, 'on'), 'push');
  return isMap(push) && get(push, 'tags') !== undefined && get(push, 'branches') === undefined && get(push, 'paths') === undefined && on.size === 1;
}

export const cachePoisoning: Rule<ActionsModel> = {
  id: 'actions/cache-poisoning',
  aliases: ['zizmor/cache-poisoning'],
  severity: 'warning',
  profile: 'recommended',
  category: 'security',
  description: 'A release workflow restores a build cache that other (less trusted) runs can write.',
  docs: `Caches are shared across workflow runs of the repository. A run triggered by a pull request, or by any
compromised step, can store a poisoned cache entry that a release build later restores and ships.

Do not restore caches in workflows that publish artifacts (triggered by \`release\` or tag pushes) nor in jobs that
publish packages or releases (\`npm publish\`, PyPI/RubyGems publishing actions, \`gh release create\`…): turn the
setup action's cache off there, or build releases from a clean state.`,
  check(ctx) {
    const model = ctx.model;
    if (model.kind !== 'workflow') return;
    const release = isReleaseWorkflow(model);
    const steps = release ? model.steps : model.jobs.filter((j) => publishes(j.steps)).flatMap((j) => j.steps);
    for (const step of steps) {
      if (!restoresCache(step)) continue;
      const r = rangeOf(model.index, get(step.node, 'uses'));
      if (r) ctx.report({ range: r, message: `This ${release ? 'release workflow' : 'publishing job'} restores a cache (${scalarString(get(step.node, 'uses'))}) that other runs can write: build releases without caches.` });
    }
  },
};
