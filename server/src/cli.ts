// `shipshape` — the command-line face of the engine, for shells and CI.
import './cli/v8-tiering'; // first: tunes V8 before the rest of the bundle runs
import * as fs from 'node:fs';
import * as path from 'node:path';
import picomatch from 'picomatch';
import { DEFAULT_CONFIG, findConfigFile, mergeConfig, parseConfigText, type Config, type ConfigLayer } from './engine/config';
import { findToolConfigs, readToolConfigs, type FoundToolConfig } from './engine/tool-config';
import { LineIndex } from './engine/text';
import { LINTED_KINDS, PROFILES, type Kind, type Profile } from './engine/types';
import { diskWorkspace } from './engine/workspace';
import { detectKind, isDockerfileName } from './engine/detect';
import { collectFiles, WalkError } from './cli/walk';
import { formatGithub, formatJson, formatSarif, formatText, type FileReport } from './cli/formats';
import { createRegistry } from './languages';
import { lintInline, lintInWorkers, runWorker, workerCount, WorkerPool, type LintJob, type LintOutcome, type WorkerData } from './cli/lint-files';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';

declare const SHIPSHAPE_VERSION: string | undefined;
const VERSION = typeof SHIPSHAPE_VERSION === 'string' ? SHIPSHAPE_VERSION : '0.0.0-dev';

const USAGE = `Usage: shipshape lint [options] <paths...>
       shipshape rules [--format text|json]
       shipshape --version

Lints Dockerfiles, Kubernetes manifests and GitHub Actions workflows. Folders are walked recursively,
skipping .git, node_modules and what .gitignore ignores.

Options:
  --format text|json|sarif|github   output format (default: text)
  --kind dockerfile|kubernetes|workflow|action
                                    treat every given file as this kind
  --profile recommended|strict|all  rule profile (default: recommended, or .shipshape.yaml's)
  --rules all                       enable every rule, including opt-in ones
  --config FILE                     use this config instead of the nearest .shipshape.yaml
  --fix                             apply safe fixes in place, then report what remains
  --max-warnings N                  exit 0 when there are no errors and at most N warnings
  --jobs N                          lint with up to N threads (default: one per core, for large runs)

Exit status: 0 no error/warning findings, 1 findings, 2 usage or I/O error.`;

class UsageError extends Error {}

interface LintOptions {
  format: 'text' | 'json' | 'sarif' | 'github';
  kind?: Kind;
  profile?: Profile;
  allRules: boolean;
  configFile?: string;
  fix: boolean;
  maxWarnings?: number;
  jobs?: number;
  paths: string[];
}

function parseLintArgs(args: string[]): LintOptions {
  const opts: LintOptions = { format: 'text', allRules: false, fix: false, paths: [] };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => {
      const v = inline ?? args[++i];
      if (v === undefined) throw new UsageError(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case '--format': {
        const v = value();
        if (!['text', 'json', 'sarif', 'github'].includes(v)) throw new UsageError(`unknown format "${v}" (text, json, sarif, github)`);
        opts.format = v as LintOptions['format'];
        break;
      }
      case '--kind': {
        const v = value();
        if (!(LINTED_KINDS as readonly string[]).includes(v)) throw new UsageError(`unknown kind "${v}" (${LINTED_KINDS.join(', ')})`);
        opts.kind = v as Kind;
        break;
      }
      case '--profile': {
        const v = value();
        if (!(PROFILES as readonly string[]).includes(v)) throw new UsageError(`unknown profile "${v}" (${PROFILES.join(', ')})`);
        opts.profile = v as Profile;
        break;
      }
      case '--rules': {
        const v = value();
        if (v !== 'all') throw new UsageError(`--rules takes "all"`);
        opts.allRules = true;
        break;
      }
      case '--config':
        opts.configFile = value();
        break;
      case '--fix':
        opts.fix = true;
        break;
      case '--max-warnings': {
        const v = value();
        const n = Number(v);
        if (!Number.isInteger(n) || n < 0) throw new UsageError(`--max-warnings takes a whole number, not "${v}"`);
        opts.maxWarnings = n;
        break;
      }
      case '--jobs': {
        const v = value();
        const n = Number(v);
        if (!Number.isInteger(n) || n < 1) throw new UsageError(`--jobs takes a positive whole number, not "${v}"`);
        opts.jobs = n;
        break;
      }
      default:
        if (flag.startsWith('-') && flag !== '-') throw new UsageError(`unknown option ${flag}`);
        opts.paths.push(arg);
    }
  }
  if (!opts.paths.length) throw new UsageError('no paths given');
  return opts;
}

