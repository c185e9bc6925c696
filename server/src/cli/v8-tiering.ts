// Imported first by cli.ts, so it runs before the rest of the bundle is initialized.
//
// A CLI run is short: most of its functions run a few thousand times and are gone. With V8's default tiering, every
// function that gets warm is handed to the optimizing compiler (TurboFan), whose work on background threads cost
// more CPU than the lint itself (measured on the corpus, one thread: ~1.8 s of TurboFan compiles next to ~1.8 s of
// linting). On a machine whose cores are all linting, that work competes with the lint threads, and every worker
// thread pays it again. A larger interrupt budget makes a function wait longer before it is optimized: only the truly
// hot ones (the YAML lexer, the rules' walks) get there; the rest run as baseline (Sparkplug) code. Same results,
// about 40% less CPU per run; large repositories still get their hot code optimized.
//
// The flag only tunes when V8 optimizes, never what the code does. It is process-wide (the worker threads share it)
// and is set only when this bundle is the program being run (not when a test imports the CLI), and not when the user
// chose their own tiering flag (NODE_OPTIONS or node's command line).
import * as v8 from 'node:v8';
import { isMainThread } from 'node:worker_threads';

/** 16 × V8's default (67,584 bytes of bytecode executed per tiering check). */
const INTERRUPT_BUDGET = 16 * 67584;

const own = (s: string | undefined) => /--interrupt[-_]budget\b/.test(s ?? '');
// Worker threads share the main thread's setting (flags are per process): only the main thread sets it, before any
// worker starts.
if (isMainThread && require.main !== undefined && require.main.filename === __filename && process.env.SHIPSHAPE_V8_TIERING !== '0' && !own(process.env.NODE_OPTIONS) && !process.execArgv.some(own)) {
  try {
    v8.setFlagsFromString(`--interrupt-budget=${INTERRUPT_BUDGET}`);
  } catch {
    // a node without the flag: default tiering
  }
}
