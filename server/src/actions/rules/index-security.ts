// Actions used, security audits (zizmor's territory) and CI/CD practice, one file each.
import type { Rule } from '../../engine/types';
import type { ActionsModel } from '../model';
import { unpinnedUses } from './unpinned-uses';

export const securityRules: Rule<ActionsModel>[] = [unpinnedUses];
