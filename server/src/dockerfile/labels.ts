// Label schema checks (hadolint's `label-schema` config): the option `dockerfile.labelSchema` maps label names to
// a type; `dockerfile.strictLabels` also rejects labels not in the schema.
import type { Label } from 'dockerfile-ast';
import type { Range } from '../engine/types';
import { allStages, type DockerfileModel, type Stage } from './model';

export type LabelType = 'text' | 'url' | 'email' | 'rfc3339' | 'spdx' | 'hash' | 'semver';
const TYPES = new Set<LabelType>(['text', 'url', 'email', 'rfc3339', 'spdx', 'hash', 'semver']);

export function labelSchema(options: Record<string, unknown>): Map<string, LabelType> | undefined {
  const raw = options.labelSchema;
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return undefined;
  const schema = new Map<string, LabelType>();
  for (const [k, v] of Object.entries(raw)) if (TYPES.has(String(v) as LabelType)) schema.set(k, String(v) as LabelType);
  return schema.size ? schema : undefined;
}

export interface LabelPair {
  key: string;
  value: string;
  keyRange: Range;
  valueRange?: Range;
}

export function labelsOf(stage: Stage): LabelPair[] {
  const out: LabelPair[] = [];
  for (const ins of stage.instructions) {
    if (ins.getKeyword() !== 'LABEL') continue;
    for (const p of (ins as Label).getProperties()) {
      out.push({ key: p.getName().replace(/^(["'])(.*)\1$/, '$2'), value: p.getValue() ?? '', keyRange: p.getNameRange(), valueRange: p.getValueRange() ?? undefined });
    }
  }
  return out;
}

/** Every LABEL pair of the file, those before the first FROM (a fragment) included. */
export function* labelPairs(model: DockerfileModel): Generator<LabelPair> {
  for (const stage of allStages(model)) yield* labelsOf(stage);
}

const SPDX = new Set(
  ('0BSD AFL-3.0 AGPL-3.0 AGPL-3.0-only AGPL-3.0-or-later Apache-1.1 Apache-2.0 Artistic-2.0 BSD-1-Clause BSD-2-Clause ' +
    'BSD-3-Clause BSD-3-Clause-Clear BSD-4-Clause BSL-1.0 CC-BY-4.0 CC-BY-SA-4.0 CC0-1.0 CDDL-1.0 CDDL-1.1 CPL-1.0 ' +
    'ECL-2.0 EPL-1.0 EPL-2.0 EUPL-1.1 EUPL-1.2 GPL-1.0 GPL-2.0 GPL-2.0-only GPL-2.0-or-later GPL-3.0 GPL-3.0-only ' +
    'GPL-3.0-or-later ISC LGPL-2.0 LGPL-2.1 LGPL-2.1-only LGPL-2.1-or-later LGPL-3.0 LGPL-3.0-only LGPL-3.0-or-later ' +
    'MIT MIT-0 MPL-1.1 MPL-2.0 MS-PL MS-RL NCSA OFL-1.1 OSL-3.0 PHP-3.01 PostgreSQL Python-2.0 Ruby Unlicense UPL-1.0 ' +
    'Vim W3C WTFPL X11 Zlib ZPL-2.1 BlueOak-1.0.0 Artistic-1.0 CC-BY-3.0 CC-BY-NC-4.0 GFDL-1.3 LPPL-1.3c MulanPSL-2.0 ' +
    'SSPL-1.0 BUSL-1.1 Elastic-2.0 Classpath-exception-2.0 LLVM-exception GCC-exception-3.1')
    .toLowerCase()
    .split(' '),
);

function spdx(value: string): boolean {
  const tokens = value.replace(/[()]/g, ' ').split(/\s+/).filter(Boolean);
  if (!tokens.length) return false;
  return tokens.every((t, i) =>
    i % 2 === 1 ? /^(AND|OR|WITH)$/i.test(t) : SPDX.has(t.replace(/\+$/, '').toLowerCase()) || /^(LicenseRef|DocumentRef)-[A-Za-z0-9.-]+/.test(t),
  );
}

const VALID: Record<Exclude<LabelType, 'text'>, (v: string) => boolean> = {
  url: (v) => /^[a-z][a-z0-9+.-]*:\/\/[^\s/?#]+[^\s]*$/i.test(v),
  email: (v) => /^[^\s@<>()]+@[^\s@<>()]+\.[^\s@<>()]+$/.test(v),
  rfc3339: (v) => /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/.test(v) && !Number.isNaN(Date.parse(v.replace(' ', 'T'))),
  spdx,
  hash: (v) => /^([0-9a-f]{40}|[0-9a-f]{64})$/i.test(v),
  semver: (v) => /^v?(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$/.test(v),
};

/** Whether a value is valid for a type (`text` accepts anything). */
export function validLabelValue(type: LabelType, value: string): boolean {
  return type === 'text' || VALID[type](value);
}

/** hadolint's code for a malformed value of each label type. */
export const FORMAT_CODE: Record<Exclude<LabelType, 'text'>, string> = {
  url: 'DL3052',
  rfc3339: 'DL3053',
  spdx: 'DL3054',
  hash: 'DL3055',
  semver: 'DL3056',
  email: 'DL3058',
};
