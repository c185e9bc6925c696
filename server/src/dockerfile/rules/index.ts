import type { Rule } from '../../engine/types';
import type { DockerfileModel } from '../model';
import { dockerfileSyntax } from './syntax';
import { jsonArgs } from './json-args';
import { latestTag } from './latest-tag';
import { untaggedImage } from './untagged-image';

export const dockerfileRules: Rule<DockerfileModel>[] = [dockerfileSyntax, untaggedImage, latestTag, jsonArgs];
