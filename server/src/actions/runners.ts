// Runner labels: GitHub-hosted ones, self-hosted ones from settings and `.github/actionlint.yaml`, and the OS they imply.
import * as path from 'node:path';
import { parse } from 'yaml';
import type { Scalar } from 'yaml';
import { isMap, isScalar, isSeq } from '../yaml/yaml';
import type { WorkspaceReader } from '../engine/types';
import type { Job } from './model';
import { get, getIn } from '../yaml/yaml';
import { matrixValues } from './matrix-values';

const LINUX = 'ubuntu-latest ubuntu-24.04 ubuntu-22.04 ubuntu-24.04-arm ubuntu-22.04-arm ubuntu-slim';
const WINDOWS = 'windows-latest windows-2025 windows-2022 windows-11-arm windows-latest-8-cores';
const MACOS = 'macos-latest macos-26 macos-15 macos-14 macos-13 macos-latest-large macos-26-large macos-15-large macos-14-large macos-13-large macos-latest-xlarge macos-26-xlarge macos-15-xlarge macos-14-xlarge macos-13-xlarge macos-15-intel';
const GENERIC = 'self-hosted linux windows macos x64 x86 arm arm32 arm64 gpu';

export const HOSTED_LABELS = [...LINUX.split(' '), ...WINDOWS.split(' '), ...MACOS.split(' ')];
const GENERIC_LABELS = GENERIC.split(' ');
/** Images GitHub retired: a job asking for them waits forever or fails. */
export const RETIRED_LABELS = ['ubuntu-16.04', 'ubuntu-18.04', 'ubuntu-20.04', 'windows-2016', 'windows-2019', 'macos-10.15', 'macos-11', 'macos-12', 'macos-12-xl', 'macos-12-large'];

export type RunnerOs = 'linux' | 'windows' | 'macos';

export function osOfLabel(label: string): RunnerOs | undefined {
  const l = label.toLowerCase();
  if (l.startsWith('windows')) return 'windows';
  if (l.startsWith('macos')) return 'macos';
  if (l.startsWith('ubuntu') || l === 'linux') return 'linux';
  return undefined;
}

export function isKnownLabel(label: string, selfHosted: string[]): boolean {
  const l = label.toLowerCase();
  return HOSTED_LABELS.includes(l) || GENERIC_LABELS.includes(l) || selfHosted.some((s) => globMatch(s.toLowerCase(), l));
}

function globMatch(pattern: string, value: string): boolean {
  if (!pattern.includes('*')) return pattern === value;
  const re = new RegExp(`^${pattern.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
  return re.test(value);
}

/** Self-hosted labels from the `actions.selfHostedRunnerLabels` option and `.github/actionlint.y(a)ml`. */
export function selfHostedLabels(options: Record<string, unknown>, workspace: WorkspaceReader, filePath: string): string[] {
  const out: string[] = [];
  const configured = options.selfHostedRunnerLabels;
  if (Array.isArray(configured)) out.push(...configured.map(String));
  const roots = new Set<string>();
  if (workspace.root) roots.add(workspace.root);
  const m = /^(.*?)[/\\]\.(?:github|gitea|forgejo)[/\\]workflows[/\\]/.exec(filePath);
  if (m) roots.add(m[1]);
  for (const root of roots) {
    for (const name of ['actionlint.yaml', 'actionlint.yml']) {
      const text = workspace.readText(path.join(root, '.github', name));
      if (!text) continue;
      try {
        const labels = (parse(text) as { 'self-hosted-runner'?: { labels?: unknown } })?.['self-hosted-runner']?.labels;
        if (Array.isArray(labels)) out.push(...labels.map(String));
      } catch {
        // a broken actionlint.yaml is actionlint's to report
      }
    }
  }
  return out;
}

export interface RunnerLabel {
  /** The label text (a matrix value when the node is `${{ matrix.x }}`). */
  label: string;
  node: Scalar;
  fromMatrix: boolean;
  /** For matrix values: the value's own node in `strategy.matrix`, when it is a plain list entry. */
  valueNode?: Scalar;
}

/** Labels a job's `runs-on` asks for; `${{ matrix.x }}` expands to the values of the dimension. */
export function runnerLabels(job: Job): RunnerLabel[] {
  const runsOn = get(job.node, 'runs-on');
  const nodes: Scalar[] = [];
  if (isScalar(runsOn)) nodes.push(runsOn);
  else if (isSeq(runsOn)) nodes.push(...runsOn.items.filter(isScalar));
  else if (isMap(runsOn)) {
    const labels = get(runsOn, 'labels');
    if (isScalar(labels)) nodes.push(labels);
    else if (isSeq(labels)) nodes.push(...labels.items.filter(isScalar));
  }
  const out: RunnerLabel[] = [];
  for (const node of nodes) {
    const value = String(node.value ?? '');
    const m = /^\$\{\{\s*matrix\.([A-Za-z0-9_-]+)\s*\}\}$/.exec(value.trim());
    if (m) {
      const dim = getIn(job.node, ['strategy', 'matrix', m[1]]);
      const valueNodes = isSeq(dim) ? dim.items.filter(isScalar) : [];
      for (const v of matrixValues(job, m[1]) ?? []) {
        if (typeof v !== 'string' || v.includes('${{')) continue;
        out.push({ label: v, node, fromMatrix: true, valueNode: valueNodes.find((n) => n.value === v) });
      }
      continue;
    }
    if (!value.includes('${{')) out.push({ label: value, node, fromMatrix: false });
  }
  return out;
}

/** The runner OS of a job when its labels say so. */
export function jobOs(job: Job | undefined): RunnerOs | undefined {
  if (!job) return undefined;
  const oses = new Set(runnerLabels(job).map((l) => osOfLabel(l.label)));
  if (oses.size !== 1) return undefined;
  return [...oses][0];
}
