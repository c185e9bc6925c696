// Shell form → exec form conversion for CMD/ENTRYPOINT fixes.

const SHELL_FEATURES = /[$`|&;<>*?(){}~]|\\(?!\r?\n)/;

/** Splits a shell-form argument string into words, or undefined if quoting is unbalanced. */
export function splitWords(input: string): string[] | undefined {
  const words: string[] = [];
  let cur = '';
  let inWord = false;
  for (let i = 0; i < input.length; i++) {
    const c = input[i];
    if (c === "'") {
      const end = input.indexOf("'", i + 1);
      if (end < 0) return undefined;
      cur += input.slice(i + 1, end);
      i = end;
      inWord = true;
    } else if (c === '"') {
      let j = i + 1;
      for (; j < input.length && input[j] !== '"'; j++) {
        if (input[j] === '\\' && j + 1 < input.length && '"\\$`'.includes(input[j + 1])) {
          cur += input[++j];
        } else cur += input[j];
      }
      if (j >= input.length) return undefined;
      i = j;
      inWord = true;
    } else if (/\s/.test(c)) {
      if (inWord) words.push(cur);
      cur = '';
      inWord = false;
    } else {
      cur += c;
      inWord = true;
    }
  }
  if (inWord) words.push(cur);
  return words;
}

/**
 * The exec-form JSON for a shell-form command, keeping its meaning: plain words become an array of words;
 * anything that needs a shell becomes `["/bin/sh", "-c", "<command>"]`. Undefined when the input is empty.
 */
export function toExecForm(raw: string, escape = '\\'): string | undefined {
  const esc = escape.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');
  const joined = raw.replace(new RegExp(`${esc}[ \\t]*\\r?\\n`, 'g'), ' ').replace(/\s+/g, ' ').trim();
  if (!joined) return undefined;
  const words = SHELL_FEATURES.test(joined) ? undefined : splitWords(joined);
  const array = words && words.length ? words : ['/bin/sh', '-c', joined];
  return `[${array.map((w) => JSON.stringify(w)).join(', ')}]`;
}
