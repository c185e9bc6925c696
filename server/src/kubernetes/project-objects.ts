// Cross-file lookups over the workspace's Kubernetes objects (by kind, by kind and name, by identity, by pod label).
// The lookups over the shared project index are built once per index state (the index's `generation` and its
// summary list) and reused by every lint of that state; each lint adds only its own file's objects, which come
// first, and leaves out what the index holds for that file. Without this every lint rebuilt the lookups over the
// whole workspace: quadratic in the number of manifests (issue #7).
import type { IndexedSummary } from '../engine/project';
import type { ProjectIndex, RuleContext } from '../engine/types';
import type { KubernetesModel } from './model';
import { summarizeModel, type FileSummary, type ObjectSummary } from './project';

/** An object of the workspace, with the file it is in; `local` when that is the linted file. */
export type ProjectObject = ObjectSummary & { path: string; local: boolean };

/** An index a lint sees through (the engine's overlay): the shared index under it, recording that `kind` was read. */
interface Layered {
  underlying(kind: 'kubernetes'): ProjectIndex;
}

/** The lookups over one state of a project index (objects of every indexed file, in path order). */
interface Tables {
  list: ReadonlyArray<IndexedSummary>;
  generation: number | undefined;
  all: ProjectObject[];
  /** Paths with at least one object: only those need filtering out of the lists below. */
  paths: Set<string>;
  /** Whether the summaries come sorted by path (then each list below holds a file's objects in one run). */
  sorted: boolean;
  byKind: Map<string, ProjectObject[]>;
  byName: Map<string, ProjectObject[]>;
  byIdentity: Map<string, ProjectObject[]>;
  workloads: ProjectObject[];
  byPodLabel: Map<string, ProjectObject[]>;
  /** Workloads a selector selects (by the selector's labels), filled in as lints ask. */
  selected: Map<string, ProjectObject[]>;
}

/** The objects of one indexed file, tagged once per summary (index summaries are kept until their file changes). */
const taggedSummaries = new WeakMap<object, ProjectObject[]>();
const tablesOf = new WeakMap<ProjectIndex, Tables>();

function generationOf(index: ProjectIndex): number | undefined {
  const g = (index as { generation?: unknown }).generation;
  return typeof g === 'number' ? g : undefined;
}

/** The lookups for the index's current state: rebuilt only when its generation or its summary list changed. */
export function indexTables(index: ProjectIndex): Tables {
  const list = index.summaries('kubernetes');
  const generation = generationOf(index);
  const cached = tablesOf.get(index);
  if (cached && cached.list === list && cached.generation === generation) return cached;
  const tables = buildTables(list, generation);
  tablesOf.set(index, tables);
  return tables;
}

function buildTables(list: ReadonlyArray<IndexedSummary>, generation: number | undefined): Tables {
  const t: Tables = { list, generation, all: [], paths: new Set(), sorted: list.every((s, i) => i === 0 || !(s.path < list[i - 1].path)), byKind: new Map(), byName: new Map(), byIdentity: new Map(), workloads: [], byPodLabel: new Map(), selected: new Map() };
  for (const s of list) {
    const summary = s.summary as FileSummary | undefined;
    if (!summary?.objects?.length) continue;
    let tagged = taggedSummaries.get(summary);
    if (!tagged) taggedSummaries.set(summary, (tagged = summary.objects.map((o) => ({ ...o, path: s.path, local: false }))));
    t.paths.add(s.path);
    for (const o of tagged) {
      t.all.push(o);
      addTo(t, o, true);
    }
  }
  return t;
}

type Keyed = Pick<Tables, 'byKind' | 'byName' | 'byIdentity' | 'workloads' | 'byPodLabel'>;

function addTo(t: Keyed, o: ProjectObject, withIdentity: boolean): void {
  const kind = o.kind ?? '';
  pushTo(t.byKind, kind, o);
  pushTo(t.byName, nameKey(o.kind, o.name), o);
  if (withIdentity) pushTo(t.byIdentity, identity(kind, o.namespace, o.name), o);
  if (!o.podLabels) return;
  t.workloads.push(o);
  for (const [k, v] of Object.entries(o.podLabels)) pushTo(t.byPodLabel, `${k}=${v}`, o);
}

