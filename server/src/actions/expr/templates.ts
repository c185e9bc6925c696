// Finds `${{ … }}` placeholders in a string value and maps their offsets back into the YAML source.

export interface Placeholder {
  /** Offsets in the string value: `${{` start and `}}` end. */
  start: number;
  end: number;
  /** The expression text between the braces and its offset in the value. */
  expr: string;
  exprStart: number;
  /** False when the closing `}}` is missing. */
  closed: boolean;
}

/** Placeholders in order; `}}` inside a single-quoted string literal does not close one. */
export function placeholders(value: string): Placeholder[] {
  const out: Placeholder[] = [];
  let i = value.indexOf('${{');
  while (i >= 0) {
    const exprStart = i + 3;
    let j = exprStart;
    let inString = false;
    let close = -1;
    while (j < value.length) {
      const c = value[j];
      if (c === "'") inString = !inString;
      else if (!inString && c === '}' && value[j + 1] === '}') {
        close = j;
        break;
      }
      j++;
    }
    if (close < 0) {
      out.push({ start: i, end: value.length, expr: value.slice(exprStart), exprStart, closed: false });
      break;
    }
    out.push({ start: i, end: close + 2, expr: value.slice(exprStart, close), exprStart, closed: true });
    i = value.indexOf('${{', close + 2);
  }
  return out;
}

/**
 * Maps value offsets to source offsets for a scalar whose value may have been unescaped or folded.
 * Each placeholder's text is searched for verbatim in the scalar's source, in order; when found, offsets inside it
 * map exactly, otherwise the whole scalar is used.
 */
export class SourceMap {
  private cursor: number;
  constructor(
    private readonly text: string,
    private readonly sourceStart: number,
    private readonly sourceEnd: number,
  ) {
    this.cursor = sourceStart;
  }

  /** Source offset of a value slice, or undefined if it does not appear verbatim. */
  locate(slice: string): number | undefined {
    if (!slice) return undefined;
    const at = this.text.indexOf(slice, this.cursor);
    if (at < 0 || at + slice.length > this.sourceEnd) return undefined;
    this.cursor = at + slice.length;
    return at;
  }

  get whole(): [number, number] {
    return [this.sourceStart, this.sourceEnd];
  }
}
