// The events a workflow can be triggered by, their activity types, and which filters each accepts.

const PR_TYPES = 'assigned unassigned labeled unlabeled opened edited closed reopened synchronize converted_to_draft locked unlocked enqueued dequeued milestoned demilestoned ready_for_review review_requested review_request_removed auto_merge_enabled auto_merge_disabled stacked';

/** Event name → activity types (empty string: the event has no `types`; `*`: any custom type). */
export const EVENTS: Record<string, string> = {
  branch_protection_rule: 'created edited deleted',
  check_run: 'created rerequested completed requested_action',
  check_suite: 'completed requested rerequested',
  create: '',
  delete: '',
  deployment: '',
  deployment_status: '',
  discussion: 'created edited deleted transferred pinned unpinned labeled unlabeled locked unlocked category_changed answered unanswered',
  discussion_comment: 'created edited deleted',
  fork: '',
  gollum: '',
  image_version: '',
  issue_comment: 'created edited deleted',
  issues: 'opened edited deleted transferred pinned unpinned closed reopened assigned unassigned labeled unlabeled locked unlocked milestoned demilestoned typed untyped field_added field_removed',
  label: 'created edited deleted',
  merge_group: 'checks_requested',
  milestone: 'created closed opened edited deleted',
  page_build: '',
  project: 'created closed reopened edited deleted',
  project_card: 'created moved converted edited deleted',
  project_column: 'created updated moved deleted',
  public: '',
  pull_request: PR_TYPES,
  pull_request_comment: 'created edited deleted',
  pull_request_review: 'submitted edited dismissed',
  pull_request_review_comment: 'created edited deleted',
  pull_request_target: PR_TYPES,
  push: '',
  registry_package: 'published updated',
  release: 'published unpublished created edited deleted prereleased released',
  repository_dispatch: '*',
  schedule: '',
  status: '',
  watch: 'started',
  workflow_call: '',
  workflow_dispatch: '',
  workflow_run: 'completed requested in_progress',
};

export const FILTERS: Record<string, string[]> = {
  branches: ['merge_group', 'push', 'pull_request', 'pull_request_target', 'workflow_run'],
  'branches-ignore': ['merge_group', 'push', 'pull_request', 'pull_request_target', 'workflow_run'],
  tags: ['push'],
  'tags-ignore': ['push'],
  paths: ['push', 'pull_request', 'pull_request_target'],
  'paths-ignore': ['push', 'pull_request', 'pull_request_target'],
  workflows: ['workflow_run'],
  names: ['image_version'],
  versions: ['image_version'],
};

export const EXCLUSIVE_FILTERS: Array<[string, string]> = [
  ['branches', 'branches-ignore'],
  ['tags', 'tags-ignore'],
  ['paths', 'paths-ignore'],
];

export const EVENT_DOCS: Record<string, string> = {
  push: 'Runs on pushes of commits or tags. Filters: `branches`, `tags`, `paths` (and their `-ignore` forms).',
  pull_request: 'Runs on pull request activity, with the merge commit and a read-only token for forks. Filters: `types`, `branches`, `paths`.',
  pull_request_target: 'Runs in the context of the base branch with a read/write token and secrets — never check out and run the pull request\'s code here.',
  workflow_dispatch: 'Manual trigger from the Actions tab, the API or `gh workflow run`, with up to 25 typed `inputs`.',
  workflow_call: 'Makes this workflow reusable: other workflows call it with `jobs.<id>.uses`. Declares `inputs`, `secrets` and `outputs`.',
  schedule: 'Runs on a cron schedule (UTC unless `timezone:` is set); the shortest interval is 5 minutes.',
  workflow_run: 'Runs when another workflow is requested or completes (`workflows:` names it). Runs with secrets: treat artifacts of the triggering run as untrusted.',
  release: 'Runs on release activity (`published`, `created`...).',
  issues: 'Runs on issue activity.',
  issue_comment: 'Runs when a comment on an issue or pull request is created, edited or deleted.',
  merge_group: 'Runs when a pull request is added to a merge queue (`checks_requested`).',
  repository_dispatch: 'Runs when the `repository_dispatch` API is called; `types` are your own event types.',
};
