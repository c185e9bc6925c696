// Kustomize patch files hold partial objects (`spec: {replicas: 3}`): their required fields live in the base.
// A file counts as a patch when a kustomization.yaml beside it or one folder up lists it as a patch, or when its
// name says so (`*patch*.yaml`).
import * as path from 'node:path';
import { parse } from 'yaml';
import type { WorkspaceReader } from '../../engine/types';

const PATCH_KEYS = ['patches', 'patchesStrategicMerge', 'patchesJson6902'];

function patchPaths(kustomization: string): string[] {
  let data: unknown;
  try {
    data = parse(kustomization);
  } catch {
    return [];
  }
  if (!data || typeof data !== 'object') return [];
  const out: string[] = [];
  for (const key of PATCH_KEYS) {
    const list = (data as Record<string, unknown>)[key];
    if (!Array.isArray(list)) continue;
    for (const item of list) {
      if (typeof item === 'string') out.push(item);
      else if (item && typeof item === 'object' && typeof (item as { path?: unknown }).path === 'string') out.push((item as { path: string }).path);
    }
  }
  return out;
}

export function isKustomizePatch(filePath: string, workspace: WorkspaceReader | undefined): boolean {
  const base = path.basename(filePath);
  if (/patch/i.test(base) && !/^kustomization\.ya?ml$/.test(base)) return true;
  if (!workspace) return false;
  const target = path.resolve(filePath);
  for (const dir of [path.dirname(target), path.dirname(path.dirname(target))]) {
    for (const name of ['kustomization.yaml', 'kustomization.yml', 'Kustomization']) {
      const file = path.join(dir, name);
      const text = workspace.readText(file);
      if (text === undefined) continue;
      if (patchPaths(text).some((p) => path.resolve(dir, p) === target)) return true;
    }
  }
  return false;
}