/** The objects under each of their keys, in order. */
function groupBy(objects: ProjectObject[], keys: (o: ProjectObject) => string[]): Map<string, ProjectObject[]> {
  const map = new Map<string, ProjectObject[]>();
  for (const o of objects) for (const key of keys(o)) pushTo(map, key, o);
  return map;
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Kind and name, telling an unset name or kind from an empty one. */
function nameKey(kind: string | undefined, name: string | undefined): string {
  return `${kind === undefined ? '-' : '+' + kind}\u0000${name === undefined ? '-' : '+' + name}`;
}

/** What `kubectl apply` identifies an object by: kind, namespace (unset = default) and name. */
export function identity(kind: string | undefined, namespace: string | undefined, name: string | undefined): string {
  return `${kind ?? ''}/${namespace ?? ''}/${name ?? ''}`;
}

const NONE: ProjectObject[] = [];

/** What one lint sees: its own objects first, then the index's objects of every other file. */
class View {
  private readonly memo = new Map<string, ProjectObject[]>();
  private allObjects?: ProjectObject[];
  // The linted file's own lookups, each made when first asked for (a view is made per lint, i.e. per keystroke).
  private ownByKind?: Map<string, ProjectObject[]>;
  private ownByName?: Map<string, ProjectObject[]>;
  private ownWorkloads?: ProjectObject[];
  private ownByPodLabel?: Map<string, ProjectObject[]>;

  constructor(
    readonly index: ProjectIndex | undefined,
    readonly path: string,
    readonly local: ProjectObject[],
    readonly tables: Tables | undefined,
  ) {}

  private ownKinds(): Map<string, ProjectObject[]> {
    return (this.ownByKind ??= groupBy(this.local, (o) => [o.kind ?? '']));
  }

  private ownNames(): Map<string, ProjectObject[]> {
    return (this.ownByName ??= groupBy(this.local, (o) => [nameKey(o.kind, o.name)]));
  }

  private ownPodLabels(): Map<string, ProjectObject[]> {
    return (this.ownByPodLabel ??= groupBy(this.local, (o) => (o.podLabels ? Object.entries(o.podLabels).map(([k, v]) => `${k}=${v}`) : [])));
  }

  /** Whether the index's objects of the linted file must be left out of its lists. */
  private get excluding(): boolean {
    return !!this.tables?.paths.has(this.path);
  }

  /** A list of the index without the linted file's objects (a binary search for their run when sorted). */
  private others(list: ProjectObject[] | undefined): ProjectObject[] {
    if (!list) return NONE;
    if (!this.excluding) return list;
    const path = this.path;
    if (!this.tables!.sorted) return list.filter((o) => o.path !== path);
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (list[mid].path < path) lo = mid + 1;
      else hi = mid;
    }
    let end = lo;
    while (end < list.length && list[end].path === path) end++;
    if (end === lo) return list;
    const out: ProjectObject[] = new Array(list.length - (end - lo));
    for (let i = 0; i < lo; i++) out[i] = list[i];
    for (let i = end; i < list.length; i++) out[i - (end - lo)] = list[i];
    return out;
  }

  private combined(key: string, own: ProjectObject[] | undefined, base: ProjectObject[] | undefined): ProjectObject[] {
    let found = this.memo.get(key);
    if (found) return found;
    const others = this.others(base);
    found = !own?.length ? others : others.length ? [...own, ...others] : own;
    this.memo.set(key, found);
    return found;
  }

  all(): ProjectObject[] {
    return (this.allObjects ??= this.tables ? [...this.local, ...this.others(this.tables.all)] : this.local);
  }

  ofKind(kind: string): ProjectObject[] {
    return this.combined(`k\u0000${kind}`, this.ownKinds().get(kind), this.tables?.byKind.get(kind));
  }

  named(kind: string | undefined, name: string | undefined): ProjectObject[] {
    const key = nameKey(kind, name);
    return this.combined(`n\u0000${key}`, this.ownNames().get(key), this.tables?.byName.get(key));
  }

  elsewhere(key: string): ProjectObject[] {
    return this.combined(`i\u0000${key}`, undefined, this.tables?.byIdentity.get(key));
  }

  workloads(): ProjectObject[] {
    return this.combined('w', (this.ownWorkloads ??= this.local.filter((o) => o.podLabels)), this.tables?.workloads);
  }

  selectedBy(entries: Array<[string, string]>): ProjectObject[] {
    const key = `s\u0000${JSON.stringify(entries)}`;
    const found = this.memo.get(key);
    if (found) return found;
    const own = selectFrom(this.ownPodLabels(), entries);
    let base: ProjectObject[] | undefined;
    if (this.tables) {
      base = this.tables.selected.get(key);
      if (!base) this.tables.selected.set(key, (base = selectFrom(this.tables.byPodLabel, entries)));
    }
    return this.combined(key, own, base);
  }

  withPodLabel(key: string, value: string): ProjectObject[] {
    const k = `${key}=${value}`;
    return this.combined(`l\u0000${k}`, this.ownPodLabels().get(k), this.tables?.byPodLabel.get(k));
  }
}

