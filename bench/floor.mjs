// The floor: our lint time as a multiple of a bare parse by the library we build on (yaml parseAllDocuments,
// dockerfile-ast). Also the lint after a one-character edit, which reuses what it can of the previous version
// (unchanged `---` documents of a YAML file are not parsed again).
import { createRequire } from 'node:module';
import { GENERATORS, FILE_NAMES } from './generate.mjs';

const require = createRequire(import.meta.url);

function median(fn, runs) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn(i);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

export function floors(enginePath, sizes, runs, kinds = ['dockerfile', 'kubernetes', 'workflow']) {
  const lib = require(enginePath);
  const { parseAllDocuments } = require('yaml');
  const { DockerfileParser } = require('dockerfile-ast');
  const engine = new lib.Engine(lib.createRegistry());
  const config = lib.mergeConfig(lib.DEFAULT_CONFIG);
  const ws = lib.memoryWorkspace({});
  const rows = [];
  for (const kind of kinds) {
    for (const lines of sizes) {
      const text = GENERATORS[kind](lines);
      const file = `/bench/${FILE_NAMES[kind]}`;
      const parse = kind === 'dockerfile' ? () => DockerfileParser.parse(text) : () => parseAllDocuments(text);
      parse();
      const parseMs = median(parse, runs);
      const lint = (t, reuseFindings = false) => engine.lint({ path: file, text: t, kind, config, workspace: ws, reuseFindings });
      lint(text);
      const lintMs = median(() => (lib.clearParseCache(), lint(text)), runs);
      // One-character edits in the middle (alternately adding and removing it), as the server sees them while typing
      // (reusing the previous version's findings where the language allows, as the server does).
      const mid = text.indexOf('\n', Math.floor(text.length / 2));
      lint(text, true);
      const editLintMs = median((i) => lint(i % 2 ? text : text.slice(0, mid) + 'x' + text.slice(mid), true), runs);
      rows.push({ kind, lines, parseMs, lintMs, editLintMs });
    }
  }
  return rows;
}
