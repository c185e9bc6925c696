// The `on:` section: event names, activity types, filters, schedules and the inputs of manual/reusable triggers.
// Produces problems tagged with the actionlint kind they correspond to; rules actions/events and actions/glob read them.
import type { Node, Pair, Scalar, YAMLMap } from 'yaml';
import { isMap, isScalar, isSeq } from '../yaml/yaml';
import { closest } from './expr/checker';
import type { ActionsModel } from './model';
import { caseDuplicates, isExpression, keyText, nodeKind, pairOf, resolve } from './structure';
import { cronProblem } from './cron';
import { renameAddsErrors, wouldDuplicate } from './rename-check';
import { EVENTS, EXCLUSIVE_FILTERS, FILTERS } from './webhooks';

export interface EventProblem {
  alias: 'events' | 'syntax-check';
  message: string;
  node: Node | Pair;
  /** A did-you-mean rename; `safe` when the renamed trigger is sure to be valid. */
  rename?: { key: Scalar; to: string; safe?: boolean };
  severity?: 'error' | 'warning';
}

export interface FilterValue {
  filter: string;
  event: string;
  node: Scalar;
}

export interface EventAnalysis {
  problems: EventProblem[];
  /** Every branch/tag/path filter pattern, for the glob rule. */
  filters: FilterValue[];
  /** Event names the workflow is triggered by. */
  events: string[];
}

const cache = new WeakMap<ActionsModel, EventAnalysis>();
const DISPATCH_TYPES = ['string', 'number', 'boolean', 'choice', 'environment'];
const CALL_TYPES = ['boolean', 'number', 'string'];

const isNull = (n: unknown) => n === null || n === undefined || (isScalar(n) && n.value === null);

export function eventsOf(model: ActionsModel): EventAnalysis {
  const found = cache.get(model);
  if (found) return found;
  const out = analyseEvents(model);
  cache.set(model, out);
  // A rename is safe when it collides with no sibling key and the analysis, repeated with the new name, finds no
  // new error (renaming to "schedule" or "types" exposes their empty values).
  const on = model.root && pairOf(model.root, 'on')?.value;
  for (const p of out.problems) {
    if (!p.rename) continue;
    const { key, to } = p.rename;
    if (wouldDuplicate(on as Node | null | undefined, key, to)) {
      p.rename = undefined;
      continue;
    }
    p.rename.safe = !renameAddsErrors(key, to, p, out.problems, () => analyseEvents(model).problems, (q) => (q.severity === 'warning' ? undefined : `${q.alias}\0${q.message}`));
  }
  return out;
}

