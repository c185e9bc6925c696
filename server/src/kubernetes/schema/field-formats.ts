// Which fields carry names, labels and ports, and the grammar each must follow.
import { dnsLabelProblem, dnsSubdomainProblem, labelValueProblem, portNameProblem, portNumberProblem, qualifiedNameProblem } from './formats';

export interface FormatProblem {
  code: 'name' | 'port';
  message: string;
}

/** Kinds whose names must be DNS-1123 labels (they become DNS names or hostnames). */
const LABEL_NAMED_KINDS = new Set(['Namespace', 'Service']);
/** Kinds whose names must be DNS-1123 subdomains. Others (RBAC roles allow `system:…`, custom resources) are left alone. */
const SUBDOMAIN_NAMED_KINDS = new Set([
  'Pod', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ReplicationController', 'Job', 'CronJob', 'ConfigMap',
  'Secret', 'ServiceAccount', 'PersistentVolume', 'PersistentVolumeClaim', 'Ingress', 'IngressClass', 'NetworkPolicy',
  'HorizontalPodAutoscaler', 'PodDisruptionBudget', 'StorageClass', 'PriorityClass', 'ResourceQuota', 'LimitRange',
  'Endpoints', 'PodTemplate', 'RuntimeClass', 'CSIDriver', 'VolumeAttachment', 'CustomResourceDefinition',
]);

const LABEL_MAPS = new Set(['ObjectMeta.labels', 'LabelSelector.matchLabels', 'ServiceSpec.selector', 'ReplicationControllerSpec.selector']);
const PORT_NUMBERS: Record<string, string> = {
  'ContainerPort.containerPort': 'containerPort',
  'ServicePort.port': 'Service port',
  'ServiceBackendPort.number': 'Backend port',
  'HTTPGetAction.port': 'Probe port',
  'TCPSocketAction.port': 'Probe port',
  'GRPCAction.port': 'Probe port',
  'ServicePort.targetPort': 'targetPort',
};
/** Port fields where 0 means "not set / allocate one". */
const OPTIONAL_PORTS: Record<string, string> = { 'ContainerPort.hostPort': 'hostPort', 'ServicePort.nodePort': 'nodePort' };
const PORT_NAMES = new Set(['ContainerPort.name', 'HTTPGetAction.port', 'TCPSocketAction.port', 'ServicePort.targetPort']);

const templated = (s: string) => /\{\{|\$\{|\$\(/.test(s);

export function fieldFormatProblem(parentType: string | undefined, field: string | undefined, part: 'key' | 'value', value: unknown, kind?: string): FormatProblem | undefined {
  if (!parentType || !field) return undefined;
  const at = `${parentType}.${field}`;
  if (typeof value === 'string' && templated(value)) return undefined;
  if (part === 'key') {
    if (typeof value !== 'string') return undefined;
    if (LABEL_MAPS.has(at)) return named(qualifiedNameProblem(value, 'Label key'));
    if (at === 'ObjectMeta.annotations') return named(qualifiedNameProblem(value, 'Annotation key'));
    return undefined;
  }
  if (LABEL_MAPS.has(at) && typeof value === 'string') return named(labelValueProblem(value));
  if (typeof value === 'string') {
    if (at === 'ObjectMeta.name' && kind) {
      if (LABEL_NAMED_KINDS.has(kind)) return named(dnsLabelProblem(value, `${kind} name`));
      if (SUBDOMAIN_NAMED_KINDS.has(kind)) return named(dnsSubdomainProblem(value, `${kind} name`));
    }
    if (at === 'ObjectMeta.namespace') return named(dnsLabelProblem(value, 'Namespace'));
    if (at === 'Container.name' || at === 'EphemeralContainer.name') return named(dnsLabelProblem(value, 'Container name'));
    if (at === 'ServicePort.name') return named(dnsLabelProblem(value, 'Service port name'));
    if (PORT_NAMES.has(at)) return named(portNameProblem(value));
    return undefined;
  }
  if (typeof value === 'number') {
    if (PORT_NUMBERS[at]) return port(portNumberProblem(value, PORT_NUMBERS[at]));
    if (OPTIONAL_PORTS[at] && value !== 0) return port(portNumberProblem(value, OPTIONAL_PORTS[at]));
  }
  return undefined;
}

const named = (message: string | undefined): FormatProblem | undefined => (message ? { code: 'name', message } : undefined);
const port = (message: string | undefined): FormatProblem | undefined => (message ? { code: 'port', message } : undefined);
