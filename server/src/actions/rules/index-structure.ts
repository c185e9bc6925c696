// Structure, expressions, the job graph and names (actionlint's territory), one file each.
import type { Rule } from '../../engine/types';
import type { ActionsModel } from '../model';
import { duplicateKey } from './duplicate-key';
import { emptyValue } from './empty-value';
import { expression } from './expression';
import { ifCond } from './if-cond';
import { requiredKey } from './required-key';
import { unknownKey } from './unknown-key';
import { valueType } from './value-type';

export const structureRules: Rule<ActionsModel>[] = [unknownKey, valueType, emptyValue, requiredKey, duplicateKey, expression, ifCond];