function analyseEvents(model: ActionsModel): EventAnalysis {
  const out: EventAnalysis = { problems: [], filters: [], events: [] };
  if (model.kind !== 'workflow' || !model.root) return out;
  const onPair = pairOf(model.root, 'on');
  if (!onPair) return out;
  const doc = model.yaml.docs[0];
  const on = resolve(doc, onPair.value);
  const problem = (alias: EventProblem['alias'], node: Node | Pair, message: string, extra: Partial<EventProblem> = {}) => out.problems.push({ alias, node, message, ...extra });

  const eventName = (node: Scalar): string | undefined => {
    const name = String(node.value ?? '');
    if (!name) {
      problem('syntax-check', node, 'The event name is empty.');
      return undefined;
    }
    if (!(name in EVENTS)) {
      const guess = closest(name, Object.keys(EVENTS));
      problem('events', node, `Unknown event "${name}".${guess ? ` Did you mean "${guess}"?` : ''}`, guess ? { rename: { key: node, to: guess } } : {});
      return undefined;
    }
    out.events.push(name);
    return name;
  };

  if (isScalar(on)) {
    if (isNull(on) || on.value === '') {
      problem('syntax-check', isNull(on) ? onPair : on, '"on" is empty: name at least one event that triggers the workflow.');
      return out;
    }
    const name = eventName(on);
    if (name === 'schedule') problem('syntax-check', on, 'The schedule event needs a mapping with cron entries: on: { schedule: [{ cron: "..." }] }.');
    return out;
  }
  if (isSeq(on)) {
    if (!on.items.length) problem('syntax-check', on, '"on" is an empty list: name at least one event.');
    for (const item of on.items) {
      if (!isScalar(item)) {
        problem('syntax-check', item as Node, `An event in the "on" list must be a name, not ${nodeKind(item)}.`);
        continue;
      }
      const name = eventName(item);
      if (name === 'schedule') problem('syntax-check', item, 'The schedule event needs a mapping with cron entries: on: { schedule: [{ cron: "..." }] }.');
    }
    return out;
  }
  if (!isMap(on)) {
    problem('syntax-check', (on ?? onPair) as Node, `"on" must be an event name, a list or a mapping, not ${nodeKind(on)}.`);
    return out;
  }
  if (!on.items.length) problem('syntax-check', onPair, '"on" is empty: name at least one event.');
  for (const pair of on.items) {
    if (!isScalar(pair.key)) continue;
    const name = eventName(pair.key as Scalar);
    if (!name) continue;
    const value = resolve(doc, pair.value);
    if (name === 'schedule') {
      schedule(value, pair as Pair, problem);
      continue;
    }
    if (isNull(value)) continue;
    if (!isMap(value)) {
      problem('syntax-check', value as Node, `The "${name}" event takes a mapping of settings (or nothing), not ${nodeKind(value)}.`);
      continue;
    }
    if (name === 'workflow_dispatch' || name === 'workflow_call') {
      trigger(name, value, doc, problem, pair.key as Node);
      continue;
    }
    eventConfig(name, value, out, problem, doc);
  }
  return out;
}

type Problem = (alias: EventProblem['alias'], node: Node | Pair, message: string, extra?: Partial<EventProblem>) => void;

function listItems(raw: unknown, name: string, pair: Pair, problem: Problem, doc?: Parameters<typeof resolve>[0]): Scalar[] {
  const value = resolve(doc, raw);
  if (isScalar(value)) {
    if (value.value === null || value.value === '') {
      problem('syntax-check', isNull(value) ? pair : value, `"${name}" is empty.`);
      return [];
    }
    return [value];
  }
  if (isSeq(value)) {
    if (!value.items.length) problem('syntax-check', value, `"${name}" is an empty list.`);
    return value.items.map((i) => resolve(doc, i)).filter((i): i is Scalar => {
      if (!isScalar(i)) {
        problem('syntax-check', i as Node, `Entries of "${name}" must be strings, not ${nodeKind(i)}.`);
        return false;
      }
      if (i.value === null || i.value === '') {
        problem('syntax-check', i, `An entry of "${name}" is empty.`);
        return false;
      }
      return true;
    });
  }
  if (isNull(value)) problem('syntax-check', pair, `"${name}" is empty.`);
  else problem('syntax-check', value as Node, `"${name}" must be a string or a list of strings, not ${nodeKind(value)}.`);
  return [];
}

