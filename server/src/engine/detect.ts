import * as path from 'node:path';
import { CONFIG_FILE_NAMES } from './config';
import type { Kind } from './types';

const DOCKERFILE_NAME = /^(?:(?:Dockerfile|Containerfile)(?:\..+)?|.+\.(?:dockerfile|Dockerfile|containerfile))$/;
const WORKFLOW_PATH = /(?:^|\/)\.(?:github|gitea|forgejo)\/workflows\/[^/]+\.ya?ml$/;
const YAML_EXT = /\.ya?ml$/i;
const ACTION_NAME = /^action\.ya?ml$/;
const KUSTOMIZATION_NAME = /^kustomization\.ya?ml$/;

// Content checks look at top-level keys only (column 0), the way the server sees a document before parsing it.
const TOP_ON = /^(?:on|"on"|'on')\s*:/m;
const TOP_JOBS = /^jobs\s*:/m;
const TOP_API_VERSION = /^(?:apiVersion|"apiVersion")\s*:/m;
const TOP_KIND = /^(?:kind|"kind")\s*:/m;
const TOP_RUNS = /^runs\s*:/m;

export function isDockerfileName(filePath: string): boolean {
  return DOCKERFILE_NAME.test(path.basename(filePath));
}

/**
 * Which kind a file is, from its path, the editor's language id and its content; undefined if none.
 * Kubernetes is recognised by content (top-level `apiVersion` and `kind`), never by file name alone.
 */
export function detectKind(filePath: string, text: string, languageId?: string): Kind | undefined {
  const normalized = filePath.replace(/\\/g, '/');
  const base = path.posix.basename(normalized);
  if (CONFIG_FILE_NAMES.includes(base)) return 'config';
  if (languageId === 'dockerfile' || isDockerfileName(base)) return 'dockerfile';
  const yamlish = YAML_EXT.test(base) || languageId === 'yaml' || languageId === 'github-actions-workflow';
  if (!yamlish) return undefined;
  if (WORKFLOW_PATH.test(normalized) || languageId === 'github-actions-workflow') return 'workflow';
  if (ACTION_NAME.test(base) && TOP_RUNS.test(text)) return 'action';
  if (TOP_ON.test(text) && TOP_JOBS.test(text)) return 'workflow';
  if (KUSTOMIZATION_NAME.test(base)) return 'kubernetes';
  if (TOP_API_VERSION.test(text) && TOP_KIND.test(text)) return 'kubernetes';
  return undefined;
}
