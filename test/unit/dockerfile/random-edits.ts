// Seeded random edits for the incremental-equivalence tests: the same seed gives the same edits on every run.

/** mulberry32: a tiny seeded PRNG. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface EditMix {
  /** Share of edits that insert a snippet at a random place. */
  insert: number;
  /** Share that delete 1..maxDelete characters; the rest replace a whole line with another line of the text. */
  delete: number;
  maxDelete: number;
}

/** One random edit of `text`: a snippet typed in, a few characters deleted, or a line replaced by another. */
export function randomEdit(text: string, r: () => number, snippets: string[], mix: EditMix): string {
  const at = Math.floor(r() * (text.length + 1));
  const kind = r();
  if (kind < mix.insert) return text.slice(0, at) + snippets[Math.floor(r() * snippets.length)] + text.slice(at);
  if (kind < mix.insert + mix.delete) return text.slice(0, at) + text.slice(Math.min(text.length, at + 1 + Math.floor(r() * mix.maxDelete)));
  const lines = text.split('\n');
  lines[Math.floor(r() * lines.length)] = lines[Math.floor(r() * lines.length)];
  return lines.join('\n');
}