function eventConfig(name: string, config: YAMLMap, out: EventAnalysis, problem: Problem, doc: Parameters<typeof resolve>[0]): void {
  const allowedKeys = [...(EVENTS[name] ? ['types'] : []), ...Object.keys(FILTERS).filter((f) => FILTERS[f].includes(name))];
  for (const pair of config.items) {
    const key = keyText(pair as Pair);
    if (key === 'types') {
      const types = EVENTS[name];
      const items = listItems(pair.value, 'types', pair as Pair, problem, doc);
      if (!types) {
        problem('events', pair as Pair, `The "${name}" event has no activity types.`);
        continue;
      }
      if (types === '*') continue;
      const known = types.split(' ');
      for (const t of items) {
        const v = String(t.value);
        if (v.includes('${{') || known.includes(v)) continue;
        const guess = closest(v, known);
        problem('events', t, `Unknown activity type "${v}" for the "${name}" event.${guess ? ` Did you mean "${guess}"?` : ''} Types are ${known.join(', ')}.`, guess ? { rename: { key: t, to: guess } } : {});
      }
      continue;
    }
    if (key in FILTERS) {
      if (!FILTERS[key].includes(name)) {
        problem('events', pair as Pair, `The "${key}" filter does not apply to the "${name}" event (only to ${FILTERS[key].join(', ')}).`);
        continue;
      }
      for (const v of listItems(pair.value, key, pair as Pair, problem, doc)) out.filters.push({ filter: key, event: name, node: v });
      continue;
    }
    const guess = closest(key, allowedKeys);
    problem('syntax-check', pair.key as Node, `Unknown key "${key}" for the "${name}" event.${guess ? ` Did you mean "${guess}"?` : ''} Expected one of: ${allowedKeys.join(', ')}.`, guess ? { rename: { key: pair.key as Scalar, to: guess } } : {});
  }
  for (const [a, b] of EXCLUSIVE_FILTERS) {
    const pa = pairOf(config, a);
    const pb = pairOf(config, b);
    if (pa && pb) {
      const later = (pa.key as Node).range![0] > (pb.key as Node).range![0] ? pa : pb;
      problem('events', later.key as Node, `"${a}" and "${b}" cannot both filter the "${name}" event: use "${a}" with "!pattern" entries to exclude.`);
    }
  }
}

function schedule(value: unknown, pair: Pair, problem: Problem): void {
  if (!isSeq(value)) {
    problem('syntax-check', isNull(value) ? pair : (value as Node), isNull(value) ? '"schedule" is empty: add entries like - cron: "0 3 * * 1".' : '"schedule" must be a list of { cron: "..." } entries.');
    return;
  }
  if (!value.items.length) problem('syntax-check', value, '"schedule" is an empty list.');
  for (const item of value.items) {
    if (!isMap(item)) {
      problem('syntax-check', item as Node, 'A schedule entry must be a mapping with "cron".');
      continue;
    }
    for (const p of item.items) {
      const k = keyText(p as Pair);
      if (k === 'cron') {
        const v = p.value;
        if (!isScalar(v) || typeof v.value !== 'string' || !v.value.trim()) {
          problem('syntax-check', (v ?? p) as Node, '"cron" must be a non-empty cron expression like "0 3 * * 1".');
          continue;
        }
        const bad = cronProblem(v.value);
        // GitHub accepts a faster schedule and simply runs it every 5 minutes at most: a warning, not an error.
        if (bad) problem('events', v, bad.message, bad.tooFrequent ? { severity: 'warning' } : {});
      } else if (k === 'timezone') {
        const v = p.value;
        if (!isScalar(v) || !validTimezone(String(v.value ?? ''))) problem('events', (v ?? p) as Node, `"${isScalar(v) ? String(v.value) : ''}" is not an IANA time zone name (like "Europe/Berlin" or "UTC").`);
      } else {
        problem('syntax-check', p.key as Node, `Unknown key "${k}" in a schedule entry. Expected cron or timezone.`);
      }
    }
    if (!pairOf(item, 'cron')) problem('syntax-check', item.items[0]?.key as Node ?? item, 'A schedule entry needs "cron".');
  }
}

/** Answers by time zone name: making a DateTimeFormat to ask is slow, and workflows repeat a few names. */
const timezones = new Map<string, boolean>();

export function validTimezone(tz: string): boolean {
  if (!tz.trim() || tz !== tz.trim()) return false;
  let valid = timezones.get(tz);
  if (valid === undefined) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: tz });
      valid = true;
    } catch {
      valid = false;
    }
    if (timezones.size >= 1000) timezones.clear();
    timezones.set(tz, valid);
  }
  return valid;
}

