// Dockerfile completion: instruction keywords at the start of an instruction, the flags of the current instruction,
// flag values, `--mount` keys and values (`RUN --mount=type=cache,target=`), and stage names after `--from=`.
import type { CompletionEntry, Position } from '../../engine/types';
import type { DockerfileModel } from '../model';
import { instructionAt } from './hover';
import { CACHE_TARGETS, INSTRUCTIONS, INSTRUCTION_BY_KEYWORD, MOUNT_KEYS, MOUNT_KEY_VALUES, type FlagValue } from './reference';

const value = (v: FlagValue, detail: string, insert = v.value): CompletionEntry => ({ label: v.value, kind: 'value', detail, documentation: v.doc, insertText: insert });

export function dockerfileCompletions(model: DockerfileModel, p: Position): CompletionEntry[] {
  const lineBefore = model.index.lineText(p.line).slice(0, p.character);
  const ins = instructionAt(model, p);
  const insStart = ins?.getRange().start;
  // A new instruction starts here: the line holds only a (partial) keyword and we are not on a continuation line.
  const onContinuation = !!ins && insStart!.line < p.line;
  if (!onContinuation && /^\s*[A-Za-z]*$/.test(lineBefore)) {
    const lower = /^\s*[a-z]+$/.test(lineBefore);
    return INSTRUCTIONS.map((i, n) => ({
      label: i.keyword,
      kind: 'keyword',
      detail: i.syntax,
      documentation: i.doc,
      insertText: lower ? i.snippet.replace(i.keyword, i.keyword.toLowerCase()) : i.snippet,
      snippet: true,
      sortText: String(n).padStart(2, '0'),
    }));
  }
  if (!ins) return [];
  const keyword = ins.getKeyword().toUpperCase();
  const info = INSTRUCTION_BY_KEYWORD.get(keyword);
  if (!info) return [];
  const word = /(\S*)$/.exec(lineBefore)?.[1] ?? '';
  if (!word.startsWith('-')) return [];
  const eq = word.indexOf('=');
  if (eq < 0) {
    return info.flags.map((f) => ({
      label: `--${f.name}`,
      kind: 'property',
      detail: `${keyword} flag`,
      documentation: f.doc,
      insertText: f.boolean ? `--${f.name}` : `--${f.name}=`,
      filterText: `--${f.name}`,
      range: { start: { line: p.line, character: p.character - word.length }, end: p },
    }));
  }
  const flagName = word.slice(2, eq);
  const flagValue = word.slice(eq + 1);
  if (flagName === 'mount' && keyword === 'RUN') return mountCompletions(flagValue, p);
  if (flagName === 'from' && keyword === 'COPY') {
    const here = ins.getRange().start.line;
    return model.stages
      .filter((s) => s.name && s.from.getRange().start.line < here)
      .map((s) => ({ label: s.name!, kind: 'reference', detail: `stage ${s.index}`, documentation: `FROM ${s.image?.raw ?? ''}` }));
  }
  return (info.flags.find((f) => f.name === flagName)?.values ?? []).map((v) => value(v, `--${flagName}`));
}

function mountCompletions(spec: string, p: Position): CompletionEntry[] {
  const parts = spec.split(',');
  const current = parts[parts.length - 1];
  const type = /(?:^|,)type=([a-z]+)/.exec(spec)?.[1] ?? 'bind';
  const eq = current.indexOf('=');
  if (eq < 0) {
    const used = new Set(parts.slice(0, -1).map((kv) => kv.split('=')[0]));
    const keys: FlagValue[] = used.has('type') ? MOUNT_KEYS[type] ?? [] : [{ value: 'type', doc: 'Kind of mount: cache, secret, ssh, bind or tmpfs.' }, ...(MOUNT_KEYS[type] ?? [])];
    return keys
      .filter((k) => !used.has(k.value))
      .map((k) => ({
        label: k.value,
        kind: 'property',
        detail: `--mount ${type === 'bind' && !used.has('type') ? '' : `type=${type} `}option`,
        documentation: k.doc,
        insertText: k.value === 'readonly' || k.value === 'required' || k.value === 'rw' ? k.value : `${k.value}=`,
        range: { start: { line: p.line, character: p.character - current.length }, end: p },
      }));
  }
  const key = current.slice(0, eq);
  if (key === 'target' || key === 'dst' || key === 'destination') return type === 'cache' ? CACHE_TARGETS.map((v) => value(v, 'cache target')) : [];
  return (MOUNT_KEY_VALUES[key] ?? []).map((v) => value(v, `--mount ${key}`));
}
