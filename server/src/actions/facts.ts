// Derived facts the actions-used, security and practice rules share: triggers, parsed `uses:`, step fields,
// the repository root. Everything reads the one model; nothing re-parses the document.
import * as path from 'node:path';
import type { Scalar } from 'yaml';
import type { WorkspaceReader } from '../engine/types';
import { contextPaths, type ContextPath } from './expr-scan';
import { get, isMap, isScalar, isSeq, pairOf, scalarString, type Node, type YAMLMap } from '../yaml/yaml';
import type { ActionsModel, Job, Step } from './model';

export interface ParsedUses {
  kind: 'local' | 'docker' | 'remote';
  /** `owner/repo` or `owner/repo/sub/dir` (remote), the path (local) or the image (docker). */
  slug: string;
  owner?: string;
  repo?: string;
  ref?: string;
  /** Major version of a `vN`, `vN.M`, `N.M.K` ref. */
  major?: number;
}

export function parseUses(value: string): ParsedUses {
  const v = value.trim();
  if (v.startsWith('./') || v.startsWith('.\\') || v === '.') return { kind: 'local', slug: v };
  if (v.startsWith('docker://')) return { kind: 'docker', slug: v.slice('docker://'.length) };
  const at = v.lastIndexOf('@');
  const slug = at < 0 ? v : v.slice(0, at);
  const ref = at < 0 ? undefined : v.slice(at + 1);
  const [owner, repo] = slug.split('/');
  const m = ref ? /^v?(\d+)(?:\.\d+){0,2}$/.exec(ref) : null;
  return { kind: 'remote', slug, owner, repo, ref, major: m ? Number(m[1]) : undefined };
}


/** The action a step uses (`actions/checkout`, lower-cased), or undefined for `run:` steps. */
export function actionOf(step: Step): ParsedUses | undefined {
  return parsedUsesOf(step);
}

/** Parsed `uses:` values by text (workflows repeat the same few actions in every job). Read-only, shared. */
const parsedByValue = new Map<string, ParsedUses & { lowerSlug: string }>();

function parsedUsesOf(step: Step): (ParsedUses & { lowerSlug: string }) | undefined {
  // Kept on the step (null: no `uses:`), shared by value across steps. Read-only.
  let a = step.usesCache as (ParsedUses & { lowerSlug: string }) | null | undefined;
  if (a === undefined) {
    const u = scalarString(get(step.node, 'uses'));
    if (u === undefined) a = null;
    else {
      a = parsedByValue.get(u);
      if (!a) {
        const parsed = parseUses(u);
        a = { ...parsed, lowerSlug: parsed.slug.toLowerCase() };
        if (parsedByValue.size >= 2000) parsedByValue.clear();
        parsedByValue.set(u, a);
      }
    }
    step.usesCache = a;
  }
  return a ?? undefined;
}

export function usesAction(step: Step, ...slugs: string[]): boolean {
  const a = parsedUsesOf(step);
  return !!a && a.kind === 'remote' && slugs.includes(a.lowerSlug);
}

/** A `with:` input's scalar value. */
export function withValue(step: Step, input: string): string | undefined {
  return scalarString(get(get(step.node, 'with'), input));
}

export function runScalar(step: Step): Scalar | undefined {
  const r = get(step.node, 'run');
  return isScalar(r) && typeof r.value === 'string' ? (r as Scalar) : undefined;
}

/** The `run:` script's text. */
export function runText(step: Step): string | undefined {
  return runScalar(step)?.value as string | undefined;
}

/** Event names of a workflow's `on:` (string, list or map form). */
export function triggers(model: ActionsModel): Map<string, Node> {
  const out = new Map<string, Node>();
  if (model.kind !== 'workflow' || !model.root) return out;
  const pair = pairOf(model.root, 'on') ?? model.root.items.find((p) => isScalar(p.key) && p.key.value === true);
  const on = pair?.value;
  if (isScalar(on) && typeof on.value === 'string') {
    out.set(on.value, on);
  } else if (isSeq(on)) {
    for (const i of on.items) if (isScalar(i)) out.set(String(i.value), i as Node);
  } else if (isMap(on)) {
    for (const p of on.items) if (isScalar(p.key)) out.set(String(p.key.value), p.key as Node);
  }
  return out;
}

/** Triggers that run with a privileged token and secrets while handling data from forks. */
export const PRIVILEGED_TRIGGERS = ['pull_request_target', 'workflow_run'];

