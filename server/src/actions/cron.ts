// POSIX cron as GitHub's `schedule` accepts it: five fields, names for months and weekdays, and the shortest interval.

const FIELDS: Array<{ name: string; min: number; max: number; names?: string[] }> = [
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day of month', min: 1, max: 31 },
  { name: 'month', min: 1, max: 12, names: ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'] },
  { name: 'day of week', min: 0, max: 7, names: ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'] },
];

/** The values a field selects, or an error message. */
function expand(text: string, f: (typeof FIELDS)[number]): number[] | string {
  const values = new Set<number>();
  const num = (s: string): number | undefined => {
    if (/^\d+$/.test(s)) return Number(s);
    const i = f.names?.indexOf(s.toUpperCase()) ?? -1;
    return i >= 0 ? i + (f.min === 1 ? 1 : 0) : undefined;
  };
  for (const part of text.split(',')) {
    const m = /^([^/]+)(?:\/(\d+))?$/.exec(part);
    if (!m) return `"${part}" is not a valid ${f.name} value`;
    const step = m[2] ? Number(m[2]) : 1;
    if (step < 1) return `the step in "${part}" must be at least 1`;
    let from: number | undefined;
    let to: number | undefined;
    if (m[1] === '*') [from, to] = [f.min, f.max];
    else if (m[1].includes('-')) {
      const [a, b] = m[1].split('-');
      from = num(a);
      to = num(b);
    } else {
      from = num(m[1]);
      to = m[2] ? f.max : from;
    }
    if (from === undefined || to === undefined) return `"${part}" is not a valid ${f.name} value`;
    if (from < f.min || to > f.max || from > to) return `"${part}" is out of range for the ${f.name} (${f.min}-${f.max})`;
    for (let v = from; v <= to; v += step) values.add(v);
  }
  return [...values].sort((a, b) => a - b);
}

/** A problem with a cron expression (syntax, or runs more often than every 5 minutes), or undefined. */
export function cronProblem(expr: string): { message: string; tooFrequent?: boolean } | undefined {
  const message = cronMessage(expr);
  return message ? { message, tooFrequent: message.startsWith('This schedule runs every') } : undefined;
}

function cronMessage(expr: string): string | undefined {
  const fields = expr.trim().split(/\s+/);
  if (fields.length !== 5) return `"${expr}" is not a valid cron expression: it needs 5 fields (minute hour day month weekday), found ${fields.length}.`;
  const expanded: number[][] = [];
  for (let i = 0; i < 5; i++) {
    const r = expand(fields[i], FIELDS[i]);
    if (typeof r === 'string') return `Invalid cron expression "${expr}": ${r}.`;
    expanded.push(r);
  }
  const minutes = expanded[0];
  if (minutes.length > 1) {
    let gap = 60 - minutes[minutes.length - 1] + minutes[0];
    for (let i = 1; i < minutes.length; i++) gap = Math.min(gap, minutes[i] - minutes[i - 1]);
    if (expanded[1].length === 1 && minutes.length > 1) gap = Math.min(...minutes.slice(1).map((m, i) => m - minutes[i]));
    if (gap < 5) return `This schedule runs every ${gap} minute${gap === 1 ? '' : 's'}: GitHub runs scheduled workflows at most once every 5 minutes.`;
  }
  return undefined;
}
