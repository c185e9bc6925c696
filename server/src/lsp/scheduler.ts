// Validation scheduling for open documents: one queue, the document being edited first, and a yield to the event
// loop between runs so that new edits, cancellations and requests are read before the next lint starts. Linting
// is synchronous, so the most an edit ever waits is the one lint already running, never a backlog of others.

/** Called between runs while more are queued (with the next one), and once when a drain of at least `BURST_RUNS` runs is over. */
export interface QueueHooks {
  betweenRuns?(next: string): void;
  burstOver?(): void;
}
/** Runs in one drain that make a burst (opening many documents, re-validating dependants), not an edit or two. */
const BURST_RUNS = 8;

export class ValidationQueue {
  private readonly order: string[] = [];
  private running = false;

  constructor(
    private readonly run: (uri: string) => Promise<void>,
    private readonly onError: (err: unknown) => void = () => {},
    private readonly hooks: QueueHooks = {},
  ) {}

  /** Queues a document; `urgent` (the user is typing in it) puts it ahead of background re-validations. */
  schedule(uri: string, urgent: boolean): void {
    const at = this.order.indexOf(uri);
    if (at >= 0) {
      if (!urgent) return;
      this.order.splice(at, 1);
    }
    if (urgent) this.order.unshift(uri);
    else this.order.push(uri);
    this.pump();
  }

  cancel(uri: string): void {
    const at = this.order.indexOf(uri);
    if (at >= 0) this.order.splice(at, 1);
  }

  get pending(): number {
    return this.order.length;
  }

  /** Nothing queued and nothing running. */
  get idle(): boolean {
    return !this.running && !this.order.length;
  }

  private pump(): void {
    if (this.running) return;
    this.running = true;
    setImmediate(() => void this.drain());
  }

  private async drain(): Promise<void> {
    let runs = 0;
    try {
      while (this.order.length) {
        const uri = this.order.shift()!;
        try {
          await this.run(uri);
        } catch (err) {
          this.onError(err);
        }
        runs++;
        // Let queued notifications (a newer edit, a close) in before the next lint.
        await new Promise<void>((resolve) => setImmediate(resolve));
        if (this.order.length) this.hook('betweenRuns', this.order[0]);
      }
      if (runs >= BURST_RUNS) this.hook('burstOver');
    } finally {
      this.running = false;
    }
  }

  private hook(name: keyof QueueHooks, next = ''): void {
    try {
      this.hooks[name]?.(next);
    } catch (err) {
      this.onError(err);
    }
  }
}

/**
 * Which files a lint looked at (read, probed, listed), to re-validate a document when one of them changes. Probes
 * and listings are remembered for the lint (rules ask about the same lockfile for each of hundreds of steps).
 */
export function recordingWorkspace<W extends { readText(p: string): string | undefined; exists(p: string): boolean; list(d: string): string[]; root?: string }>(
  ws: W,
): { workspace: W; touched: Set<string> } {
  const touched = new Set<string>();
  const probed = new Map<string, boolean>();
  const listed = new Map<string, string[]>();
  const workspace = {
    ...ws,
    root: ws.root,
    readText(p: string) {
      touched.add(p);
      return ws.readText(p);
    },
    exists(p: string) {
      touched.add(p);
      let found = probed.get(p);
      if (found === undefined) probed.set(p, (found = ws.exists(p)));
      return found;
    },
    list(d: string) {
      touched.add(d);
      let names = listed.get(d);
      if (names === undefined) listed.set(d, (names = ws.list(d)));
      return [...names];
    },
  };
  return { workspace, touched };
}