const TRIGGER_KEYS: Record<string, string[]> = { workflow_dispatch: ['inputs'], workflow_call: ['inputs', 'outputs', 'secrets'] };
const INPUT_KEYS: Record<string, string[]> = {
  workflow_dispatch: ['description', 'required', 'default', 'type', 'options', 'deprecationMessage'],
  workflow_call: ['description', 'required', 'default', 'type'],
};

function trigger(name: 'workflow_dispatch' | 'workflow_call', config: YAMLMap, doc: Parameters<typeof resolve>[0], problem: Problem, eventKey: Node): void {
  for (const pair of config.items) {
    const key = keyText(pair as Pair);
    if (!TRIGGER_KEYS[name].includes(key)) {
      const guess = closest(key, TRIGGER_KEYS[name]);
      // GitHub ignores unknown keys here (they do not fail the workflow), so they are warnings.
      problem('syntax-check', pair.key as Node, `Unknown key "${key}" for the "${name}" event: GitHub ignores it. Expected ${TRIGGER_KEYS[name].join(', ')}.`, { severity: 'warning', ...(guess ? { rename: { key: pair.key as Scalar, to: guess } } : {}) });
      continue;
    }
    const section = resolve(doc, pair.value);
    if (isNull(section)) continue;
    if (!isMap(section)) {
      problem('syntax-check', section as Node, `"${key}" of the "${name}" event must be a mapping, not ${nodeKind(section)}.`);
      continue;
    }
    for (const d of caseDuplicates(section)) problem('syntax-check', d.key, `"${d.name}" duplicates "${d.previous}" in ${key} of the ${name} event: these names are case-insensitive.`);
    if (key === 'inputs') {
      if (name === 'workflow_dispatch' && section.items.length > 25) problem('events', eventKey, `A workflow_dispatch event takes at most 25 inputs; this one has ${section.items.length}.`);
      for (const p of section.items) if (keyText(p as Pair) !== '<<') input(name, keyText(p as Pair), resolve(doc, p.value), p as Pair, problem);
    } else {
      const allowed = key === 'outputs' ? ['description', 'value'] : ['description', 'required'];
      for (const p of section.items) {
        const v = resolve(doc, p.value);
        if (isNull(v)) {
          if (key === 'outputs') problem('syntax-check', p as Pair, `Output "${keyText(p as Pair)}" needs a "value".`);
          continue;
        }
        if (!isMap(v)) {
          problem('syntax-check', v as Node, `"${keyText(p as Pair)}" must be a mapping, not ${nodeKind(v)}.`);
          continue;
        }
        for (const q of v.items) {
          const k = keyText(q as Pair);
          if (!allowed.includes(k)) problem('syntax-check', q.key as Node, `Unknown key "${k}" in ${key} of the workflow_call event. Expected ${allowed.join(', ')}.`, closest(k, allowed) ? { rename: { key: q.key as Scalar, to: closest(k, allowed)! } } : {});
        }
        const valuePair = pairOf(v, 'value');
        if (key === 'outputs' && valuePair && isNull(valuePair.value)) problem('syntax-check', valuePair.key as Node, `Output "${keyText(p as Pair)}" has an empty "value".`);
        if (key === 'outputs' && !valuePair) problem('syntax-check', p.key as Node, `Output "${keyText(p as Pair)}" of the workflow_call event needs a "value".`);
      }
    }
  }
}

