import type { Rule } from '../../engine/types';
import type { ActionsModel } from '../model';
import { HOSTED_LABELS, isKnownLabel, osOfLabel, RETIRED_LABELS, runnerLabels, selfHostedLabels } from '../runners';
import { nodeRange } from './structure-rule';

export const runnerLabel: Rule<ActionsModel> = {
  id: 'actions/runner-label',
  aliases: ['actionlint/runner-label'],
  severity: 'warning',
  profile: 'recommended',
  category: 'correctness',
  description: 'Unknown or retired runner label in `runs-on`, or labels of different GitHub-hosted runners in one job.',
  docs: `A job waits until a runner has **all** its labels: a typo (\`ubuntu-lastest\`), a retired image (\`ubuntu-20.04\`,
\`macos-12\`) or two hosted images in one list (\`[ubuntu-latest, windows-latest]\`) leaves it queued forever. Self-hosted
labels are read from the \`actions.selfHostedRunnerLabels\` option and from \`.github/actionlint.yaml\`
(\`self-hosted-runner.labels\`), like actionlint.

**Bad**
\`\`\`yaml
runs-on: [ubuntu-latest, windows-latest]
\`\`\`
**Good**
\`\`\`yaml
strategy:
  matrix:
    os: [ubuntu-latest, windows-latest]
runs-on: \${{ matrix.os }}
\`\`\``,
  check(ctx) {
    const { model } = ctx;
    if (model.kind !== 'workflow') return;
    const selfHosted = selfHostedLabels(ctx.options, ctx.workspace, ctx.path);
    for (const job of model.jobs) {
      const labels = runnerLabels(job);
      const hosted: typeof labels = [];
      for (const l of labels) {
        const lower = l.label.toLowerCase();
        if (!lower.trim()) continue; // empty labels are actions/empty-value's
        if (RETIRED_LABELS.includes(lower)) {
          ctx.report({ range: nodeRange(model, l.node), message: `Runner image "${l.label}" has been retired by GitHub: jobs asking for it never start. Use a current image (e.g. ${osOfLabel(lower) === 'macos' ? 'macos-latest' : osOfLabel(lower) === 'windows' ? 'windows-latest' : 'ubuntu-latest'}).` });
          continue;
        }
        if (!isKnownLabel(l.label, selfHosted)) {
          ctx.report({ range: nodeRange(model, l.node), message: `Unknown runner label "${l.label}"${l.fromMatrix ? ' (from the matrix)' : ''}. If it is a self-hosted or larger-runner label, list it in actions.selfHostedRunnerLabels or .github/actionlint.yaml.` });
          continue;
        }
        if (HOSTED_LABELS.includes(lower) && !l.fromMatrix) hosted.push(l);
      }
      for (const l of hosted.slice(1)) {
        if (l.label.toLowerCase() !== hosted[0].label.toLowerCase()) {
          ctx.report({ range: nodeRange(model, l.node), message: `"${l.label}" and "${hosted[0].label}" are different GitHub-hosted runners: no runner has both labels. Use a matrix to run on each.` });
        }
      }
      // A matrix value combined with a fixed hosted label: each other image or OS makes that combination unschedulable.
      const fixed = hosted[0];
      if (!fixed) continue;
      for (const l of labels) {
        if (!l.fromMatrix) continue;
        const lower = l.label.toLowerCase();
        const clash = (HOSTED_LABELS.includes(lower) && lower !== fixed.label.toLowerCase()) || (['linux', 'windows', 'macos'].includes(lower) && osOfLabel(lower) !== osOfLabel(fixed.label));
        if (clash) ctx.report({ range: nodeRange(model, l.valueNode ?? l.node), message: `Matrix value "${l.label}" is combined with "${fixed.label}" in runs-on: no runner has both labels.` });
      }
    }
  },
};
