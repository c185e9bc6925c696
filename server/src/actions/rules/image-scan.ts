import type { Rule } from '../../engine/types';
import { get, rangeOf } from '../../yaml/yaml';
import { actionOf, runScalar, runText, withValue } from '../facts';
import type { ActionsModel, Step } from '../model';

const SCANNERS = ['aquasecurity/trivy-action', 'anchore/scan-action', 'docker/scout-action', 'snyk/actions/docker', 'crazy-max/ghaction-container-scan', 'sysdiglabs/scan-action', 'azure/container-scan'];

function pushesImage(step: Step): boolean {
  const a = actionOf(step);
  if (a?.kind === 'remote' && a.slug.toLowerCase() === 'docker/build-push-action') return withValue(step, 'push') === 'true';
  return /\b(docker|podman|buildah)\s+push\b|\bdocker\s+buildx\s+build\b[^\n]*--push\b/.test(runText(step) ?? '');
}

function scans(step: Step): boolean {
  const a = actionOf(step);
  if (a?.kind === 'remote' && SCANNERS.some((s) => a.slug.toLowerCase().startsWith(s))) return true;
  return /\b(trivy|grype|docker\s+scout|snyk\s+container)\b/.test(runText(step) ?? '');
}

export const imageScan: Rule<ActionsModel> = {
  id: 'actions/image-scan',
  aliases: [],
  severity: 'info',
  profile: 'recommended',
  category: 'security',
  description: 'The workflow pushes a container image but never scans it for known vulnerabilities.',
  docs: `Scanning the image before (or right after) pushing it catches known-vulnerable base images and packages
while the change is still fresh. Add a scanner step (Trivy, Grype, Docker Scout…) to the workflow.`,
  check(ctx) {
    const model = ctx.model;
    if (model.kind !== 'workflow' || model.steps.some(scans)) return;
    const push = model.steps.find(pushesImage);
    if (!push) return;
    const node = get(push.node, 'uses') ?? runScalar(push);
    const r = rangeOf(model.index, node);
    if (r) ctx.report({ range: r.start.line === r.end.line ? r : { start: r.start, end: { line: r.start.line, character: model.index.lineText(r.start.line).length } }, message: 'This workflow pushes a container image without scanning it for vulnerabilities (e.g. Trivy, Grype, Docker Scout).' });
  },
};
