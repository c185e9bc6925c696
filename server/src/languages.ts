// The file kinds Shipshape knows, wired into one registry for the server, the CLI and the tests.
import { Registry } from './engine/registry';
import { dockerfileLanguage } from './dockerfile/language';
import { kubernetesLanguage } from './kubernetes/language';
import { actionLanguage, workflowLanguage } from './actions/language';
import type { Language } from './engine/types';

export function createRegistry(): Registry {
  return new Registry([dockerfileLanguage, kubernetesLanguage, workflowLanguage, actionLanguage] as Language[]);
}
