import type { Rule } from '../../engine/types';
import type { DockerfileModel } from '../model';

/** Parse problems are reported by the language under this id; the rule itself checks nothing more. */
export const dockerfileSyntax: Rule<DockerfileModel> = {
  id: 'dockerfile/syntax',
  aliases: [],
  severity: 'error',
  profile: 'recommended',
  category: 'correctness',
  description: 'The Dockerfile has a syntax error the builder would reject.',
  docs: 'Shipshape reports what the Docker builder rejects — unknown instructions, missing arguments, bad flags — on the exact token, and keeps checking the rest of the file.',
  check() {},
};
