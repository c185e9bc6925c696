// Value grammars the API server enforces beyond JSON types: quantities, DNS-1123 names, label keys and values,
// IANA service (port) names, port ranges. Each returns why a value is invalid, or undefined when it is fine.

// <number><suffix>: decimal SI (m, k, M, G, T, P, E), binary SI (Ki, Mi, Gi, Ti, Pi, Ei), or a decimal exponent.
const QUANTITY = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+|Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE])?$/;

export function quantityProblem(value: string): string | undefined {
  if (QUANTITY.test(value)) return undefined;
  const unit = /^[+-]?[\d.]+\s*([A-Za-z]+)$/.exec(value.trim())?.[1];
  const hint = unit ? UNIT_HINTS[unit] ?? UNIT_HINTS[unit.toLowerCase()] : undefined;
  if (hint) return `"${value}" is not a valid quantity: use \`${hint}\` (suffixes are m, k, M, G, T, P, E, Ki, Mi, Gi, Ti, Pi, Ei; case matters).`;
  if (/\s/.test(value)) return `"${value}" is not a valid quantity: no spaces between the number and the suffix.`;
  return `"${value}" is not a valid quantity: expected a number with an optional suffix (m, k, M, G, Ki, Mi, Gi...), e.g. 500m or 1Gi.`;
}

const UNIT_HINTS: Record<string, string> = {
  mb: 'M or Mi',
  mib: 'Mi',
  gb: 'G or Gi',
  gib: 'Gi',
  kb: 'k or Ki',
  kib: 'Ki',
  tb: 'T or Ti',
  g: 'G or Gi',
  mi: 'Mi',
  gi: 'Gi',
  ki: 'Ki',
  K: 'k or Ki',
};

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const QUALIFIED_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

export function dnsLabelProblem(value: string, what: string): string | undefined {
  if (value.length > 63) return `${what} "${value}" is longer than 63 characters.`;
  if (!DNS_LABEL.test(value)) return `${what} "${value}" must be a DNS-1123 label: lowercase letters, digits and "-", starting and ending with a letter or digit.`;
  return undefined;
}

export function dnsSubdomainProblem(value: string, what: string): string | undefined {
  if (value.length > 253) return `${what} "${value}" is longer than 253 characters.`;
  if (!DNS_SUBDOMAIN.test(value)) return `${what} "${value}" must be a DNS-1123 subdomain: lowercase letters, digits, "-" and ".", starting and ending with a letter or digit.`;
  return undefined;
}

/** Label and annotation keys: `[prefix/]name`, prefix a DNS subdomain, name ≤ 63 of [A-Za-z0-9-_.]. */
export function qualifiedNameProblem(key: string, what: string): string | undefined {
  const slash = key.lastIndexOf('/');
  const prefix = slash >= 0 ? key.slice(0, slash) : undefined;
  const name = slash >= 0 ? key.slice(slash + 1) : key;
  if (prefix !== undefined && (prefix.length === 0 || dnsSubdomainProblem(prefix, ''))) {
    return `${what} "${key}" has an invalid prefix: it must be a DNS-1123 subdomain (lowercase, e.g. example.com/).`;
  }
  if (name.length === 0 || name.length > 63) return `${what} "${key}": the name part must be 1 to 63 characters.`;
  if (!QUALIFIED_NAME.test(name)) return `${what} "${key}": the name part may contain only letters, digits, "-", "_" and ".", and must start and end with a letter or digit.`;
  return undefined;
}

export function labelValueProblem(value: string): string | undefined {
  if (value.length > 63) return `Label value "${value}" is longer than 63 characters.`;
  if (!LABEL_VALUE.test(value)) return `Label value "${value}" may contain only letters, digits, "-", "_" and ".", and must start and end with a letter or digit.`;
  return undefined;
}

/** Named ports: IANA service names (≤ 15 characters, lowercase letters, digits and single "-", at least one letter). */
export function portNameProblem(value: string): string | undefined {
  if (value.length > 15) return `Port name "${value}" is longer than 15 characters.`;
  if (!/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(value) || value.includes('--')) {
    return `Port name "${value}" may contain only lowercase letters, digits and single "-", not at the start or end.`;
  }
  if (!/[a-z]/.test(value)) return `Port name "${value}" must contain at least one letter.`;
  return undefined;
}

export function portNumberProblem(value: number, what: string): string | undefined {
  if (!Number.isInteger(value) || value < 1 || value > 65535) return `${what} ${value} is out of range: ports are 1 to 65535.`;
  return undefined;
}
