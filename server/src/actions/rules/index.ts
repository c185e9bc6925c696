import type { Rule } from '../../engine/types';
import type { ActionsModel } from '../model';
import { actionsSyntax } from './syntax';
import { structureRules } from './index-structure';
import { securityRules } from './index-security';

/** Rules for workflows and action metadata files; each rule checks `model.kind` where it matters. */
export const actionsRules: Rule<ActionsModel>[] = [actionsSyntax, ...structureRules, ...securityRules];
