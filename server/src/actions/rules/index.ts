import type { Rule } from '../../engine/types';
import type { ActionsModel } from '../model';
import { actionsSyntax } from './syntax';
import { unpinnedUses } from './unpinned-uses';

/** Rules for workflows; composite-action steps run the step rules too (see language.ts). */
export const actionsRules: Rule<ActionsModel>[] = [actionsSyntax, unpinnedUses];
