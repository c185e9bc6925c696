// Shipshape's custom LSP requests and notifications, shared by the server and the VS Code client (no imports, so
// the client bundle stays free of server code). Other clients can send them too.

/** Lints every matching file of the workspace folders and publishes diagnostics per file; cancellable. */
export const LINT_WORKSPACE_REQUEST = 'shipshape/lintWorkspace';
/** Sent by the server while linting the workspace: `{ done, total, file? }`. */
export const LINT_PROGRESS_NOTIFICATION = 'shipshape/lintWorkspaceProgress';
/** Returns every rule with its metadata and markdown docs (`RuleListEntry[]`). */
export const RULES_REQUEST = 'shipshape/rules';

export interface LintWorkspaceResult {
  files: number;
  findings: number;
  errors: number;
  warnings: number;
  cancelled: boolean;
}

export interface LintProgress {
  done: number;
  total: number;
  file?: string;
}

export interface RuleListEntry {
  id: string;
  aliases: string[];
  kind: string;
  severity: string;
  profile: string;
  description: string;
  docs: string;
  url: string;
}
