// Static types of expression values, as far as a workflow tells them.

export type Ty =
  | { k: 'any' }
  | { k: 'null' }
  | { k: 'bool' }
  | { k: 'number' }
  | { k: 'string' }
  | { k: 'array'; elem: Ty }
  /** `props` are known properties; `rest` types any other property (undefined = other properties are errors). */
  | { k: 'object'; props: Map<string, Ty>; rest?: Ty };

export const ANY: Ty = { k: 'any' };
export const NULL: Ty = { k: 'null' };
export const BOOL: Ty = { k: 'bool' };
export const NUMBER: Ty = { k: 'number' };
export const STRING: Ty = { k: 'string' };

export function arrayOf(elem: Ty): Ty {
  return { k: 'array', elem };
}

/** A closed object: only the listed properties exist. Property names are case-insensitive, stored lower-case. */
export function obj(props: Record<string, Ty> = {}, rest?: Ty): Ty {
  return { k: 'object', props: new Map(Object.entries(props).map(([k, v]) => [k.toLowerCase(), v])), rest };
}

/** A map with any keys (env, secrets, vars, step outputs). */
export function mapOf(value: Ty): Ty {
  return { k: 'object', props: new Map(), rest: value };
}

export function show(t: Ty): string {
  switch (t.k) {
    case 'array':
      return `array<${show(t.elem)}>`;
    case 'object': {
      if (!t.props.size) return t.rest ? `{string => ${show(t.rest)}}` : '{}';
      const inner = [...t.props].sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => `${k}: ${show(v)}`).join('; ');
      return `{${inner}}`;
    }
    default:
      return t.k;
  }
}

/** The type of a property, or undefined when the object has no such property. */
export function propertyOf(t: Ty, name: string): Ty | undefined {
  if (t.k === 'any') return ANY;
  if (t.k !== 'object') return undefined;
  return t.props.get(name.toLowerCase()) ?? t.rest;
}

/** Joins two types (for arrays built from mixed elements, `||`, `&&`). */
export function merge(a: Ty, b: Ty): Ty {
  if (a.k === b.k && a.k !== 'object' && a.k !== 'array') return a;
  if (a.k === 'array' && b.k === 'array') return arrayOf(merge(a.elem, b.elem));
  return ANY;
}

/** Whether a value of type `from` may be passed where `to` is expected (loosely: any and null fit everywhere). */
export function assignable(to: Ty, from: Ty): boolean {
  if (to.k === 'any' || from.k === 'any') return true;
  if (to.k === 'string') return from.k === 'string' || from.k === 'number' || from.k === 'bool' || from.k === 'null';
  if (to.k === 'number') return from.k === 'number' || from.k === 'null' || from.k === 'bool';
  if (to.k === 'bool') return true;
  if (to.k === 'array') return from.k === 'array';
  if (to.k === 'object') return from.k === 'object';
  return to.k === from.k;
}

/** A type from a literal YAML value (matrix rows, inputs). */
export function typeOfValue(v: unknown): Ty {
  if (v === null || v === undefined) return NULL;
  if (typeof v === 'boolean') return BOOL;
  if (typeof v === 'number') return NUMBER;
  if (typeof v === 'string') return v.includes('${{') ? ANY : STRING;
  if (Array.isArray(v)) return arrayOf(v.map(typeOfValue).reduce(merge, v.length ? typeOfValue(v[0]) : ANY));
  if (typeof v === 'object') return obj(Object.fromEntries(Object.entries(v as object).map(([k, x]) => [k, typeOfValue(x)])));
  return ANY;
}
