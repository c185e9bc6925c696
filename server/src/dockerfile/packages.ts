// Package-manager command shapes shared by the pinning, non-interactive and cleanup rules.
import { fileStagesOf, type DockerfileModel, type Stage } from './model';
import type { ShellCommand, ShellWord } from './shell';
import { commandsOf, isVariable, programOf, subcommand, type CommandAt } from './run-queries';

export const APT_GET_VALUE_OPTIONS = ['-o', '-c', '-t', '--option', '--config-file', '--target-release', '--default-release'];

/** `apt-get … install …` (also `apt-get … install` under another subcommand spelling `apt-get in…` is not a thing). */
export function aptGetInstall(cmd: ShellCommand): { sub: ShellWord; packages: ShellWord[] } | undefined {
  if (programOf(cmd) !== 'apt-get') return undefined;
  const { sub, operands } = subcommand(cmd, APT_GET_VALUE_OPTIONS);
  return sub?.text === 'install' ? { sub, packages: operands } : undefined;
}

/** Every command of a program with a given subcommand (`yum install`, `apk add`…). */
export function* subcommandsOf(
  model: DockerfileModel,
  programs: string[],
  subs: string[],
  valueOptions: string[] = [],
): Generator<CommandAt & { sub: ShellWord; operands: ShellWord[] }> {
  for (const at of commandsOf(model)) {
    if (!programs.includes(programOf(at.cmd))) continue;
    const { sub, operands } = subcommand(at.cmd, valueOptions);
    if (sub && subs.includes(sub.text)) yield { ...at, sub, operands };
  }
}

/** Package words worth checking for a version: not variables, not local files or URLs. */
export function packageWords(operands: ShellWord[], fileSuffix: RegExp): ShellWord[] {
  return operands.filter((w) => w.text && !isVariable(w) && !fileSuffix.test(w.text) && !/^(\.{0,2}\/|https?:|ftp:)/.test(w.text));
}

/** Stages whose files end up in an image: the last stage and the ones later stages build `FROM` (and a fragment's). */
export function isShippedStage(model: DockerfileModel, stage: Stage): boolean {
  // The implicit stage of a fragment without FROM is all there is: judge it as shipped.
  const stages = fileStagesOf(model);
  return stage.implicit || stage === stages[stages.length - 1] || stages.some((s) => s.parent === stage);
}

const PIP_VALUE_OPTIONS = [
  '-r', '--requirement', '-c', '--constraint', '-e', '--editable', '-i', '--index-url', '--extra-index-url', '-f',
  '--find-links', '-t', '--target', '--prefix', '--root', '--src', '--upgrade-strategy', '--platform', '--python-version',
  '--implementation', '--abi', '--trusted-host', '--cache-dir', '--progress-bar', '--log', '--proxy', '--retries',
  '--timeout', '--exists-action', '--cert', '--client-cert', '--global-option', '--install-option', '--config-settings',
  '-C', '--only-binary', '--no-binary', '--python', '--report', '-b', '--build',
];

/** `pip install …`, `pip3 install …` or `python -m pip install …`: the `install` word and its package operands. */
export function pipInstall(cmd: ShellCommand): { sub: ShellWord; operands: ShellWord[]; args: ShellWord[] } | undefined {
  const program = programOf(cmd);
  let args = cmd.args;
  if (/^python[0-9.]*$/.test(program)) {
    const m = args.findIndex((a) => a.text === '-m');
    if (m < 0 || args[m + 1]?.text !== 'pip') return undefined;
    args = args.slice(m + 2);
  } else if (!/^pip[0-9.]*$/.test(program)) return undefined;
  const view: ShellCommand = { ...cmd, args };
  const { sub, operands } = subcommand(view, PIP_VALUE_OPTIONS);
  return sub?.text === 'install' ? { sub, operands, args } : undefined;
}

export function* pipInstalls(model: DockerfileModel): Generator<CommandAt & { sub: ShellWord; operands: ShellWord[]; args: ShellWord[] }> {
  for (const at of commandsOf(model)) {
    const pip = pipInstall(at.cmd);
    if (pip) yield { ...at, ...pip };
  }
}

export const APK_VALUE_OPTIONS = ['-t', '--virtual', '-X', '--repository', '-p', '--root', '--arch', '--keys-dir', '--repositories-file', '--cache-dir', '--cache-max-age', '--timeout'];

/** One family of RPM package managers and how its commands look. */
export interface RpmTool {
  programs: string[];
  installs: string[];
  valueOptions: string[];
}

export const YUM: RpmTool = { programs: ['yum'], installs: ['install', 'groupinstall', 'localinstall'], valueOptions: ['-c', '--config', '--enablerepo', '--disablerepo', '--installroot', '--releasever', '-d', '-e', '--setopt'] };
export const DNF: RpmTool = { programs: ['dnf', 'microdnf', 'dnf5'], installs: ['install', 'groupinstall', 'localinstall'], valueOptions: ['-c', '--config', '--enablerepo', '--disablerepo', '--installroot', '--releasever', '-d', '-e', '--setopt', '--repo', '--repofrompath'] };
export const ZYPPER: RpmTool = { programs: ['zypper'], installs: ['install', 'in'], valueOptions: ['-r', '--repo', '--from', '-t', '--type', '--root', '-R', '--reposd-dir', '-C', '--cache-dir', '--raw-cache-dir'] };

/**
 * Installs of a family, with `module install` (yum/dnf) given as `module: true`, and package groups
 * (`groupinstall`, `group install`: operands are group names, which have no version) as `group: true`.
 */
export function* rpmInstalls(
  model: DockerfileModel,
  tool: RpmTool,
): Generator<CommandAt & { sub: ShellWord; operands: ShellWord[]; module: boolean; group: boolean }> {
  for (const at of commandsOf(model)) {
    if (!tool.programs.includes(programOf(at.cmd))) continue;
    const { sub, operands } = subcommand(at.cmd, tool.valueOptions);
    if (!sub) continue;
    const nested = operands[0]?.text === 'install' && tool !== ZYPPER;
    if (sub.text === 'module' && nested) yield { ...at, sub: operands[0], operands: operands.slice(1), module: true, group: false };
    else if ((sub.text === 'group' || sub.text === 'groups') && nested) yield { ...at, sub: operands[0], operands: operands.slice(1), module: false, group: true };
    else if (tool.installs.includes(sub.text)) yield { ...at, sub, operands, module: false, group: sub.text === 'groupinstall' };
  }
}
