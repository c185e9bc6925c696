// hadolint's rules (DLxxxx), each in its own file. Rules that BuildKit also has carry both codes as aliases.
import type { Rule } from '../../engine/types';
import type { DockerfileModel } from '../model';
import { jsonArgs } from './json-args';
import { latestTag } from './latest-tag';
import { untaggedImage } from './untagged-image';

export const hadolintRules: Rule<DockerfileModel>[] = [untaggedImage, latestTag, jsonArgs];