function input(event: string, id: string, value: unknown, pair: Pair, problem: Problem): void {
  if (isNull(value)) {
    if (event === 'workflow_call') problem('syntax-check', pair, `Input "${id}" of the workflow_call event needs a "type".`);
    return;
  }
  if (!isMap(value)) {
    problem('syntax-check', value as Node, `Input "${id}" must be a mapping, not ${nodeKind(value)}.`);
    return;
  }
  const allowed = INPUT_KEYS[event];
  for (const q of value.items) {
    const k = keyText(q as Pair);
    if (!allowed.includes(k)) {
      const guess = closest(k, allowed);
      problem('syntax-check', q.key as Node, `Unknown key "${k}" in input "${id}" of the ${event} event.${guess ? ` Did you mean "${guess}"?` : ''} Expected one of: ${allowed.join(', ')}.`, guess ? { rename: { key: q.key as Scalar, to: guess } } : {});
    }
  }
  const requiredNode = pairOf(value, 'required')?.value;
  if (isScalar(requiredNode) && typeof requiredNode.value !== 'boolean' && requiredNode.value !== null && !String(requiredNode.value).includes('${{')) {
    problem('syntax-check', requiredNode, `"required" of input "${id}" must be true or false, not "${String(requiredNode.value)}".`);
  }
  const typeNode = pairOf(value, 'type')?.value;
  if (typeNode && !isScalar(typeNode)) {
    problem('syntax-check', typeNode as Node, `"type" of input "${id}" must be a type name, not ${nodeKind(typeNode)}.`);
    return;
  }
  const type = isScalar(typeNode) ? String(typeNode.value ?? '') : undefined;
  const types = event === 'workflow_call' ? CALL_TYPES : DISPATCH_TYPES;
  if (type !== undefined && !types.includes(type)) {
    problem('syntax-check', typeNode as Node, `Input type "${type}" is not valid for the ${event} event: use ${types.join(', ')}.`);
    return;
  }
  if (event === 'workflow_call' && !typeNode) problem('syntax-check', pair.key as Node, `Input "${id}" of the workflow_call event needs a "type" (boolean, number or string).`);
  const defaultPair = pairOf(value, 'default');
  const def = defaultPair?.value;
  const defText = isScalar(def) && def.value !== null ? String(def.value) : undefined;
  const required = pairOf(value, 'required')?.value;
  if (event === 'workflow_call' && defaultPair && isScalar(required) && required.value === true) {
    problem('events', (def ?? defaultPair) as Node, `Input "${id}" is required, so its default "${defText ?? ''}" is never used.`, { severity: 'warning' });
  }
  if (defText !== undefined && !defText.includes('${{')) {
    if (type === 'boolean' && !/^(true|false)$/.test(defText)) problem('events', def as Node, `Input "${id}" is a boolean: its default must be true or false, not "${defText}".`);
    if (type === 'number' && (defText.trim() === '' || Number.isNaN(Number(defText)))) problem('events', def as Node, `Input "${id}" is a number: its default "${defText}" is not a number.`);
  }
  const optionsPair = pairOf(value, 'options');
  if (event === 'workflow_dispatch') {
    if (optionsPair && type !== 'choice') problem('events', pair.key as Node, `"options" only applies to inputs of type choice; input "${id}" is ${type ? `of type ${type}` : 'untyped (string)'}.`);
    const options = optionsPair?.value;
    if (type === 'choice') {
      if (!isSeq(options) || !options.items.length) {
        if (isSeq(options)) problem('syntax-check', options, '"options" is an empty list.');
        problem('events', pair.key as Node, `Input "${id}" is a choice but has no "options".`);
        return;
      }
      const seen = new Set<string>();
      for (const o of options.items) {
        if (!isScalar(o)) continue;
        const v = String(o.value ?? '');
        if (!v) problem('syntax-check', o, 'An option is empty.');
        if (seen.has(v)) problem('events', o, `Option "${v}" is listed twice in input "${id}".`);
        seen.add(v);
      }
      if (defText !== undefined && !seen.has(defText) && !defText.includes('${{')) problem('events', def as Node, `The default "${defText}" of input "${id}" is not one of its options (${[...seen].join(', ')}).`);
    }
  }
  if (isExpression(def) && event === 'workflow_dispatch') problem('events', def as Node, `The default of workflow_dispatch input "${id}" cannot be an expression.`, { severity: 'warning' });
}