/** Triggers through which people without write access can put text into the event payload. */
export const EXTERNAL_TRIGGERS = [
  'pull_request', 'pull_request_target', 'pull_request_review', 'pull_request_review_comment', 'issues', 'issue_comment',
  'discussion', 'discussion_comment', 'workflow_run', 'gollum', 'fork',
];

/** The repository root of a workflow (`<root>/.github/workflows/x.yml`), or the workspace root. */
export function repoRoot(filePath: string, workspace: WorkspaceReader): string | undefined {
  const norm = filePath.replace(/\\/g, '/');
  const m = /^(.*?)\/\.(?:github|gitea|forgejo)\/workflows\/[^/]+$/.exec(norm);
  if (m) return m[1] || '/';
  return workspace.root;
}

/** The directory a step runs in, relative to the repo root (`working-directory` of the step or job defaults). */
export function workingDirectory(step: Step, model: ActionsModel): string {
  const own = scalarString(get(step.node, 'working-directory'));
  return normalDirectory(own ?? defaultWorkingDirectory(step.job, model));
}

/** A job's (or else the workflow's) `defaults.run.working-directory`. */
export function defaultWorkingDirectory(job: Job | undefined, model: ActionsModel): string | undefined {
  const own = job ? scalarString(get(get(get(job.node, 'defaults'), 'run'), 'working-directory')) : undefined;
  return own ?? (model.root ? scalarString(get(get(get(model.root, 'defaults'), 'run'), 'working-directory')) : undefined);
}

/** A working directory relative to the repository root (`.` for expressions). */
export function normalDirectory(dir: string | undefined): string {
  const d = dir ?? '.';
  return d.includes('${{') ? '.' : d.replace(/^\$GITHUB_WORKSPACE\/?|^\$\{GITHUB_WORKSPACE\}\/?/, '') || '.';
}

export function resolveIn(root: string, ...parts: string[]): string {
  return path.resolve(root, ...parts);
}

/** The job of a step and every job's steps, for rules that look at "the job around" a finding. */
export function jobStepsOf(step: Step, model: ActionsModel): Step[] {
  return step.job ? step.job.steps : model.steps;
}

/** `runs-on` labels of a job, lower-cased (expressions left as-is). */
export function runnerLabels(job: Job): string[] {
  const r = get(job.node, 'runs-on');
  if (isScalar(r)) return [String(r.value).toLowerCase()];
  if (isSeq(r)) return r.items.filter(isScalar).map((i) => String(i.value).toLowerCase());
  if (isMap(r)) {
    const labels = get(r, 'labels');
    if (isScalar(labels)) return [String(labels.value).toLowerCase()];
    if (isSeq(labels)) return labels.items.filter(isScalar).map((i) => String(i.value).toLowerCase());
  }
  return [];
}

/** The shell a `run:` step uses: `shell:`, else job/workflow `defaults.run.shell`, else the runner's default. */
export function shellOf(step: Step, model: ActionsModel): string {
  const own = scalarString(get(step.node, 'shell'));
  const job = step.job ? scalarString(get(get(get(step.job.node, 'defaults'), 'run'), 'shell')) : undefined;
  const wf = model.root ? scalarString(get(get(get(model.root, 'defaults'), 'run'), 'shell')) : undefined;
  const chosen = own ?? job ?? wf;
  if (chosen) return chosen.split(/\s+/)[0];
  if (step.job && runnerLabels(step.job).some((l) => l.startsWith('windows'))) return 'pwsh';
  return '';
}

// Derived lists several rules walk, computed once per parse (the model object is the cache key).
const scalarCache = new WeakMap<ActionsModel, Array<[Scalar, string | undefined]>>();
const pathCache = new WeakMap<ActionsModel, ContextPath[]>();

/** Every string scalar of the document with the key it is the value of (`if`, `run`…); keys themselves excluded. */
export function eachValueScalar(model: ActionsModel, fn: (node: Scalar, key: string | undefined) => void): void {
  let list = scalarCache.get(model);
  if (!list) {
    const found: Array<[Scalar, string | undefined]> = [];
    const walk = (node: unknown, key: string | undefined) => {
      if (isMap(node)) for (const p of node.items) walk(p.value, isScalar(p.key) ? String(p.key.value) : undefined);
      else if (isSeq(node)) for (const i of node.items) walk(i, key);
      else if (isScalar(node) && typeof node.value === 'string' && node.range) found.push([node as Scalar, key]);
    };
    walk(model.root, undefined);
    scalarCache.set(model, (list = found));
  }
  for (const [node, key] of list) fn(node, key);
}