function readConfigFile(file: string): { layer: ConfigLayer; problems: string[] } {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw new IoError(`cannot read config ${file}: ${(err as Error).message}`);
  }
  const { layer, problems } = parseConfigText(text);
  return { layer: { ...layer, baseDir: path.dirname(path.resolve(file)) }, problems: problems.map((p) => `${file}:${p.range.start.line + 1}:${p.range.start.character + 1}: ${p.message}`) };
}

class IoError extends Error {}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function relPath(abs: string): string {
  const rel = path.relative(process.cwd(), abs);
  return (rel && !rel.startsWith('..') ? rel : abs).split(path.sep).join('/');
}

/** Writes a file via a temporary sibling and rename, so an interrupted --fix never leaves half a file. */
function writeAtomically(file: string, text: string): void {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.shipshape-${process.pid}.tmp`);
  const mode = fs.statSync(file).mode;
  fs.writeFileSync(tmp, text, { mode });
  fs.renameSync(tmp, file);
}

function lint(args: string[], out: (s: string) => void, err: (s: string) => void): number | Promise<number> {
  const opts = parseLintArgs(args);
  const registry = createRegistry();
  const cliLayer: ConfigLayer = { profile: opts.profile, allRules: opts.allRules || undefined };
  const explicit = opts.configFile ? readConfigFile(opts.configFile) : undefined;
  const configCache = new Map<string, { config: Config; ignore: (p: string) => boolean }>();
  const reportedConfigProblems = new Set<string>();

  // Files of one folder share their root and config file: look them up once per folder.
  const configFileByDir = new Map<string, string | null>();
  const rootByDir = new Map<string, string | undefined>();
  // Nothing is written before every file is read: one remembering reader per repository root.
  const workspaceByRoot = new Map<string | undefined, ReturnType<typeof diskWorkspace>>();
  // `.hadolint.yaml` and `.kube-linter.yaml` carry over under `.shipshape.yaml` (engine/tool-config.ts).
  const toolFormats = registry.toolConfigFormats();
  const toolConfigsByDir = new Map<string, FoundToolConfig[]>();
  const configFor = (file: string, ws: ReturnType<typeof diskWorkspace>) => {
    const dir = path.dirname(file);
    let found = configFileByDir.get(dir);
    if (found === undefined) configFileByDir.set(dir, (found = (explicit ? opts.configFile! : findConfigFile(file, ws)) ?? null));
    const source = found ?? undefined;
    let tools = toolConfigsByDir.get(dir);
    if (!tools) toolConfigsByDir.set(dir, (tools = findToolConfigs(file, ws, toolFormats)));
    const key = [source ?? '', ...tools.map((t) => t.file)].join('\0');
    let entry = configCache.get(key);
    if (!entry) {
      const loaded = explicit ?? (source ? readConfigFile(source) : undefined);
      const fromTools = readToolConfigs(tools, ws, registry.rules);
      for (const p of [...(loaded?.problems ?? []), ...fromTools.problems]) {
        if (!reportedConfigProblems.has(p)) err(`shipshape: config: ${p}`);
        reportedConfigProblems.add(p);
      }
      // The CLI runs on the user's own files: the workspace is trusted (optional tools such as ShellCheck may run).
      const config = mergeConfig(DEFAULT_CONFIG, { domains: { dockerfile: { trusted: true } } }, fromTools.layer, loaded?.layer, cliLayer);
      for (const unknown of registry.unknownRuleKeys(config)) err(`shipshape: config: unknown rule or alias "${unknown}"`);
      const matcher = config.ignore.length ? picomatch(config.ignore, { dot: true }) : () => false;
      const base = config.baseDir ?? process.cwd();
      entry = { config, ignore: (p: string) => matcher(path.relative(base, p).split(path.sep).join('/')) };
      configCache.set(key, entry);
    }
    return entry;
  };

  let files: ReturnType<typeof collectFiles>;
  try {
    files = collectFiles(opts.paths);
  } catch (e) {
    if (e instanceof WalkError) throw new IoError(e.message);
    throw e;
  }
  // Threads start now, loading the bundle while this thread reads the files; their number is settled once the files
  // to lint are known. The main thread lints a share too.
  const expected = workerCount(opts.kind ? files.length : files.filter((f) => mayLint(f.file)).length, opts.jobs);
  const pool = expected > 1 ? new WorkerPool(__filename, expected - 1) : undefined;
  const configs: Config[] = [];
  const configIds = new Map<Config, number>();
  const jobs: LintJob[] = [];
  try {
    readJobs();
  } catch (e) {
    pool?.close();
    throw e;
  }

  function readJobs(): void {
    for (const { file, root: walkRoot } of files) {
      let bytes: Buffer;
      try {
        bytes = fs.readFileSync(file);
      } catch (e) {
        throw new IoError(`cannot read ${relPath(file)}: ${(e as Error).message}`);
      }
      let text: string;
      let notUtf8 = false;
      try {
        text = utf8.decode(bytes);
      } catch {
        text = bytes.toString('latin1');
        notUtf8 = true;
      }
      const kind = opts.kind ?? detectKind(file, text);
      if (!kind) continue;
      const dir = path.dirname(file);
      if (!rootByDir.has(dir)) rootByDir.set(dir, findRoot(file));
      const root = rootByDir.get(dir);
      let ws = workspaceByRoot.get(root);
      if (!ws) workspaceByRoot.set(root, (ws = diskWorkspace(root, undefined, true)));
      const { config, ignore } = configFor(file, ws);
      // `ignore` globs skip files found by walking, unless the folder named on the command line is itself ignored
      // (then the user asked for it explicitly, as `npm run demo` does for examples/).
      if (file !== walkRoot && ignore(file) && !ignore(path.join(walkRoot, '.shipshape-probe'))) continue;
      if (!configIds.has(config)) configIds.set(config, configs.push(config) - 1);
      jobs.push({ file, text, kind, config: configIds.get(config)!, notUtf8, root });
    }
  }

  const write = (file: string, text: string) => {
    try {
      writeAtomically(file, text);
    } catch (e) {
      throw new IoError(`cannot write ${relPath(file)}: ${(e as Error).message}`);
    }
  };
  const log = (m: string) => err(`shipshape: ${m}`);
  const workers = Math.min(workerCount(jobs.length, opts.jobs), 1 + (pool?.workers.length ?? 0));
  if (workers > 1) return lintInWorkers(pool!, workers, jobs, configs, opts.fix, write, log, registry).then((outcomes) => report(outcomes));
  pool?.close();
  return lintInline(jobs, configs, opts.fix, write, log, registry).then((outcomes) => report(outcomes));

  function report(outcomes: LintOutcome[]): number {
    const reports: FileReport[] = [];
    let fixed = 0;
    outcomes.forEach((o, i) => {
      fixed += o.fixed;
      if (!o.kind) return;
      // Only SARIF reads lines: build the index when asked.
      let index: LineIndex | undefined;
      const text = o.text;
      reports.push({
        path: relPath(jobs[i].file),
        kind: o.kind,
        findings: o.findings,
        get index() {
          return (index ??= new LineIndex(text));
        },
      });
    });

    switch (opts.format) {
      case 'json':
        out(formatJson(reports));
        break;
      case 'sarif':
        out(formatSarif(reports, registry.rules, VERSION, process.cwd()));
        break;
      case 'github': {
        const text = formatGithub(reports);
        if (text) out(text);
        break;
      }
      default: {
        const text = formatText(reports);
        if (text) out(text);
      }
    }
    const all = reports.flatMap((r) => r.findings);
    const errors = all.filter((f) => f.severity === 'error').length;
    const warnings = all.filter((f) => f.severity === 'warning').length;
    if (opts.format === 'text') {
      const fixNote = opts.fix ? `, ${fixed} fixed` : '';
      err(`${reports.length} file${reports.length === 1 ? '' : 's'} checked: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}, ${all.length - errors - warnings} other${fixNote}`);
    }
    if (errors > 0) return 1;
    if (opts.maxWarnings !== undefined) return warnings > opts.maxWarnings ? 1 : 0;
    return warnings > 0 ? 1 : 0;
  }
}

/** Whether a file found by walking may be lintable by its name alone (Dockerfiles, YAML), to size the thread pool early. */
function mayLint(file: string): boolean {
  const base = path.basename(file);
  return isDockerfileName(base) || /\.ya?ml$/i.test(base);
}

/** The repository root above a file (the folder holding .git), else the file's folder's filesystem root. */
function findRoot(file: string): string | undefined {
  let dir = path.dirname(file);
  for (;;) {
    if (fs.existsSync(path.join(dir, '.git'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

function rules(args: string[], out: (s: string) => void): number {
  const format = args[0] === '--format' ? args[1] : args[0]?.startsWith('--format=') ? args[0].slice(9) : 'text';
  if (format !== 'text' && format !== 'json') throw new UsageError(`unknown format "${format}" (text, json)`);
  const registry = createRegistry();
  const metas = registry.rules.map((r) => ({
    id: r.id,
    kind: registry.kindOf(r.id) ?? 'engine',
    aliases: r.aliases,
    severity: r.severity,
    profile: r.profile,
    category: r.category,
    fixable: !!r.fixable,
    description: r.description,
    docs: r.docs,
  }));
  if (format === 'json') out(JSON.stringify(metas, null, 2));
  else for (const m of metas) out(`${m.id.padEnd(44)} ${m.severity.padEnd(8)} ${m.profile.padEnd(12)} ${m.aliases.join(', ')}`);
  return 0;
}

export function main(argv: string[], out = (s: string) => process.stdout.write(s + '\n'), err = (s: string) => process.stderr.write(s + '\n')): number | Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'lint': {
        const code = lint(rest, out, err);
        return typeof code === 'number' ? code : code.catch((e) => failure(e, err));
      }
      case 'rules':
        return rules(rest, out);
      case '--version':
      case '-v':
        out(VERSION);
        return 0;
      case '--help':
      case '-h':
      case 'help':
        out(USAGE);
        return 0;
      default:
        throw new UsageError(command ? `unknown command "${command}"` : 'no command given');
    }
  } catch (e) {
    return failure(e, err);
  }
}

function failure(e: unknown, err: (s: string) => void): number {
  if (e instanceof UsageError) {
    err(`shipshape: ${e.message}\n\n${USAGE}`);
    return 2;
  }
  // Worker errors arrive as plain errors carrying the IoError's message.
  const message = (e as Error)?.message ?? '';
  if (e instanceof IoError || /^cannot (read|write) /.test(message)) {
    err(`shipshape: ${message.split('\n')[0]}`);
    return 2;
  }
  err(`shipshape: internal error: ${(e as Error)?.stack ?? e}`);
  return 2;
}

if (!isMainThread && (workerData as WorkerData | undefined)?.shipshapeWorker) {
  runWorker(parentPort as never, (file, text) => {
    try {
      writeAtomically(file, text);
    } catch (e) {
      throw new Error(`cannot write ${relPath(file)}: ${(e as Error).message}`);
    }
  });
} else if (require.main === module) {
  void Promise.resolve(main(process.argv.slice(2))).then((code) =>
    // Let stdout drain before exiting (large SARIF/JSON output to a pipe).
    process.stdout.write('', () => process.exit(code)),
  );
}
