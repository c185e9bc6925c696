// Which context values an outsider controls, and where they end up: `run:` scripts and github-script `script:`,
// directly or through `env` and step outputs when the flow is visible in the file.
import type { Scalar } from 'yaml';
import { get, isMap, isScalar } from '../yaml/yaml';
import { contextPaths, findExpressions, yieldsOnlyScalarSafe, type ExprSpan } from './expr-scan';
import { runScalar, usesAction } from './facts';
import type { ActionsModel, Step } from './model';

/** Event fields anyone who can open an issue, PR, comment or fork can set. `*` stands for an array index. */
const UNTRUSTED: RegExp[] = [
  /^github\.head_ref$/,
  /^github\.event\.(issue|pull_request|discussion)\.(title|body)$/,
  /^github\.event\.(comment|review|review_comment)\.body$/,
  /^github\.event\.pull_request\.head\.(ref|label|repo\.default_branch|repo\.description|repo\.homepage)$/,
  /^github\.event\.pages\.\*\.page_name$/,
  /^github\.event\.commits\.\*\.(message|author\.(name|email)|committer\.(name|email))$/,
  /^github\.event\.head_commit\.(message|author\.(name|email)|committer\.(name|email))$/,
  /^github\.event\.workflow_run\.(head_branch|display_title|head_commit\.(message|author\.(name|email)|committer\.(name|email)))$/,
  /^github\.event\.workflow_run\.pull_requests\.\*\.head\.ref$/,
  /^github\.event\.workflow_run\.head_repository\.description$/,
];

/** Whole objects that contain such fields (`toJSON(github.event.issue)`). */
const UNTRUSTED_OBJECTS = /^github\.event(\.(issue|pull_request|comment|review|review_comment|discussion|head_commit|commits|pages|workflow_run)(\.\*)?)?$/;

export function isUntrustedPath(path: string): boolean {
  return UNTRUSTED.some((r) => r.test(path)) || UNTRUSTED_OBJECTS.test(path);
}

export interface Injection {
  step: Step;
  sink: 'run' | 'script';
  scalar: Scalar;
  expr: ExprSpan;
  /** The context path that carries outside text (`github.event.issue.title`, or `env.TITLE`). */
  path: string;
  /** For indirect flows: the untrusted origin (`github.event.issue.title` behind `env.TITLE`). */
  origin?: string;
}

/** Untrusted origin of an expression, if any: a direct path, or a tainted env var / step output. */
function taintOf(model: ActionsModel, expr: ExprSpan, env: Map<string, string>, outputs: Map<string, string>): { path: string; origin?: string } | undefined {
  if (yieldsOnlyScalarSafe(expr.inner)) return undefined;
  const paths = contextPaths(expr.inner, expr.innerStart);
  const direct = [...new Set(paths.filter((p) => isUntrustedPath(p.path)).map((p) => p.path))];
  if (direct.length) return { path: direct.join(', ') };
  for (const p of paths) {
    if (p.path.startsWith('env.')) {
      const origin = env.get(p.path.slice(4).toUpperCase());
      if (origin) return { path: model.text.slice(p.start, p.end), origin };
    }
    const out = /^steps\.([^.]+)\.outputs\.([^.]+)$/.exec(p.path);
    if (out) {
      const origin = outputs.get(`${out[1]}.${out[2]}`);
      if (origin) return { path: model.text.slice(p.start, p.end), origin };
    }
  }
  return undefined;
}

/** Env vars (upper-cased names) visible to a step whose value holds untrusted text, with that origin. */
export function taintedEnv(model: ActionsModel, step: Step): Map<string, string> {
  const out = new Map<string, string>();
  const layers = [model.root ? get(model.root, 'env') : undefined, step.job ? get(step.job.node, 'env') : undefined, get(step.node, 'env')];
  for (const layer of layers) {
    if (!isMap(layer)) continue;
    for (const pair of layer.items) {
      if (!isScalar(pair.key) || !isScalar(pair.value) || typeof pair.value.value !== 'string') continue;
      const name = String(pair.key.value).toUpperCase();
      const v = pair.value.value;
      const origin = findExpressions(v).flatMap((e) => (yieldsOnlyScalarSafe(e.inner) ? [] : contextPaths(e.inner))).find((p) => isUntrustedPath(p.path));
      if (origin) out.set(name, origin.path);
      else out.delete(name);
    }
  }
  return out;
}

/**
 * Adds the outputs a `run:` step sets from untrusted text to `into`:
 * `echo "title=${{ github.event.issue.title }}" >> "$GITHUB_OUTPUT"`, or `echo "title=$TITLE"` with a tainted TITLE.
 */
function addTaintedOutputs(model: ActionsModel, s: Step, into: Map<string, string>): void {
  const run = runScalar(s);
  if (!s.id || !run || !String(run.value).includes('GITHUB_OUTPUT')) return;
  const env = taintedEnv(model, s);
  for (const line of String(run.value).split('\n')) {
    if (!line.includes('GITHUB_OUTPUT')) continue;
    const m = /([A-Za-z_][\w-]*)=(.*)$/.exec(line.replace(/>>.*$/, ''));
    if (!m) continue;
    const direct = findExpressions(m[2]).flatMap((e) => contextPaths(e.inner)).find((p) => isUntrustedPath(p.path));
    const viaEnv = [...m[2].matchAll(/\$\{?([A-Za-z_]\w*)/g)].map((v) => env.get(v[1].toUpperCase())).find(Boolean);
    const origin = direct?.path ?? viaEnv;
    if (origin) into.set(`${s.id.toLowerCase()}.${m[1].toLowerCase()}`, origin);
  }
}

/** Every place an untrusted value is expanded into a script. */
export function injections(model: ActionsModel): Injection[] {
  const found: Injection[] = [];
  const groups = model.jobs.length ? model.jobs.map((j) => j.steps) : [model.steps];
  for (const steps of groups) {
    const outputs = new Map<string, string>(); // grows as earlier steps are passed
    steps.forEach((step) => {
      const run = runScalar(step);
      const script = usesAction(step, 'actions/github-script') ? get(get(step.node, 'with'), 'script') : undefined;
      const sinks: Array<['run' | 'script', Scalar]> = [];
      if (run) sinks.push(['run', run]);
      if (isScalar(script) && typeof script.value === 'string') sinks.push(['script', script as Scalar]);
      const exprs = sinks.map(([sink, scalar]) => [sink, scalar, findExpressions(model.text, scalar.range![0], scalar.range![1])] as const);
      if (exprs.some(([, , e]) => e.length)) {
        const env = taintedEnv(model, step);
        for (const [sink, scalar, list] of exprs) {
          for (const expr of list) {
            const t = taintOf(model, expr, env, outputs);
            if (t) found.push({ step, sink, scalar, expr, ...t });
          }
        }
      }
      addTaintedOutputs(model, step, outputs);
    });
  }
  return found;
}
