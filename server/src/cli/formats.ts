// Output formats of `shipshape lint`. The JSON shape is a published contract: add fields only inside findings.
import type * as Crypto from 'node:crypto';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Finding, Kind, RuleMeta, Severity } from '../engine/types';
import { docsUrl } from '../engine/registry';
import type { LineIndex } from '../engine/text';
import { safeFixOf } from '../engine/lint';

/** Loaded when SARIF output needs it: loading node:crypto costs every CLI run and every lint thread ~10 ms otherwise. */
let crypto: typeof Crypto | undefined;
const createHash = (algorithm: string) => (crypto ??= require('node:crypto') as typeof Crypto).createHash(algorithm);

export interface FileReport {
  /** As shown to the user: relative to the working directory, with forward slashes. */
  path: string;
  kind: Kind;
  findings: Finding[];
  index: LineIndex;
}

export interface JsonFinding {
  rule: string;
  aliases: string[];
  severity: Severity;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  fixable: boolean;
}

export function jsonFinding(f: Finding): JsonFinding {
  return {
    rule: f.ruleId,
    aliases: f.aliases,
    severity: f.severity,
    message: f.message,
    line: f.range.start.line + 1,
    column: f.range.start.character + 1,
    endLine: f.range.end.line + 1,
    endColumn: f.range.end.character + 1,
    fixable: !!safeFixOf(f),
  };
}

export function formatJson(files: FileReport[]): string {
  return JSON.stringify({
    version: 1,
    files: files.map((f) => ({ path: f.path, kind: f.kind, findings: f.findings.map(jsonFinding) })),
  });
}

export function formatText(files: FileReport[]): string {
  const lines: string[] = [];
  for (const file of files) {
    for (const f of file.findings) {
      lines.push(`${file.path}:${f.range.start.line + 1}:${f.range.start.character + 1}: ${f.severity} ${f.message} [${f.ruleId}]`);
    }
  }
  return lines.join('\n');
}

function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

const GITHUB_LEVEL: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice', hint: 'notice' };

export function formatGithub(files: FileReport[]): string {
  const lines: string[] = [];
  for (const file of files) {
    for (const f of file.findings) {
      const j = jsonFinding(f);
      const props = [
        `file=${escapeProperty(file.path)}`,
        `line=${j.line}`,
        `col=${j.column}`,
        `endLine=${j.endLine}`,
        `endColumn=${j.endColumn}`,
        `title=${escapeProperty(f.ruleId)}`,
      ].join(',');
      lines.push(`::${GITHUB_LEVEL[f.severity]} ${props}::${escapeData(f.message)}`);
    }
  }
  return lines.join('\n');
}

const SARIF_LEVEL: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

/**
 * SARIF 2.1.0 for GitHub code scanning. Fingerprints hash the rule, the file and the offending line's text
 * (plus its occurrence number), so they survive edits elsewhere in the file.
 */
export function formatSarif(files: FileReport[], rules: RuleMeta[], version: string, cwd: string): string {
  const used = new Map<string, number>();
  const ruleList: RuleMeta[] = [];
  for (const file of files) {
    for (const f of file.findings) {
      if (used.has(f.ruleId)) continue;
      const meta = rules.find((r) => r.id === f.ruleId);
      if (!meta) continue;
      used.set(f.ruleId, ruleList.length);
      ruleList.push(meta);
    }
  }
  const results = [];
  for (const file of files) {
    const occurrences = new Map<string, number>();
    for (const f of file.findings) {
      const lineText = file.index.lineText(f.range.start.line).trim();
      const base = `${f.ruleId}\u0000${file.path}\u0000${lineText}`;
      const n = (occurrences.get(base) ?? 0) + 1;
      occurrences.set(base, n);
      const hash = createHash('sha256').update(`${base}\u0000${n}`).digest('hex').slice(0, 32);
      const j = jsonFinding(f);
      results.push({
        ruleId: f.ruleId,
        ...(used.has(f.ruleId) ? { ruleIndex: used.get(f.ruleId) } : {}),
        level: SARIF_LEVEL[f.severity],
        message: { text: f.message },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: encodeURI(file.path), uriBaseId: '%SRCROOT%' },
              region: { startLine: j.line, startColumn: j.column, endLine: j.endLine, endColumn: j.endColumn },
            },
          },
        ],
        partialFingerprints: { primaryLocationLineHash: `${hash}:${n}` },
      });
    }
  }
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'Shipshape',
            version,
            semanticVersion: version,
            informationUri: 'https://github.com/shipshape-dev/shipshape',
            rules: ruleList.map((r) => ({
              id: r.id,
              name: r.id.replace(/[/-](.)/g, (_, c: string) => c.toUpperCase()).replace(/^./, (c) => c.toUpperCase()),
              shortDescription: { text: r.description },
              fullDescription: { text: r.description },
              helpUri: docsUrl(r.id),
              help: { text: r.docs, markdown: r.docs },
              defaultConfiguration: { level: SARIF_LEVEL[r.severity] },
              properties: { tags: [r.category, ...r.aliases], precision: 'high' },
            })),
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(cwd + path.sep).href } },
        results,
      },
    ],
  };
  return JSON.stringify(sarif, null, 2);
}
