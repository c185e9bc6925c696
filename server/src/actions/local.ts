// Local actions (`uses: ./path`) and local reusable workflows (`uses: ./.github/workflows/x.yml`), read from
// the workspace. Each file is parsed once per lint run of the caller (they are small).
import * as path from 'node:path';
import { parse } from 'yaml';
import type { WorkspaceReader } from '../engine/types';
import { catalogAction, type ActionMeta, type InputSpec } from './catalog';

// Parses keyed by content: several rules read the same callee in one lint run, and the editor re-lints often.
const parsed = new Map<string, Record<string, unknown> | undefined>();

function readYaml(ws: WorkspaceReader, file: string): Record<string, unknown> | undefined {
  const text = ws.readText(file);
  if (text === undefined) return undefined;
  const key = `${file}\u0000${text}`;
  if (parsed.has(key)) return parsed.get(key);
  let value: Record<string, unknown> | undefined;
  try {
    const v = parse(text, { logLevel: 'silent' });
    value = v && typeof v === 'object' ? (v as Record<string, unknown>) : undefined;
  } catch {
    value = undefined;
  }
  if (parsed.size > 200) parsed.clear();
  parsed.set(key, value);
  return value;
}

const obj = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});

export function localAction(ws: WorkspaceReader, root: string, rel: string): (ActionMeta & { file: string }) | undefined {
  for (const name of ['action.yml', 'action.yaml']) {
    const file = path.resolve(root, rel, name);
    const doc = readYaml(ws, file);
    if (!doc) continue;
    const inputs: Record<string, InputSpec> = {};
    for (const [k, v] of Object.entries(obj(doc.inputs))) {
      const spec = obj(v);
      inputs[k] = {
        required: spec.required === true || spec.required === 'true',
        hasDefault: spec.default !== undefined && spec.default !== null,
        deprecated: spec.deprecationMessage ? String(spec.deprecationMessage) : undefined,
      };
    }
    return { file, inputs, outputs: Object.keys(obj(doc.outputs)), using: String(obj(doc.runs).using ?? ''), source: rel, complete: true };
  }
  return undefined;
}

export interface CalleeInput {
  required: boolean;
  hasDefault: boolean;
  type?: string;
}

export interface WorkflowCallSpec {
  file: string;
  /** False when the file exists but has no `workflow_call` trigger. */
  callable: boolean;
  inputs: Record<string, CalleeInput>;
  secrets: Record<string, { required: boolean }>;
  outputs: string[];
}

export function localWorkflow(ws: WorkspaceReader, root: string, rel: string): WorkflowCallSpec | undefined {
  const file = path.resolve(root, rel);
  const doc = readYaml(ws, file);
  if (!doc) return undefined;
  const on = doc.on ?? doc['true'];
  const events = typeof on === 'string' ? [on] : Array.isArray(on) ? on.map(String) : Object.keys(obj(on));
  const call = obj(obj(on).workflow_call);
  const inputs: Record<string, CalleeInput> = {};
  for (const [k, v] of Object.entries(obj(call.inputs))) {
    const s = obj(v);
    inputs[k] = { required: s.required === true, hasDefault: s.default !== undefined, type: typeof s.type === 'string' ? s.type : undefined };
  }
  const secrets: Record<string, { required: boolean }> = {};
  for (const [k, v] of Object.entries(obj(call.secrets))) secrets[k] = { required: obj(v).required === true };
  return { file, callable: events.includes('workflow_call'), inputs, secrets, outputs: Object.keys(obj(call.outputs)) };
}

/** Metadata of the action a step uses: a local action from the workspace, or a catalogued popular action. */
export function resolveStepAction(ws: WorkspaceReader, root: string | undefined, uses: string, major?: number): ActionMeta | undefined {
  const v = uses.trim();
  if (v.startsWith('./')) return root ? localAction(ws, root, v) : undefined;
  if (v.startsWith('docker://') || v.includes('${{')) return undefined;
  const at = v.lastIndexOf('@');
  if (at < 0) return undefined;
  const m = /^v?(\d+)(?:\.\d+){0,2}$/.exec(v.slice(at + 1));
  return catalogAction(v.slice(0, at), m ? Number(m[1]) : major);
}
