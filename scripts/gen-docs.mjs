// Generates docs/rules/<id>.md and the README rule table from rule metadata (`shipshape rules --format json`).
// With --check, writes nothing and fails when the checked-in files differ (CI runs this).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const check = process.argv.includes('--check');
const rules = JSON.parse(execFileSync(process.execPath, [join(root, 'dist/cli.js'), 'rules', '--format', 'json'], { encoding: 'utf8', maxBuffer: 64 << 20 }));
const docsDir = join(root, 'docs/rules');
const wanted = new Map();

const KIND_TITLE = { dockerfile: 'Dockerfile', kubernetes: 'Kubernetes', workflow: 'GitHub Actions', action: 'GitHub Actions', engine: 'Engine' };

for (const r of rules) {
  const aliases = r.aliases.length ? r.aliases.map((a) => `\`${a}\``).join(', ') : '—';
  const page = `# ${r.id}

${r.description}

| | |
|---|---|
| Kind | ${KIND_TITLE[r.kind] ?? r.kind} |
| Default severity | ${r.severity} |
| Profile | ${r.profile} |
| Category | ${r.category} |
| Aliases | ${aliases} |
| Quick fix | ${r.fixable ? 'yes' : 'no'} |

${r.docs.trim()}

## Configure

\`\`\`yaml
# .shipshape.yaml
rules:
  ${r.id}: off   # or error, warning, info, hint
\`\`\`

Suppress one occurrence with \`# shipshape-ignore ${r.id}\` on the line above${r.aliases.length ? ` (aliases work too: \`# shipshape-ignore ${r.aliases[0]}\`)` : ''}.
`;
  wanted.set(join(docsDir, `${r.id}.md`), page);
}

const esc = (s) => s.replace(/\|/g, '\\|');
const table = [
  '| Rule | Kind | Severity | Profile | Fix | Aliases | Description |',
  '|---|---|---|---|---|---|---|',
  ...rules.map(
    (r) =>
      `| [\`${r.id}\`](docs/rules/${r.id}.md) | ${KIND_TITLE[r.kind] ?? r.kind} | ${r.severity} | ${r.profile} | ${r.fixable ? '✓' : ''} | ${esc(r.aliases.join(', '))} | ${esc(r.description)} |`,
  ),
].join('\n');
const readmePath = join(root, 'README.md');
const readme = readFileSync(readmePath, 'utf8');
const START = '<!-- rules:start -->';
const END = '<!-- rules:end -->';
const a = readme.indexOf(START);
const b = readme.indexOf(END);
if (a < 0 || b < a) throw new Error('README.md lacks the rules markers');
const newReadme = `${readme.slice(0, a + START.length)}\n${rules.length} rules (generated from rule metadata by \`npm run docs\`).\n\n${table}\n${readme.slice(b)}`;
wanted.set(readmePath, newReadme);

const existing = [];
const walk = (d) => {
  if (!existsSync(d)) return;
  for (const e of readdirSync(d, { withFileTypes: true })) {
    const p = join(d, e.name);
    if (e.isDirectory()) walk(p);
    else if (p.endsWith('.md')) existing.push(p);
  }
};
walk(docsDir);
const stale = existing.filter((p) => !wanted.has(p));
const changed = [...wanted].filter(([p, text]) => !existsSync(p) || readFileSync(p, 'utf8') !== text).map(([p]) => p);

if (check) {
  if (changed.length || stale.length) {
    console.error(`docs are out of date (run \`npm run docs\`):\n${[...changed, ...stale].map((p) => '  ' + relative(root, p)).join('\n')}`);
    process.exit(1);
  }
  console.log(`docs up to date: ${rules.length} rules`);
} else {
  for (const p of stale) rmSync(p);
  for (const p of changed) {
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, wanted.get(p));
  }
  console.log(`wrote ${changed.length} files, removed ${stale.length}; ${rules.length} rules`);
}
