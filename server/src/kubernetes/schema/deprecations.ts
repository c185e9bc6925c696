// Deprecated and removed API versions (from the Kubernetes deprecated API migration guide).
// `compatible`: the object can move to the replacement by changing `apiVersion` alone (a safe fix);
// `review`: it can, but behaviour changes subtly (fix offered, not applied by --fix); otherwise no fix.

export interface Deprecation {
  /** Replacement apiVersion, or undefined when the API is gone without one. */
  replacement?: string;
  /** Release that stopped serving it; undefined while it is only deprecated. */
  removedIn?: string;
  deprecatedIn: string;
  fix?: 'compatible' | 'review';
  /** What changed, when more than apiVersion must change. */
  note?: string;
}

const table: Array<[apiVersions: string[], kinds: string[], Deprecation]> = [
  [['extensions/v1beta1', 'apps/v1beta1', 'apps/v1beta2'], ['Deployment', 'DaemonSet', 'ReplicaSet', 'StatefulSet'], { replacement: 'apps/v1', removedIn: '1.16', deprecatedIn: '1.9', note: '`spec.selector` is now required and must match the template labels' }],
  [['apps/v1beta1', 'apps/v1beta2'], ['ControllerRevision'], { replacement: 'apps/v1', removedIn: '1.16', deprecatedIn: '1.9', fix: 'compatible' }],
  [['extensions/v1beta1'], ['NetworkPolicy'], { replacement: 'networking.k8s.io/v1', removedIn: '1.16', deprecatedIn: '1.9', fix: 'compatible' }],
  [['extensions/v1beta1'], ['PodSecurityPolicy'], { removedIn: '1.16', deprecatedIn: '1.11', note: 'PodSecurityPolicy was removed altogether in 1.25: use Pod Security Admission (namespace labels `pod-security.kubernetes.io/enforce`)' }],
  [['policy/v1beta1'], ['PodSecurityPolicy'], { removedIn: '1.25', deprecatedIn: '1.21', note: 'PodSecurityPolicy has no replacement API: use Pod Security Admission (namespace labels `pod-security.kubernetes.io/enforce`)' }],
  [['extensions/v1beta1', 'networking.k8s.io/v1beta1'], ['Ingress'], { replacement: 'networking.k8s.io/v1', removedIn: '1.22', deprecatedIn: '1.14', note: '`backend.serviceName`/`servicePort` became `backend.service.name`/`port.number`, and `pathType` is required' }],
  [['networking.k8s.io/v1beta1'], ['IngressClass'], { replacement: 'networking.k8s.io/v1', removedIn: '1.22', deprecatedIn: '1.19', fix: 'compatible' }],
  [['admissionregistration.k8s.io/v1beta1'], ['MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration'], { replacement: 'admissionregistration.k8s.io/v1', removedIn: '1.22', deprecatedIn: '1.16', note: '`sideEffects` and `admissionReviewVersions` are required and defaults changed' }],
  [['apiextensions.k8s.io/v1beta1'], ['CustomResourceDefinition'], { replacement: 'apiextensions.k8s.io/v1', removedIn: '1.22', deprecatedIn: '1.16', note: 'each version needs its own structural `schema.openAPIV3Schema`' }],
  [['apiregistration.k8s.io/v1beta1'], ['APIService'], { replacement: 'apiregistration.k8s.io/v1', removedIn: '1.22', deprecatedIn: '1.19', fix: 'compatible' }],
  [['authentication.k8s.io/v1beta1'], ['TokenReview'], { replacement: 'authentication.k8s.io/v1', removedIn: '1.22', deprecatedIn: '1.19', fix: 'compatible' }],
  [['authorization.k8s.io/v1beta1'], ['SubjectAccessReview', 'LocalSubjectAccessReview', 'SelfSubjectAccessReview', 'SelfSubjectRulesReview'], { replacement: 'authorization.k8s.io/v1', removedIn: '1.22', deprecatedIn: '1.19', note: '`spec.group` was renamed `spec.groups`' }],
  [['certificates.k8s.io/v1beta1'], ['CertificateSigningRequest'], { replacement: 'certificates.k8s.io/v1', removedIn: '1.22', deprecatedIn: '1.19', note: '`spec.signerName` is required' }],
  [['coordination.k8s.io/v1beta1'], ['Lease'], { replacement: 'coordination.k8s.io/v1', removedIn: '1.22', deprecatedIn: '1.19', fix: 'compatible' }],
  [['rbac.authorization.k8s.io/v1beta1', 'rbac.authorization.k8s.io/v1alpha1'], ['ClusterRole', 'ClusterRoleBinding', 'Role', 'RoleBinding'], { replacement: 'rbac.authorization.k8s.io/v1', removedIn: '1.22', deprecatedIn: '1.17', fix: 'compatible' }],
  [['scheduling.k8s.io/v1beta1', 'scheduling.k8s.io/v1alpha1'], ['PriorityClass'], { replacement: 'scheduling.k8s.io/v1', removedIn: '1.22', deprecatedIn: '1.14', fix: 'compatible' }],
  [['storage.k8s.io/v1beta1'], ['CSIDriver', 'CSINode', 'StorageClass', 'VolumeAttachment'], { replacement: 'storage.k8s.io/v1', removedIn: '1.22', deprecatedIn: '1.19', fix: 'compatible' }],
  [['batch/v1beta1', 'batch/v2alpha1'], ['CronJob'], { replacement: 'batch/v1', removedIn: '1.25', deprecatedIn: '1.21', fix: 'compatible' }],
  [['discovery.k8s.io/v1beta1'], ['EndpointSlice'], { replacement: 'discovery.k8s.io/v1', removedIn: '1.25', deprecatedIn: '1.21', note: 'per-endpoint `topology` became `nodeName` and `zone`' }],
  [['events.k8s.io/v1beta1'], ['Event'], { replacement: 'events.k8s.io/v1', removedIn: '1.25', deprecatedIn: '1.22', note: 'several fields were renamed (e.g. `deprecatedCount`) and `type` is restricted' }],
  [['autoscaling/v2beta1'], ['HorizontalPodAutoscaler'], { replacement: 'autoscaling/v2', removedIn: '1.25', deprecatedIn: '1.22', note: 'metric targets moved under `target` (`targetAverageUtilization` became `target.averageUtilization`)' }],
  [['autoscaling/v2beta2'], ['HorizontalPodAutoscaler'], { replacement: 'autoscaling/v2', removedIn: '1.26', deprecatedIn: '1.23', fix: 'compatible' }],
  [['policy/v1beta1'], ['PodDisruptionBudget'], { replacement: 'policy/v1', removedIn: '1.25', deprecatedIn: '1.21', fix: 'review', note: 'an empty `spec.selector` now selects every pod in the namespace instead of none' }],
  [['node.k8s.io/v1beta1'], ['RuntimeClass'], { replacement: 'node.k8s.io/v1', removedIn: '1.25', deprecatedIn: '1.20', fix: 'compatible' }],
  [['storage.k8s.io/v1beta1'], ['CSIStorageCapacity'], { replacement: 'storage.k8s.io/v1', removedIn: '1.27', deprecatedIn: '1.24', fix: 'compatible' }],
  [['flowcontrol.apiserver.k8s.io/v1beta1'], ['FlowSchema', 'PriorityLevelConfiguration'], { replacement: 'flowcontrol.apiserver.k8s.io/v1', removedIn: '1.26', deprecatedIn: '1.23', fix: 'review', note: 'PriorityLevelConfiguration `assuredConcurrencyShares` became `nominalConcurrencyShares`' }],
  [['flowcontrol.apiserver.k8s.io/v1beta2'], ['FlowSchema', 'PriorityLevelConfiguration'], { replacement: 'flowcontrol.apiserver.k8s.io/v1', removedIn: '1.29', deprecatedIn: '1.26', fix: 'review', note: 'PriorityLevelConfiguration `assuredConcurrencyShares` became `nominalConcurrencyShares`' }],
  [['flowcontrol.apiserver.k8s.io/v1beta3'], ['FlowSchema', 'PriorityLevelConfiguration'], { replacement: 'flowcontrol.apiserver.k8s.io/v1', removedIn: '1.32', deprecatedIn: '1.29', fix: 'compatible' }],
  [['admissionregistration.k8s.io/v1beta1', 'admissionregistration.k8s.io/v1alpha1'], ['ValidatingAdmissionPolicy', 'ValidatingAdmissionPolicyBinding'], { replacement: 'admissionregistration.k8s.io/v1', deprecatedIn: '1.30', fix: 'compatible' }],
  [['resource.k8s.io/v1beta1', 'resource.k8s.io/v1beta2'], ['DeviceClass', 'ResourceClaim', 'ResourceClaimTemplate', 'ResourceSlice'], { replacement: 'resource.k8s.io/v1', deprecatedIn: '1.34', fix: 'review', note: 'check the v1 field changes of Dynamic Resource Allocation' }],
];

const byKey = new Map<string, Deprecation>();
for (const [apiVersions, kinds, d] of table) for (const a of apiVersions) for (const k of kinds) byKey.set(`${a}|${k}`, d);

export function deprecationOf(apiVersion: string, kind: string): Deprecation | undefined {
  return byKey.get(`${apiVersion}|${kind}`);
}

/** Group/versions that only ever held deprecated objects (so "unknown version" is not reported for them). */
export const DEPRECATED_GROUP_VERSIONS = new Set(table.flatMap(([apiVersions]) => apiVersions));
