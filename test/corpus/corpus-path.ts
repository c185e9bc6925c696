// Where the external corpus lives (../shared/corpus next to the repository). Corpus tests fail clearly without it.
import * as fs from 'node:fs';
import * as path from 'node:path';

/** `../shared` beside the repository; SHIPSHAPE_SHARED overrides it (e.g. for git worktrees elsewhere). */
export const SHARED = process.env.SHIPSHAPE_SHARED ?? path.resolve(__dirname, '../../../../shared');
export const CORPUS = path.join(SHARED, 'corpus');

export function requireCorpus(): void {
  if (!fs.existsSync(CORPUS)) throw new Error(`the corpus is not at ${CORPUS}: npm run test:corpus needs ../shared next to the repository`);
}

export function filesUnder(dir: string, accept: (name: string) => boolean = () => true): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (accept(e.name)) out.push(p);
    }
  };
  walk(dir);
  return out;
}
