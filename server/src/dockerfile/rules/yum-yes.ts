import { YUM } from '../packages';
import { rpmYesRule } from '../rpm-rules';

export const yumYes = rpmYesRule({ id: 'dockerfile/yum-yes', alias: 'DL3030', tool: YUM, name: 'yum' });
