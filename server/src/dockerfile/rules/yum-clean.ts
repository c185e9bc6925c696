import { YUM } from '../packages';
import { rpmCleanRule } from '../rpm-rules';

export const yumClean = rpmCleanRule({
  id: 'dockerfile/yum-clean',
  alias: 'DL3032',
  tool: YUM,
  name: 'yum',
  command: 'yum clean all',
  cleans: (args) => args[0] === 'clean' && args[1] === 'all',
  cacheDir: /^\/var\/cache\/yum\/?$/,
});
