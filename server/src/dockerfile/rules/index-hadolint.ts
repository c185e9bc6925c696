// hadolint's rules (DLxxxx), each in its own file. Rules that BuildKit also has carry both codes as aliases.
import type { Rule } from '../../engine/types';
import type { DockerfileModel } from '../model';
import { addForArchives } from './add-for-archives';
import { apkNoCache } from './apk-no-cache';
import { apkPin } from './apk-pin';
import { aptGetPin } from './apt-get-pin';
import { aptGetYes } from './apt-get-yes';
import { aptListsCleanup } from './apt-lists-cleanup';
import { aptNoRecommends } from './apt-no-recommends';
import { cdInsteadOfWorkdir } from './cd-instead-of-workdir';
import { consecutiveRun } from './consecutive-run';
import { copyDestSlash } from './copy-dest-slash';
import { copyFromKnownStage } from './copy-from-known-stage';
import { copyFromSelf } from './copy-from-self';
import { copyNotAdd } from './copy-not-add';
import { copyRelativeWithoutWorkdir } from './copy-relative-without-workdir';
import { copyWholeFilesystem } from './copy-whole-filesystem';
import { dnfClean } from './dnf-clean';
import { dnfPin } from './dnf-pin';
import { dnfYes } from './dnf-yes';
import { duplicateStageName } from './duplicate-stage-name';
import { envSelfReference } from './env-self-reference';
import { exposePortRange } from './expose-port-range';
import { fromPlatform } from './from-platform';
import { gemPin } from './gem-pin';
import { goInstallPin } from './go-install-pin';
import { healthcheckRequired } from './healthcheck-required';
import { instructionOrder } from './instruction-order';
import { jsonArgs } from './json-args';
import { labelEmpty } from './label-empty';
import { labelFormat } from './label-format';
import { labelKeyFormat } from './label-key-format';
import { labelMissing } from './label-missing';
import { labelSuperfluous } from './label-superfluous';
import { lastUserRoot } from './last-user-root';
import { latestTag } from './latest-tag';
import { maintainerDeprecated } from './maintainer-deprecated';
import { multipleInstructions } from './multiple-instructions';
import { noApt } from './no-apt';
import { noInlineIgnore } from './no-inline-ignore';
import { noSudo } from './no-sudo';
import { npmPin } from './npm-pin';
import { onbuildTrigger } from './onbuild-trigger';
import { pipNoCache } from './pip-no-cache';
import { pipPin } from './pip-pin';
import { pipefail } from './pipefail';
import { pointlessCommand } from './pointless-command';
import { shellViaLn } from './shell-via-ln';
import { trustedRegistry } from './trusted-registry';
import { untaggedImage } from './untagged-image';
import { userNumeric } from './user-numeric';
import { useraddHighUid } from './useradd-high-uid';
import { wgetAndCurl } from './wget-and-curl';
import { wgetProgress } from './wget-progress';
import { workdirAbsolute } from './workdir-absolute';
import { yarnCacheClean } from './yarn-cache-clean';
import { yumClean } from './yum-clean';
import { yumPin } from './yum-pin';
import { yumYes } from './yum-yes';
import { zypperClean } from './zypper-clean';
import { zypperDistUpgrade } from './zypper-dist-upgrade';
import { zypperPin } from './zypper-pin';
import { zypperYes } from './zypper-yes';

export const hadolintRules: Rule<DockerfileModel>[] = [
  addForArchives,
  apkNoCache,
  apkPin,
  aptGetPin,
  aptGetYes,
  aptListsCleanup,
  aptNoRecommends,
  cdInsteadOfWorkdir,
  consecutiveRun,
  copyDestSlash,
  copyFromKnownStage,
  copyFromSelf,
  copyNotAdd,
  copyRelativeWithoutWorkdir,
  copyWholeFilesystem,
  dnfClean,
  dnfPin,
  dnfYes,
  duplicateStageName,
  envSelfReference,
  exposePortRange,
  fromPlatform,
  gemPin,
  goInstallPin,
  healthcheckRequired,
  instructionOrder,
  jsonArgs,
  labelEmpty,
  labelFormat,
  labelKeyFormat,
  labelMissing,
  labelSuperfluous,
  lastUserRoot,
  latestTag,
  maintainerDeprecated,
  multipleInstructions,
  noApt,
  noInlineIgnore,
  noSudo,
  npmPin,
  onbuildTrigger,
  pipNoCache,
  pipPin,
  pipefail,
  pointlessCommand,
  shellViaLn,
  trustedRegistry,
  untaggedImage,
  userNumeric,
  useraddHighUid,
  wgetAndCurl,
  wgetProgress,
  workdirAbsolute,
  yarnCacheClean,
  yumClean,
  yumPin,
  yumYes,
  zypperClean,
  zypperDistUpgrade,
  zypperPin,
  zypperYes,
];