/**
 * The workloads (of one label table) whose pod labels include every label of a selector, in order: only those
 * carrying each of its labels can match, so the list of its rarest label is checked.
 */
function selectFrom(byPodLabel: Map<string, ProjectObject[]>, entries: Array<[string, string]>): ProjectObject[] {
  let candidates: ProjectObject[] | undefined;
  for (const [k, v] of entries) {
    const list = byPodLabel.get(`${k}=${v}`) ?? NONE;
    if (!candidates || list.length < candidates.length) candidates = list;
    if (!list.length) break;
  }
  return (candidates ?? NONE).filter((o) => !!o.podLabels && entries.every(([k, v]) => o.podLabels![k] === v));
}

/** The linted file's objects, tagged once per summary (summaries are kept per unchanged object: project.ts). */
const taggedLocal = new WeakMap<ObjectSummary, ProjectObject>();

function localObject(o: ObjectSummary, path: string): ProjectObject {
  let tagged = taggedLocal.get(o);
  if (tagged?.path !== path) taggedLocal.set(o, (tagged = { ...o, path, local: true }));
  return tagged;
}

/** One view per lint: the engine makes a new overlay index for every lint, the model is one per parse. */
const views = new WeakMap<KubernetesModel, View>();

function viewOf(ctx: RuleContext<KubernetesModel>): View {
  const project = ctx.project;
  const base = project && typeof (project as Partial<Layered>).underlying === 'function' ? (project as unknown as Layered).underlying('kubernetes') : project;
  const tables = base ? indexTables(base) : undefined;
  const hit = views.get(ctx.model);
  if (hit && hit.index === project && hit.path === ctx.path && hit.tables === tables) return hit;
  const local = summarizeModel(ctx.model).objects.map((o) => localObject(o, ctx.path));
  const view = new View(project, ctx.path, local, tables);
  views.set(ctx.model, view);
  return view;
}

/**
 * Objects of the whole workspace when the project index is available, else of the linted file: the file's own first,
 * then other files' in path order. Every cross-object rule of one lint gets the same array (do not modify it).
 * Prefer the lookups below: this list is as long as the workspace.
 */
export function projectObjects(ctx: RuleContext<KubernetesModel>): ProjectObject[] {
  return viewOf(ctx).all();
}

/** The project objects of one kind, in project order (do not modify the result). */
export function objectsOfKind(ctx: RuleContext<KubernetesModel>, kind: string): ProjectObject[] {
  return viewOf(ctx).ofKind(kind);
}

/** Whether the project has an object of this kind. */
export function hasKind(ctx: RuleContext<KubernetesModel>, kind: string | undefined): boolean {
  return viewOf(ctx).ofKind(kind ?? '').some((o) => o.kind === kind);
}

/** The project objects of this kind and name (any namespace), in project order (do not modify the result). */
export function objectsNamed(ctx: RuleContext<KubernetesModel>, kind: string | undefined, name: string | undefined): ProjectObject[] {
  return viewOf(ctx).named(kind, name);
}

/** Objects of other files with this identity (do not modify the result). */
export function objectsElsewhere(ctx: RuleContext<KubernetesModel>, key: string): ProjectObject[] {
  return viewOf(ctx).elsewhere(key);
}

/** The project objects with a pod template, in project order (do not modify the result). */
export function workloadObjects(ctx: RuleContext<KubernetesModel>): ProjectObject[] {
  return viewOf(ctx).workloads();
}

/** The workloads whose pod labels include `key=value`, in project order (do not modify the result). */
export function workloadsWithPodLabel(ctx: RuleContext<KubernetesModel>, key: string, value: string): ProjectObject[] {
  return viewOf(ctx).withPodLabel(key, value);
}

/** The workloads whose pods a selector selects, in project order (an empty selector selects nothing here). */
export function workloadsSelectedBy(ctx: RuleContext<KubernetesModel>, selector: Record<string, string> | undefined): ProjectObject[] {
  const entries = selector ? Object.entries(selector) : [];
  if (!entries.length) return NONE;
  return viewOf(ctx).selectedBy(entries);
}

/** Whether every label of a selector is among the labels (an empty selector matches nothing here). */
export function selects(selector: Record<string, string> | undefined, labels: Record<string, string> | undefined): boolean {
  if (!selector || !Object.keys(selector).length || !labels) return false;
  return Object.entries(selector).every(([k, v]) => labels[k] === v);
}
