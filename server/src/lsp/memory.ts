// Heap growth during bursts of background lints (opening many documents at once, re-validating dependants).
//
// V8 lets the old generation grow to about four times what survived the last full collection before it collects
// again: with 1,000 documents open the live heap is ≈ 40 MB, yet the old generation reached ≈ 100 MB of mostly
// garbage (parses and findings of documents linted a moment ago, promoted because they outlived two scavenges).
// A smaller growing factor (`--heap-growing-percent`) caps that but keeps incremental marking running most of the
// time (write barriers, marking threads): 10–20 % more CPU for the burst. Instead, between two lints of a burst,
// when the old generation has grown by `BURST_GROWTH` since the last full collection, one full collection runs there
// (≈ 20–40 ms on a 40 MB heap, about ten times per thousand documents opened, counting the re-lints when their
// ShellCheck results come in), and once more when the server has been idle for a while after a burst. Never between
// an edit and its diagnostics: the queue only asks between two lints while more are waiting, and after a burst.
// 16 MB rather than 24 took 6–8 MB off the peak RSS with 1,000 documents open; 12 MB took 10 but edits made during
// the burst looked slower (p50 +3 ms in three runs of three, on a loaded machine).
//
// The young generation: V8 doubles its semi-spaces (from 1 MB) each time a scavenge finds enough survivors, up to
// 16 MB each on 64-bit (32 MB of resident memory), and a burst of opens gets it there. `--max-semi-space-size` only
// counts at start-up (the server is started as plain `node server.js` by every client), but the growth factor is read
// at each growth: after every lint, once the young generation has reached `YOUNG_GENERATION_CAP` it stops growing
// (factor 1), and grows again as usual if V8 shrank it meanwhile. With 1,000 documents open this took 14–16 MB off
// the peak RSS; the CPU time per edit of 5,000-line documents did not change measurably (bench numbers in the commit).
import * as v8 from 'node:v8';
import * as vm from 'node:vm';

/** Old-generation growth (bytes) since the last full collection that makes a burst collect. */
const BURST_GROWTH = 16 << 20;
/** After a burst and `IDLE_MS` without another: collect when it left at least this much growth behind. */
const SETTLED_GROWTH = 8 << 20;
const IDLE_MS = 2000;

let collect: (() => void) | undefined;
try {
  // `gc` is only installed in contexts created after the flag is set; the flag changes nothing else.
  v8.setFlagsFromString('--expose-gc');
  collect = vm.runInNewContext('gc') as () => void;
} catch {
  collect = undefined;
}

function oldGeneration(): number {
  let used = 0;
  for (const s of v8.getHeapSpaceStatistics()) if (s.space_name === 'old_space' || s.space_name === 'large_object_space') used += s.space_used_size;
  return used;
}

let afterLastCollection = oldGeneration();

function collectIfGrown(limit: number): boolean {
  if (!collect) return false;
  const used = oldGeneration();
  // A full collection V8 ran by itself also lowers the floor.
  if (used < afterLastCollection) afterLastCollection = used;
  if (used - afterLastCollection < limit) return false;
  collect();
  afterLastCollection = oldGeneration();
  return true;
}

/** Both semi-spaces together (V8's `new_space` size): 8 MB each, half V8's 64-bit maximum. */
export const YOUNG_GENERATION_CAP = 16 << 20;
let youngGenerationGrows = true;

export function youngGenerationSize(): number {
  for (const s of v8.getHeapSpaceStatistics()) if (s.space_name === 'new_space') return s.space_size;
  return 0;
}

/** After each lint: the young generation may grow while it is below the cap, not beyond (see the top of the file). */
export function afterLint(): void {
  const grow = youngGenerationSize() < YOUNG_GENERATION_CAP;
  if (grow === youngGenerationGrows) return;
  youngGenerationGrows = grow;
  try {
    v8.setFlagsFromString(`--semi-space-growth-factor=${grow ? 2 : 1}`);
  } catch {
    // an engine without the flag: the young generation grows as V8 decides
  }
}

let idleTimer: ReturnType<typeof setTimeout> | undefined;

/** Between two lints of a burst (more are queued). */
export function betweenBackgroundLints(): boolean {
  if (idleTimer) clearTimeout(idleTimer);
  idleTimer = undefined;
  return collectIfGrown(BURST_GROWTH);
}

/**
 * A burst is over (nothing queued): what it left behind is collected once the server stays idle (opening documents
 * comes in waves; a collection per wave would cost more than it saves, and an edit typed now should not wait for it).
 */
export function burstSettled(): void {
  if (idleTimer) clearTimeout(idleTimer);
  idleTimer = setTimeout(() => {
    idleTimer = undefined;
    collectIfGrown(SETTLED_GROWTH);
  }, IDLE_MS);
  idleTimer.unref?.();
}

/** Work started (an edit, an open): an idle collection waits for the next quiet moment. */
export function noteBusy(): void {
  if (!idleTimer) return;
  clearTimeout(idleTimer);
  burstSettled();
}
