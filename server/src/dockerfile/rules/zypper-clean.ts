import { ZYPPER } from '../packages';
import { rpmCleanRule } from '../rpm-rules';

export const zypperClean = rpmCleanRule({
  id: 'dockerfile/zypper-clean',
  alias: 'DL3036',
  tool: ZYPPER,
  name: 'zypper',
  command: 'zypper clean',
  cleans: (args) => args[0] === 'clean' || args[0] === 'cc',
  cacheDir: /^\/var\/cache\/zypp\/?$/,
});
