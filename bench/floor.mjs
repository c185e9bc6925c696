// The floor: our lint time as a multiple of a bare parse by the library we build on (yaml parseAllDocuments,
// dockerfile-ast). Also the lint after a one-character edit, which reuses what it can of the previous version
// (unchanged `---` documents of a YAML file, unchanged Dockerfile instructions are not parsed again).
//
// Fairness: parse and lint get the same warm-up, their runs are interleaved (parse, lint, parse, lint…) so that GC
// and machine noise fall on both, and every full-lint run sees a fresh text (a different trailing comment) and a
// fresh path, so no cache keyed on either can answer; the parse gets the same fresh texts. Median of `runs`.
import { createRequire } from 'node:module';
import { GENERATORS, FILE_NAMES } from './generate.mjs';

const require = createRequire(import.meta.url);

const median = (times) => {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};

/** Runs each of `fns` `runs` times, interleaved, after `warmup` untimed rounds of each; returns their medians. */
function interleaved(fns, runs, warmup) {
  for (let i = 0; i < warmup; i++) for (const fn of fns) fn(-1 - i);
  const times = fns.map(() => []);
  for (let i = 0; i < runs; i++) {
    fns.forEach((fn, k) => {
      const t = performance.now();
      fn(i);
      times[k].push(performance.now() - t);
    });
  }
  return times.map(median);
}

const COMMENT = { dockerfile: '#', kubernetes: '#', workflow: '#' };

export function floors(enginePath, sizes, runs, kinds = ['dockerfile', 'kubernetes', 'workflow']) {
  const lib = require(enginePath);
  const { parseAllDocuments } = require('yaml');
  const { DockerfileParser } = require('dockerfile-ast');
  const engine = new lib.Engine(lib.createRegistry());
  const config = lib.mergeConfig(lib.DEFAULT_CONFIG);
  const ws = lib.memoryWorkspace({});
  const rows = [];
  const warmup = 5;
  for (const kind of kinds) {
    for (const lines of sizes) {
      const text = GENERATORS[kind](lines);
      const file = (i) => `/bench/run${i}/${FILE_NAMES[kind]}`;
      // A fresh text per run: the same document with a different last comment line.
      const fresh = (i) => `${text}${COMMENT[kind]} run ${i}\n`;
      const bareParse = kind === 'dockerfile' ? (t) => DockerfileParser.parse(t) : (t) => parseAllDocuments(t);
      const lint = (t, path, reuseFindings = false) => engine.lint({ path, text: t, kind, config, workspace: ws, reuseFindings });
      const [parseMs, lintMs] = interleaved(
        [
          (i) => bareParse(fresh(i)),
          (i) => {
            lib.clearParseCache();
            lib.clearDockerfileParseCache?.();
            lint(fresh(i), file(i));
          },
        ],
        runs,
        warmup,
      );
      // One-character edits in the middle (alternately adding and removing it), as the server sees them while
      // typing: the same path, the previous version linted just before, its findings reused where the language allows.
      const mid = text.indexOf('\n', Math.floor(text.length / 2));
      const edited = text.slice(0, mid) + 'x' + text.slice(mid);
      const editPath = `/bench/edit/${FILE_NAMES[kind]}`;
      const [editParseMs, editLintMs] = interleaved([(i) => bareParse(i % 2 ? text : edited), (i) => lint(i % 2 ? text : edited, editPath, true)], runs, warmup);
      rows.push({ kind, lines, parseMs, lintMs, editLintMs, editParseMs });
    }
  }
  return rows;
}
