import { DNF } from '../packages';
import { rpmYesRule } from '../rpm-rules';

/** dnf, dnf5 and microdnf. */
export const dnfYes = rpmYesRule({ id: 'dockerfile/dnf-yes', alias: 'DL3038', tool: DNF, name: 'dnf' });
