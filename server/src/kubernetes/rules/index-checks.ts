// kube-linter, Polaris and Pod Security checks, production rules and cross-object checks, one file each.
import type { Rule } from '../../engine/types';
import type { KubernetesModel } from '../model';
import { allowPrivilegeEscalation } from './allow-privilege-escalation';
import { automountServiceAccountToken } from './automount-service-account-token';
import { capabilitiesAdded } from './capabilities-added';
import { capabilitiesDropAll } from './capabilities-drop-all';
import { defaultServiceAccount } from './default-service-account';
import { hostNamespaces } from './host-namespaces';
import { hostPath } from './host-path';
import { hostPort } from './host-port';
import { hostProcess } from './host-process';
import { imageDigest } from './image-digest';
import { imageTag } from './image-tag';
import { livenessProbe } from './liveness-probe';
import { privilegedContainer } from './privileged-container';
import { procMount } from './proc-mount';
import { pssAppArmorProfile } from './pss-app-armor-profile';
import { pssRestrictedVolumes } from './pss-restricted-volumes';
import { pssRunAsNonRoot } from './pss-run-as-non-root';
import { pssRunAsUser } from './pss-run-as-user';
import { pssSeccompBaseline } from './pss-seccomp-baseline';
import { pssSeccompRestricted } from './pss-seccomp-restricted';
import { pssSeLinuxOptions } from './pss-se-linux-options';
import { readOnlyRootFilesystem } from './read-only-root-filesystem';
import { readinessProbe } from './readiness-probe';
import { resources } from './resources';
import { runAsNonRoot } from './run-as-non-root';
import { secretInEnv } from './secret-in-env';
import { unsafeSysctls } from './unsafe-sysctls';
import { defaultNamespace } from './default-namespace';
import { privilegedPorts } from './privileged-ports';
import { secretEnvRef } from './secret-env-ref';
import { restartPolicy } from './restart-policy';
import { exposedService } from './service-type';
import { wildcardRbac } from './wildcard-rbac';
import { writableHostMount } from './writable-host-mount';
import { rollingUpdate } from './rolling-update';
import { jobTtl } from './job-ttl';
import { pssHostProbes } from './pss-host-probes';
import { pdbUnhealthyEvictionPolicy } from './pdb-unhealthy-eviction-policy';
import { antiAffinity } from './anti-affinity';
import { networkPolicySelector } from './network-policy-selector';
import { probePort } from './probe-port';
import { sshPort } from './ssh-port';
import { duplicateEnvVar } from './duplicate-env-var';
import { deprecatedServiceAccount } from './deprecated-service-account';
import { serviceSelector } from './service-selector';
import { selectorMismatch } from './selector-mismatch';
import { missingReference } from './missing-reference';
import { ingressBackend } from './ingress-backend';
import { hpaTarget } from './hpa-target';
import { duplicateObject } from './duplicate-object';
import { serviceTargetPort } from './service-target-port';
import { rbacPodExecAttach } from './rbac-pod-exec-attach';
import { rbacBindingExecAttach } from './rbac-binding-exec-attach';
import { rbacBindingClusterAdmin } from './rbac-binding-cluster-admin';
import { podDisruptionBudget } from './pod-disruption-budget';
import { networkPolicy } from './network-policy';
import { pdbDisruptions } from './pdb-disruptions';
import { hpaReplicas } from './hpa-replicas';
import { pdbMinAvailableVsHpa } from './pdb-min-available-vs-hpa';
import { imagePullPolicy } from './image-pull-policy';
import { replicas } from './replicas';
import { priorityClass } from './priority-class';
import { topologySpread } from './topology-spread';
import { ingressTls } from './ingress-tls';
import { instanceLabel } from './instance-label';
import { sensitiveConfigMap } from './sensitive-configmap';
import { linuxHardening } from './linux-hardening';
import { accessToSecrets } from './access-to-secrets';
import { accessToCreatePods } from './access-to-create-pods';
import { danglingServiceMonitor } from './dangling-service-monitor';
import { sccPrivilegedContainer } from './scc-privileged-container';
import { requiredLabelOwner } from './required-label-owner';
import { requiredAnnotationEmail } from './required-annotation-email';
import { dnsConfigOptions } from './dns-config-options';
import { nodeAffinity } from './node-affinity';
import { priorityClassName } from './priority-class-name';
import { hpaMinimumReplicas } from './hpa-minimum-replicas';
import { sortedKeys } from './sorted-keys';

export const checkRules: Rule<KubernetesModel>[] = [
  imageTag,
  imageDigest,
  livenessProbe,
  readinessProbe,
  resources,
  privilegedContainer,
  allowPrivilegeEscalation,
  runAsNonRoot,
  readOnlyRootFilesystem,
  capabilitiesDropAll,
  capabilitiesAdded,
  hostNamespaces,
  hostPath,
  hostPort,
  hostProcess,
  procMount,
  unsafeSysctls,
  pssAppArmorProfile,
  pssSeLinuxOptions,
  pssSeccompBaseline,
  pssRestrictedVolumes,
  pssRunAsNonRoot,
  pssRunAsUser,
  pssSeccompRestricted,
  pssHostProbes,
  secretInEnv,
  defaultServiceAccount,
  automountServiceAccountToken,
  rbacPodExecAttach,
  rbacBindingExecAttach,
  rbacBindingClusterAdmin,
  podDisruptionBudget,
  networkPolicy,
  pdbDisruptions,
  hpaReplicas,
  pdbMinAvailableVsHpa,
  imagePullPolicy,
  replicas,
  priorityClass,
  topologySpread,
  ingressTls,
  instanceLabel,
  sensitiveConfigMap,
  linuxHardening,
  probePort,
  sshPort,
  duplicateEnvVar,
  deprecatedServiceAccount,
  serviceSelector,
  selectorMismatch,
  missingReference,
  ingressBackend,
  hpaTarget,
  duplicateObject,
  serviceTargetPort,
  pdbUnhealthyEvictionPolicy,
  antiAffinity,
  networkPolicySelector,
  privilegedPorts,
  secretEnvRef,
  restartPolicy,
  exposedService,
  wildcardRbac,
  writableHostMount,
  rollingUpdate,
  jobTtl,
  defaultNamespace,
  accessToSecrets,
  accessToCreatePods,
  danglingServiceMonitor,
  sccPrivilegedContainer,
  requiredLabelOwner,
  requiredAnnotationEmail,
  dnsConfigOptions,
  nodeAffinity,
  priorityClassName,
  hpaMinimumReplicas,
  sortedKeys,
];
