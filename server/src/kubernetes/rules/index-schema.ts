// Schema validation, apiVersion deprecations and document-level rules (Helm, Kustomize, Argo, Flux), one file each.
import type { Rule } from '../../engine/types';
import type { KubernetesModel } from '../model';
import { deprecatedApiVersion } from './deprecated-api-version';
import { invalidEnumValue } from './invalid-enum-value';
import { invalidName } from './invalid-name';
import { invalidPort } from './invalid-port';
import { invalidQuantity } from './invalid-quantity';
import { invalidType } from './invalid-type';
import { kustomizeMissingFile } from './kustomize-missing-file';
import { missingRequiredField } from './missing-required-field';
import { templatedDocument } from './templated-document';
import { unknownField } from './unknown-field';
import { unknownKind } from './unknown-kind';

export const schemaRules: Rule<KubernetesModel>[] = [
  unknownField,
  invalidType,
  invalidEnumValue,
  missingRequiredField,
  invalidQuantity,
  invalidName,
  invalidPort,
  unknownKind,
  deprecatedApiVersion,
  templatedDocument,
  kustomizeMissingFile,
];
