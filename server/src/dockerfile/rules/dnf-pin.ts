import { DNF } from '../packages';
import { rpmPinRule } from '../rpm-rules';

/** dnf, dnf5 and microdnf. */
export const dnfPin = rpmPinRule({ id: 'dockerfile/dnf-pin', alias: 'DL3041', tool: DNF, name: 'dnf' });
