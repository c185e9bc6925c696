// Rule factories for the RPM-family package managers (yum, dnf/microdnf, zypper): the same three checks —
// non-interactive install, pinned versions, cache cleanup — with each tool's spelling. Each rule still has its own
// file that states its id, code and parameters.
import type { Rule } from '../engine/types';
import type { DockerfileModel } from './model';
import { appendToRun, cacheMounted, hasOption, insertAfter, isVariable, positionals, programOf, runHas, spanRange, wordRange } from './run-queries';
import { rpmInstalls, type RpmTool } from './packages';
import type { ShellCommand } from './shell';

interface ToolRule {
  id: string;
  alias: string;
  tool: RpmTool;
  /** The name used in messages and docs (`yum`, `dnf`, `zypper`). */
  name: string;
}

const example = (name: string, install: string, after = '') => `\`\`\`dockerfile\nRUN ${name} ${install}${after}\n\`\`\``;

/** `<tool> install` without `-y`. */
export function rpmYesRule({ id, alias, tool, name }: ToolRule): Rule<DockerfileModel> {
  return {
    id,
    aliases: [alias],
    severity: 'warning',
    profile: 'recommended',
    category: 'reliability',
    fixable: true,
    description: `\`${name} install\` without \`-y\` waits for a confirmation that never comes in a build.`,
    docs: `A build has no terminal to answer the "Is this ok [y/N]" prompt: without \`-y\` (\`--assumeyes\`) the install
fails. The quick fix adds \`-y\` after \`install\`.

**Bad**
${example(name, 'install httpd-2.4.62', ` && ${name} clean all`)}
**Good**
${example(name, 'install -y httpd-2.4.62', ` && ${name} clean all`)}`,
    check(ctx) {
      for (const { cmd, sub } of rpmInstalls(ctx.model, tool)) {
        if (hasOption(cmd, ['assumeyes', 'yes'], 'y')) continue;
        ctx.report({
          range: spanRange(ctx.model, cmd.name, sub),
          message: `${cmd.name.text} install needs -y (or --assumeyes) to run without a prompt.`,
          fix: insertAfter(ctx.model, sub, ' -y', 'Add -y'),
        });
      }
    },
  };
}

/** `<tool> install pkg` without `pkg-<version>` (`name:stream` for modules). */
export function rpmPinRule({ id, alias, tool, name }: ToolRule): Rule<DockerfileModel> {
  return {
    id,
    aliases: [alias],
    severity: 'warning',
    profile: 'recommended',
    category: 'reliability',
    description: `\`${name} install\` of a package without a pinned version.`,
    docs: `Without a version each build installs whatever the repository holds that day. Pin packages as
\`name-version\` (\`httpd-2.4.62\`), and modules as \`name:stream\` (\`module install nodejs:20\`). Local \`.rpm\`
files, \`localinstall\` and package groups (\`groupinstall\`, \`group install\`, \`@group\`), which have no version,
are not reported.

**Bad**
${example(name, 'install -y httpd', ` && ${name} clean all`)}
**Good**
${example(name, 'install -y httpd-2.4.62', ` && ${name} clean all`)}`,
    check(ctx) {
      for (const { operands, module, group, sub } of rpmInstalls(ctx.model, tool)) {
        // Groups have no version, and `localinstall` takes files.
        if (group || sub.text === 'localinstall') continue;
        for (const pkg of operands) {
          if (!pkg.text || isVariable(pkg) || pkg.text.startsWith('@') || /^(\.{0,2}\/|https?:)/.test(pkg.text)) continue;
          if (module ? pkg.text.includes(':') : /-[0-9]/.test(pkg.text) || /\.rpm$/.test(pkg.text)) continue;
          const hint = module ? `${pkg.text}:<stream>` : `${pkg.text}-<version>`;
          ctx.report({ range: wordRange(ctx.model, pkg), message: `Pin the version of "${pkg.text}": ${name} ${module ? 'module ' : ''}install ${hint}.` });
        }
      }
    },
  };
}

/** `<tool> install` without the cleanup command (or removing / cache-mounting the cache directory). */
export function rpmCleanRule(
  rule: ToolRule & { command: string; cleans: (args: string[]) => boolean; cacheDir: RegExp },
): Rule<DockerfileModel> {
  const { id, alias, tool, name, command, cacheDir } = rule;
  // The cleanup must come after the install, and be run by the same program (`dnf install` is not cleaned by
  // `microdnf clean all`, which has its own cache), or remove the cache directory.
  const cleans = (cmd: ShellCommand, install: ShellCommand) => {
    if (cmd.start < install.end) return false;
    const args = positionals(cmd).map((w) => w.text);
    if (programOf(cmd) === programOf(install)) return rule.cleans(args);
    return programOf(cmd) === 'rm' && args.some((a) => cacheDir.test(a.replace(/\/\*?$/, '')));
  };
  return {
    id,
    aliases: [alias],
    severity: 'warning',
    profile: 'recommended',
    category: 'efficiency',
    fixable: true,
    description: `\`${name} install\` without \`${command}\` in the same RUN keeps the package cache in the layer.`,
    docs: `${name} keeps downloaded packages and repository metadata in its cache. Clean it in the same RUN (a later RUN
cannot shrink an earlier layer), after the install and with the same program (\`microdnf clean all\` does not clean
\`dnf\`'s cache), or keep it out of the image with a cache mount. The quick fix appends
\`&& ${command}\`.

**Bad**
${example(name, 'install -y httpd-2.4.62')}
**Good**
${example(name, 'install -y httpd-2.4.62', ` && ${command}`)}`,
    check(ctx) {
      const seen = new Set<unknown>();
      for (const { cmd, run, sub } of rpmInstalls(ctx.model, tool)) {
        if (seen.has(run)) continue;
        seen.add(run);
        if (runHas(run, (c) => cleans(c, cmd)) || cacheMounted(run, cacheDir)) continue;
        ctx.report({
          range: spanRange(ctx.model, cmd.name, sub),
          message: `Run ${command} in the same RUN after ${cmd.name.text} install (or use a cache mount) to keep the layer small.`,
          fix: appendToRun(ctx.model, run, command, `Append && ${command}`),
        });
      }
    },
  };
}
