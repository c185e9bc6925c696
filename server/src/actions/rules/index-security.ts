// Actions used, security audits (zizmor's territory) and CI/CD practice, one file each.
import type { Rule } from '../../engine/types';
import type { ActionsModel } from '../model';
import { withZizmorIgnore } from '../zizmor-ignore';
import { actionInputs } from './action-inputs';
import { archivedUses } from './archived-uses';
import { artipacked } from './artipacked';
import { botConditions } from './bot-conditions';
import { cachePoisoning } from './cache-poisoning';
import { dangerousTriggers } from './dangerous-triggers';
import { deployRollback } from './deploy-rollback';
import { excessivePermissions } from './excessive-permissions';
import { githubEnv } from './github-env';
import { hardcodedCredentials } from './hardcoded-credentials';
import { imageScan } from './image-scan';
import { insecureCommands } from './insecure-commands';
import { jobTimeout } from './job-timeout';
import { missingPermissions } from './missing-permissions';
import { npmCi } from './npm-ci';
import { outdatedRuntime } from './outdated-runtime';
import { overprovisionedSecrets } from './overprovisioned-secrets';
import { reusableWorkflowCall } from './reusable-workflow-call';
import { secretsInherit } from './secrets-inherit';
import { selfHostedRunner } from './self-hosted-runner';
import { setupCache } from './setup-cache';
import { shellcheck } from './shellcheck';
import { templateInjection } from './template-injection';
import { unknownStepOutput } from './unknown-step-output';
import { unpinnedImages } from './unpinned-images';
import { unpinnedPackages } from './unpinned-packages';
import { unpinnedUses } from './unpinned-uses';
import { unredactedSecrets } from './unredacted-secrets';
import { unsoundContains } from './unsound-contains';
import { useTrustedPublishing } from './use-trusted-publishing';
import { usesFormat } from './uses-format';

const rules: Rule<ActionsModel>[] = [
  // actions used
  usesFormat, actionInputs, unknownStepOutput, outdatedRuntime, reusableWorkflowCall,
  // security (zizmor)
  unpinnedUses, templateInjection, dangerousTriggers, excessivePermissions, missingPermissions, artipacked,
  hardcodedCredentials, secretsInherit, overprovisionedSecrets, cachePoisoning, githubEnv, botConditions,
  unsoundContains, insecureCommands, unpinnedImages, selfHostedRunner, archivedUses, unredactedSecrets, useTrustedPublishing,
  // CI/CD practice
  npmCi, unpinnedPackages, setupCache, jobTimeout, imageScan, deployRollback, shellcheck,
];

/** Findings of rules that stand for a zizmor audit also offer a `# zizmor: ignore[...]` comment. */
export const securityRules: Rule<ActionsModel>[] = rules.map((r) => (r.aliases.some((a) => a.startsWith('zizmor/')) ? withZizmorIgnore(r) : r));
