import { DNF } from '../packages';
import { rpmCleanRule } from '../rpm-rules';

/** dnf, dnf5 and microdnf (which share dnf's and yum's cache directories). */
export const dnfClean = rpmCleanRule({
  id: 'dockerfile/dnf-clean',
  alias: 'DL3040',
  tool: DNF,
  name: 'dnf',
  command: 'dnf clean all',
  cleans: (args) => args[0] === 'clean' && args[1] === 'all',
  cacheDir: /^\/var\/cache\/(dnf|yum)\/?$/,
});
