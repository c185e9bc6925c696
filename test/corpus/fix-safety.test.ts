// Every fix the rules offer on the corpus is safe to apply: the document still parses, the finding is gone, no new
// error appears, comments stay, and fix-all reaches a fixed point. Generic: it covers whatever rules exist.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { DEFAULT_CONFIG, mergeConfig } from '../../server/src/engine/config';
import { Engine, type LintRequest } from '../../server/src/engine/lint';
import { detectKind } from '../../server/src/engine/detect';
import { applyEdits } from '../../server/src/engine/text';
import type { Finding, Kind } from '../../server/src/engine/types';
import { diskWorkspace } from '../../server/src/engine/workspace';
import { createRegistry } from '../../server/src/languages';
import { CORPUS, filesUnder, requireCorpus } from './corpus-path';

const engine = new Engine(createRegistry());
const config = mergeConfig(DEFAULT_CONFIG, { allRules: true });

/** Corpus files are named for their test case, not as users name them: kinds come from the folder when needed. */
function kindOf(file: string, text: string): Kind | undefined {
  const rel = path.relative(CORPUS, file).split(path.sep).join('/');
  if (rel.startsWith('dockerfile/')) return /Dockerfile|\.dockerfile$/i.test(path.basename(file)) ? 'dockerfile' : undefined;
  if (rel.startsWith('actions/') && /\.ya?ml$/.test(file)) return /\/\.github\/actions\//.test(rel) ? 'action' : 'workflow';
  if (rel.startsWith('kubernetes/') && /\.ya?ml$/.test(file)) return detectKind(file, text) === 'kubernetes' ? 'kubernetes' : undefined;
  return undefined;
}

const key = (f: Finding) => `${f.ruleId}\u0000${f.message}`;
const isSyntax = (f: Finding) => /\/syntax$/.test(f.ruleId) || f.ruleId === 'shipshape/internal-error';

function countBy(findings: Finding[], pick: (f: Finding) => boolean = () => true): Map<string, number> {
  const m = new Map<string, number>();
  for (const f of findings) if (pick(f)) m.set(key(f), (m.get(key(f)) ?? 0) + 1);
  return m;
}

/** `# ...` comments of a YAML file or Dockerfile (a `#` at the start or after whitespace), trimmed. */
function comments(text: string): Map<string, number> {
  const m = new Map<string, number>();
  for (const c of text.matchAll(/(?:^|[ \t])(#[^\r\n]*)/gm)) m.set(c[1].trim(), (m.get(c[1].trim()) ?? 0) + 1);
  return m;
}

function lost(before: Map<string, number>, after: Map<string, number>): string[] {
  return [...before].filter(([k, n]) => (after.get(k) ?? 0) < n).map(([k]) => k);
}

function added(before: Map<string, number>, after: Map<string, number>): string[] {
  return [...after].filter(([k, n]) => n > (before.get(k) ?? 0)).map(([k]) => k.replace('\u0000', ': '));
}

describe('fix safety over the corpus', () => {
  it('applies every fix of every finding safely', () => {
    requireCorpus();
    const failures: string[] = [];
    const perRule = new Map<string, { fixes: number; safe: number }>();
    let files = 0;
    let fixableFindings = 0;
    let fixesChecked = 0;
    let fixAllFiles = 0;
    const unsafeWithNewErrors: string[] = [];
    for (const file of filesUnder(CORPUS, (n) => !n.endsWith('.out') && !n.endsWith('.json') && !n.endsWith('.md'))) {
      const text = fs.readFileSync(file, 'utf8');
      const kind = kindOf(file, text);
      if (!kind) continue;
      files++;
      const rel = path.relative(CORPUS, file);
      const req: LintRequest = { path: file, text, kind, config, workspace: diskWorkspace(path.dirname(file)) };
      const before = engine.lint(req);
      const errorsBefore = countBy(before.findings, (f) => f.severity === 'error');
      const syntaxBefore = before.findings.filter(isSyntax).length;
      const commentsBefore = comments(text);
      for (const finding of before.findings) {
        if (!finding.fixes.length) continue;
        fixableFindings++;
        for (const fix of finding.fixes) {
          fixesChecked++;
          const stats = perRule.get(finding.ruleId) ?? { fixes: 0, safe: 0 };
          stats.fixes++;
          if (fix.safe !== false) stats.safe++;
          perRule.set(finding.ruleId, stats);
          const where = `${rel}:${finding.range.start.line + 1}:${finding.range.start.character + 1} ${finding.ruleId} "${fix.title}"`;
          const fixed = applyEdits(text, fix.edits);
          if (fixed.skipped.length) failures.push(`${where}: the fix's own edits overlap`);
          if (fixed.text === text) {
            failures.push(`${where}: the fix changes nothing`);
            continue;
          }
          const after = engine.lint({ ...req, text: fixed.text });
          if (after.findings.filter(isSyntax).length > syntaxBefore) failures.push(`${where}: the fixed document no longer parses: ${after.findings.filter(isSyntax).map((f) => f.message).join('; ')}`);
          if ((countBy(after.findings).get(key(finding)) ?? 0) >= (countBy(before.findings).get(key(finding)) ?? 0)) failures.push(`${where}: the finding is still there after the fix`);
          const newErrors = added(errorsBefore, countBy(after.findings, (f) => f.severity === 'error'));
          // Unsafe fixes (editor-only, never applied by --fix) may leave work to do, e.g. a corrected apiVersion
          // reveals the fields that version requires: counted, not failed. Safe fixes must not add errors.
          if (newErrors.length && fix.safe === false) unsafeWithNewErrors.push(`${where}: ${newErrors.join('; ')}`);
          else if (newErrors.length) failures.push(`${where}: the fix introduces errors: ${newErrors.join('; ')}`);
          const gone = lost(commentsBefore, comments(fixed.text));
          if (gone.length) failures.push(`${where}: the fix drops comments: ${gone.join(' | ')}`);
        }
      }
      if (before.findings.some((f) => f.fixes.some((x) => x.safe !== false))) {
        fixAllFiles++;
        const once = engine.fixAll(req);
        const twice = engine.fixAll({ ...req, text: once.text });
        if (twice.text !== once.text) failures.push(`${rel}: fix-all is not idempotent (a second run changes the file again)`);
        const gone = lost(commentsBefore, comments(once.text));
        if (gone.length) failures.push(`${rel}: fix-all drops comments: ${gone.join(' | ')}`);
      }
    }
    const table = [...perRule].sort().map(([id, s]) => `  ${id.padEnd(48)} ${String(s.fixes).padStart(5)} fixes (${s.safe} safe)`);
    console.log(`fix safety: ${files} files, ${fixableFindings} fixable findings, ${fixesChecked} fixes applied and checked, fix-all on ${fixAllFiles} files, ${failures.length} problems, ${unsafeWithNewErrors.length} unsafe fixes leaving new errors\n${table.join('\n')}${unsafeWithNewErrors.length ? `\nunsafe fixes leaving new errors (allowed):\n  ${unsafeWithNewErrors.join('\n  ')}` : ''}`);
    assert.ok(files > 500, `the corpus should have hundreds of lintable files, found ${files}`);
    assert.ok(fixesChecked > 0, 'some corpus finding should offer a fix');
    assert.deepEqual(failures, []);
  });
});
