// BuildKit's build checks and Shipshape's own production rules, each in its own file.
import type { Rule } from '../../engine/types';
import type { DockerfileModel } from '../model';

export const buildkitRules: Rule<DockerfileModel>[] = [];
