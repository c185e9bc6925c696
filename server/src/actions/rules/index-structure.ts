// Structure, expressions, the job graph and names (actionlint's territory), one file each.
import type { Rule } from '../../engine/types';
import type { ActionsModel } from '../model';
import { deprecatedCommands } from './deprecated-commands';
import { duplicateKey } from './duplicate-key';
import { emptyValue } from './empty-value';
import { envVar } from './env-var';
import { events } from './events';
import { expression } from './expression';
import { glob } from './glob';
import { ids } from './ids';
import { ifCond } from './if-cond';
import { jobNeeds } from './job-needs';
import { matrix } from './matrix';
import { permissions } from './permissions';
import { requiredKey } from './required-key';
import { runnerLabel } from './runner-label';
import { shellName } from './shell-name';
import { unknownKey } from './unknown-key';
import { valueType } from './value-type';
import { yamlAnchors } from './yaml-anchors';

export const structureRules: Rule<ActionsModel>[] = [
  unknownKey,
  valueType,
  emptyValue,
  requiredKey,
  duplicateKey,
  yamlAnchors,
  events,
  glob,
  permissions,
  jobNeeds,
  ids,
  matrix,
  runnerLabel,
  shellName,
  envVar,
  deprecatedCommands,
  expression,
  ifCond,
];
