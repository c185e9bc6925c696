// Editor settings (`shipshape.*`) → an engine config layer.
import type { ConfigLayer } from '../engine/config';
import { PROFILES, type Profile, type SeverityOrOff } from '../engine/types';

export interface ShipshapeSettings {
  enable?: boolean;
  rules?: Record<string, SeverityOrOff>;
  profile?: Profile;
  run?: 'onType' | 'onSave';
  maxFileSizeKb?: number;
  dockerfile?: Record<string, unknown>;
  kubernetes?: Record<string, unknown>;
  actions?: Record<string, unknown>;
}

const SEVERITIES = new Set(['error', 'warning', 'info', 'hint', 'off']);

export function settingsLayer(s: ShipshapeSettings | undefined): ConfigLayer {
  if (!s || typeof s !== 'object') return {};
  const rules: Record<string, SeverityOrOff> = {};
  for (const [k, v] of Object.entries(s.rules ?? {})) if (SEVERITIES.has(String(v))) rules[k] = v as SeverityOrOff;
  const domains: Record<string, Record<string, unknown>> = {};
  for (const d of ['dockerfile', 'kubernetes', 'actions'] as const) {
    const v = s[d];
    if (!v || typeof v !== 'object') continue;
    // VS Code reports unset settings as their declared default (null here): only set values override `.shipshape.yaml`.
    const set = Object.fromEntries(Object.entries(v).filter(([, value]) => value !== null && value !== undefined && value !== ''));
    if (Object.keys(set).length) domains[d] = set;
  }
  return {
    profile: PROFILES.includes(s.profile as Profile) ? s.profile : undefined,
    rules,
    maxFileSizeKb: typeof s.maxFileSizeKb === 'number' && s.maxFileSizeKb > 0 ? s.maxFileSizeKb : undefined,
    domains,
  };
}
