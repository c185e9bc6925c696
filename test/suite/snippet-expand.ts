// VS Code snippet bodies expanded with their default placeholders (shared by the snippet self-lint test and the
// editor test fixtures). No vscode import: runs in plain Node.

/**
 * Expands VS Code snippet syntax with default values: `$1`, `${1}`, `${1:default}` (nested), `${1|a,b|}` (first
 * choice), variables (`$TM_FILENAME`, `${VAR:default}`), and the escapes `\$`, `\}`, `\\`. A tab stop mirrors the
 * value of its first occurrence that has a default, as the editor does.
 */
export function expandSnippet(body: string, variables: Record<string, string> = {}): string {
  const defaults = new Map<string, string>();
  let i = 0;
  const parse = (stopAt: string | undefined): string => {
    let out = '';
    while (i < body.length) {
      const c = body[i];
      if (stopAt && c === stopAt) return out;
      if (c === '\\' && i + 1 < body.length && '$}\\'.includes(body[i + 1])) {
        out += body[i + 1];
        i += 2;
        continue;
      }
      if (c !== '$') {
        out += c;
        i++;
        continue;
      }
      const simple = /^\$(\d+|[A-Za-z_][A-Za-z0-9_]*)/.exec(body.slice(i));
      if (simple) {
        i += simple[0].length;
        out += valueOf(simple[1], undefined);
        continue;
      }
      const open = /^\$\{(\d+|[A-Za-z_][A-Za-z0-9_]*)/.exec(body.slice(i));
      if (!open) {
        out += c;
        i++;
        continue;
      }
      i += open[0].length;
      const name = open[1];
      if (body[i] === '}') {
        i++;
        out += valueOf(name, undefined);
      } else if (body[i] === ':') {
        i++;
        const inner = parse('}');
        i++;
        out += valueOf(name, inner);
      } else if (body[i] === '|') {
        const end = body.indexOf('|}', i + 1);
        const first = body.slice(i + 1, end).split(',')[0];
        i = end + 2;
        out += valueOf(name, first);
      } else throw new Error(`unsupported snippet syntax at ${i}: ${body.slice(i - 10, i + 10)}`);
    }
    if (stopAt) throw new Error(`unterminated placeholder in snippet`);
    return out;
  };
  const valueOf = (name: string, given: string | undefined): string => {
    if (/^\d+$/.test(name)) {
      if (given !== undefined && !defaults.has(name)) defaults.set(name, given);
      return defaults.get(name) ?? given ?? '';
    }
    return variables[name] ?? given ?? '';
  };
  // Two passes: the first collects defaults so a mirror that comes before its definition gets the value too.
  parse(undefined);
  i = 0;
  return parse(undefined);
}
