import type { Rule } from '../../engine/types';
import type { DockerfileModel } from '../model';
import { dockerfileSyntax } from './syntax';
import { hadolintRules } from './index-hadolint';
import { buildkitRules } from './index-buildkit';

export const dockerfileRules: Rule<DockerfileModel>[] = [dockerfileSyntax, ...hadolintRules, ...buildkitRules];
