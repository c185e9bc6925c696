// Finding reuse across versions of one file (opt-in: `LintRequest.reuseFindings`, used by the language server).
// A language that splits its files into independent parts (Kubernetes: `---` documents) names the rules whose
// findings depend on one part alone. On a new version, the findings of those rules for parts whose text did not
// change are taken from the previous version, moved by the part's line shift, and the rules run on the changed parts
// only; every other rule runs on the whole file as usual. The result equals a fresh lint
// (test/unit/engine/finding-reuse.test.ts checks it on random edits).
import type { LineIndex } from './text';
import type { Finding, Language, Part, Position, Range, Rule } from './types';
import { internFindings } from './intern';

/** Which rules a run covers: the part-local ones or the others. */
export type RuleSubset = (rule: Rule<unknown>) => boolean;

export interface ReuseRequest {
  path: string;
  text: string;
  model: unknown;
  index: LineIndex;
  language: Language;
  /** Everything besides the text the findings depend on (configuration, file-level facts). */
  contextKey: string;
  /** Runs the rules of a subset over a model. */
  run(model: unknown, subset: RuleSubset): Finding[];
}

interface State {
  contextKey: string;
  /**
   * Part text → its part-local findings and the line the part started on. Unmoved parts hand out the same finding
   * objects again (findings are never mutated), so neither this nor the editor's conversion copies them.
   */
  parts: Map<string, { line: number; findings: Finding[] }>;
}

const INTERNAL_ERROR = 'shipshape/internal-error';

/** Files remembered (least recently used go first). */
const MAX_FILES = 32;

export class FindingReuse {
  private readonly states = new Map<string, State>();
  /** Per file: the last findings of the rules that run on the whole file, for `internFindings`. */
  private readonly wholeFile = new Map<string, Map<string, Finding>>();

  forget(path: string): void {
    this.states.delete(path);
    this.wholeFile.delete(path);
  }

  /** The findings of a whole-file run, equal ones being the previous version's objects. */
  private interned(path: string, findings: Finding[]): Finding[] {
    const { findings: out, table } = internFindings(findings, this.wholeFile.get(path));
    this.wholeFile.delete(path);
    this.wholeFile.set(path, table);
    if (this.wholeFile.size > MAX_FILES) this.wholeFile.delete(this.wholeFile.keys().next().value!);
    return out;
  }

  lint(req: ReuseRequest): Finding[] {
    const { language, model, index } = req;
    const local = language.partLocalRules;
    const parts = local?.size ? language.parts?.(model, req.path) : undefined;
    if (!local || !parts?.length || !parts.every((p) => index.positionAt(p.start).character === 0)) {
      this.states.delete(req.path);
      return this.interned(req.path, req.run(model, () => true));
    }
    const isLocal: RuleSubset = (r) => local.has(r.id);
    const out = this.interned(req.path, req.run(model, (r) => !isLocal(r)));

    const previous = this.states.get(req.path);
    this.states.delete(req.path);
    const usable = previous && previous.contextKey === req.contextKey ? previous.parts : undefined;
    const startLines = parts.map((p) => index.positionAt(p.start).line);
    const changed: number[] = [];
    const kept = new Map<number, { line: number; findings: Finding[] }>();
    for (let i = 0; i < parts.length; i++) {
      const hit = parts[i].reusable !== false ? usable?.get(parts[i].key) : undefined;
      if (hit) kept.set(i, hit);
      else changed.push(i);
    }

    let fresh: Finding[] = [];
    let ran = changed;
    if (changed.length === parts.length) fresh = req.run(model, isLocal);
    else if (changed.length) {
      const sub = language.partModel?.(model, changed.map((i) => parts[i]));
      if (sub === undefined) {
        fresh = req.run(model, isLocal);
        ran = parts.map((_, i) => i);
        kept.clear();
      } else {
        // The restricted model may hold other parts for context (what rules find there is what was kept).
        const ranSet = new Set(changed);
        fresh = req.run(sub, isLocal).filter((f) => f.ruleId === INTERNAL_ERROR || ranSet.has(partOf(startLines, f.range.start)));
      }
    }

    // Attribute fresh findings to parts; a part with a finding reaching outside it is not remembered.
    const byPart = new Map<number, Finding[]>(ran.map((i) => [i, []]));
    const spoiled = new Set<number>();
    for (const f of fresh) {
      const i = partOf(startLines, f.range.start);
      if (!within(f, startLines, i)) spoiled.add(i);
      byPart.get(i)?.push(f);
      out.push(f);
    }
    const next = new Map<string, { line: number; findings: Finding[] }>();
    for (const [i, hit] of kept) {
      const by = startLines[i] - hit.line;
      const findings = by === 0 ? hit.findings : hit.findings.map((f) => move(f, by));
      out.push(...findings);
      next.set(parts[i].key, { line: startLines[i], findings });
    }
    for (const [i, findings] of byPart) if (!spoiled.has(i) && parts[i].reusable !== false) next.set(parts[i].key, { line: startLines[i], findings });
    // A rule failed: nothing of this run is remembered (the next version runs everything again).
    if (fresh.some((f) => f.ruleId === INTERNAL_ERROR)) return out;
    this.states.set(req.path, { contextKey: req.contextKey, parts: next });
    for (const [key] of this.states) {
      if (this.states.size <= MAX_FILES) break;
      this.states.delete(key);
    }
    return out;
  }
}

/** Index of the part a position is in: the last one starting on or before its line. */
function partOf(startLines: number[], p: Position): number {
  let lo = 0;
  let hi = startLines.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (startLines[mid] <= p.line) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Whether every position of a finding (range, fix edits) lies in part `i` (its end may touch the next part's start). */
function within(f: Finding, startLines: number[], i: number): boolean {
  const first = startLines[i];
  const next = startLines[i + 1];
  const inside = (p: Position) => p.line >= first && (next === undefined || p.line < next || (p.line === next && p.character === 0));
  const rangeInside = (r: Range) => inside(r.start) && inside(r.end);
  return rangeInside(f.range) && f.fixes.every((fx) => fx.edits.every((e) => rangeInside(e.range)));
}

const moveRange = (r: Range, by: number): Range => ({
  start: { line: r.start.line + by, character: r.start.character },
  end: { line: r.end.line + by, character: r.end.character },
});

function move(f: Finding, by: number): Finding {
  return {
    ...f,
    range: moveRange(f.range, by),
    fixes: f.fixes.map((fx) => ({ ...fx, edits: fx.edits.map((e) => ({ ...e, range: moveRange(e.range, by) })) })),
  };
}
