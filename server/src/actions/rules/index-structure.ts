// Structure, expressions, the job graph and names (actionlint's territory), one file each.
import type { Rule } from '../../engine/types';
import type { ActionsModel } from '../model';

export const structureRules: Rule<ActionsModel>[] = [];
