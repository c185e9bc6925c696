// BuildKit's build checks and Shipshape's own production rules, each in its own file.
import type { Rule } from '../../engine/types';
import type { DockerfileModel } from '../model';
import { consistentInstructionCasing } from './consistent-instruction-casing';
import { copyIgnoredFile } from './copy-ignored-file';
import { exposeInvalidFormat } from './expose-invalid-format';
import { exposeProtoCasing } from './expose-proto-casing';
import { fromAsCasing } from './from-as-casing';
import { fromPlatformFlagConstDisallowed } from './from-platform-flag-const-disallowed';
import { invalidDefaultArgInFrom } from './invalid-default-arg-in-from';
import { invalidDefinitionDescription } from './invalid-definition-description';
import { legacyKeyValueFormat } from './legacy-key-value-format';
import { noEmptyContinuation } from './no-empty-continuation';
import { redundantTargetPlatform } from './redundant-target-platform';
import { reservedStageName } from './reserved-stage-name';
import { secretsUsedInArgOrEnv } from './secrets-used-in-arg-or-env';
import { stageNameCasing } from './stage-name-casing';
import { undefinedArgInFrom } from './undefined-arg-in-from';
import { undefinedVar } from './undefined-var';
import { copyContextWithoutDockerignore } from './copy-context-without-dockerignore';
import { imageDigest } from './image-digest';
import { missingHealthcheck } from './missing-healthcheck';
import { npmCi } from './npm-ci';
import { pipUnpinned } from './pip-unpinned';
import { runsAsRoot } from './runs-as-root';
import { secretValues } from './secret-values';
import { shellcheck } from './shellcheck';
import { singleStageBuildTools } from './single-stage-build-tools';
import { yarnFrozenLockfile } from './yarn-frozen-lockfile';

export const buildkitRules: Rule<DockerfileModel>[] = [
  stageNameCasing,
  fromAsCasing,
  noEmptyContinuation,
  consistentInstructionCasing,
  reservedStageName,
  undefinedArgInFrom,
  undefinedVar,
  legacyKeyValueFormat,
  redundantTargetPlatform,
  secretsUsedInArgOrEnv,
  invalidDefaultArgInFrom,
  fromPlatformFlagConstDisallowed,
  copyIgnoredFile,
  exposeProtoCasing,
  exposeInvalidFormat,
  invalidDefinitionDescription,
  // Shipshape's production rules.
  runsAsRoot,
  missingHealthcheck,
  singleStageBuildTools,
  npmCi,
  pipUnpinned,
  yarnFrozenLockfile,
  secretValues,
  copyContextWithoutDockerignore,
  imageDigest,
  shellcheck,
];