/** Expression source spans of a scalar: its `${{ }}` parts, or all of it for `if:` (an implicit expression). */
export function expressionSources(model: ActionsModel, node: Scalar, key: string | undefined): Array<{ start: number; end: number }> {
  const [start, end] = node.range!;
  const src = model.text.slice(start, end);
  if (key === 'if' && !src.includes('${{')) return [{ start, end }];
  const out: Array<{ start: number; end: number }> = [];
  let i = src.indexOf('${{');
  while (i >= 0) {
    const close = src.indexOf('}}', i + 3);
    if (close < 0) break;
    out.push({ start: start + i + 3, end: start + close });
    i = src.indexOf('${{', close + 2);
  }
  return out;
}

/** Every `env:` mapping (workflow, job, step, container, services). */
export function envMaps(model: ActionsModel): YAMLMap[] {
  const out: YAMLMap[] = [];
  const add = (n: unknown) => { if (isMap(n)) out.push(n); };
  if (model.root) add(get(model.root, 'env'));
  for (const job of model.jobs) {
    add(get(job.node, 'env'));
    add(get(get(job.node, 'container'), 'env'));
    const services = get(job.node, 'services');
    if (isMap(services)) for (const s of services.items) add(get(s.value, 'env'));
  }
  for (const step of model.steps) add(get(step.node, 'env'));
  return out;
}

/** Whether a job pushes to the repository (so it needs the persisted checkout credentials). */
export function jobPushes(steps: Step[]): boolean {
  return steps.some((s) => /\bgit\s+(push|commit)\b|\bgh\s+pr\s+create\b/.test(runText(s) ?? '') || usesAction(s, 'stefanzweifel/git-auto-commit-action', 'ad-m/github-push-action', 'endbug/add-and-commit', 'peter-evans/create-pull-request', 'peaceiris/actions-gh-pages', 'jamesives/github-pages-deploy-action', 'changesets/action'));
}

/** Matches of a pattern inside every expression of the document, with the document offset of each match. */
export function eachExpressionMatch(
  model: ActionsModel,
  pattern: RegExp,
  fn: (m: RegExpMatchArray, at: number, node: Scalar, key: string | undefined) => void,
  onlyKey?: string,
): void {
  eachValueScalar(model, (node, key) => {
    if (onlyKey && key !== onlyKey) return;
    for (const span of expressionSources(model, node, key)) {
      for (const m of model.text.slice(span.start, span.end).matchAll(pattern)) fn(m, span.start + m.index!, node, key);
    }
  });
}

/** The job's container and service definitions (string or mapping form). */
export function jobContainers(job: Job): unknown[] {
  const services = get(job.node, 'services');
  return [get(job.node, 'container'), ...(isMap(services) ? services.items.map((s) => s.value) : [])];
}

/** Every context path of every expression in the document (`steps.build.outputs.tag`…), with offsets. */
export function eachContextPath(model: ActionsModel, fn: (p: ContextPath) => void): void {
  let list = pathCache.get(model);
  if (!list) {
    const found: ContextPath[] = [];
    eachValueScalar(model, (node, key) => {
      for (const span of expressionSources(model, node, key)) found.push(...contextPaths(model.text.slice(span.start, span.end), span.start));
    });
    pathCache.set(model, (list = found));
  }
  list.forEach(fn);
}

/** Major version named in a trailing comment of a SHA-pinned `uses:` (`@8f4b… # v4.1.1`). */
export function commentMajor(model: ActionsModel, node: Scalar): number | undefined {
  const end = node.range![1];
  const lineEnd = model.index.lineEnd(model.index.positionAt(end).line);
  const m = /^[^#]*#\s*(?:tag[:=]\s*)?v?(\d+)(?:\.\d+){0,2}\b/.exec(model.text.slice(end, lineEnd));
  return m ? Number(m[1]) : undefined;
}

/** The major version a remote `uses:` runs: from its ref, or from the version comment of a SHA pin. */
export function usedMajor(model: ActionsModel, node: Scalar, uses: ParsedUses): number | undefined {
  if (uses.major !== undefined) return uses.major;
  return uses.ref && /^[0-9a-f]{40}$/.test(uses.ref) ? commentMajor(model, node) : undefined;
}
