import { YUM } from '../packages';
import { rpmPinRule } from '../rpm-rules';

export const yumPin = rpmPinRule({ id: 'dockerfile/yum-pin', alias: 'DL3033', tool: YUM, name: 'yum' });
