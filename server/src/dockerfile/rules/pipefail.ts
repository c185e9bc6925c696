import type { Fix, Rule } from '../../engine/types';
import { allStages, type DockerfileModel, type Stage } from '../model';
import type { RunInfo } from '../run-model';
import { programOf } from '../run-queries';

const BASH_IMAGES = /^(debian|ubuntu|centos|fedora|rockylinux|almalinux|amazonlinux|oraclelinux|ubi\d*(-minimal)?|node|python|golang|ruby|php|rust|openjdk|eclipse-temurin|amazoncorretto|buildpack-deps|maven|gradle|perl|elixir|erlang|haskell|swift|dotnet\/sdk|dotnet\/aspnet|dotnet\/runtime)$/;

/** The image a stage ultimately builds on (through `FROM <stage>`). */
function rootImage(stage: Stage): string | undefined {
  let s: Stage | undefined = stage;
  while (s?.parent) s = s.parent;
  return s?.image?.resolved.toLowerCase();
}

function shellFamily(stage: Stage): 'ash' | 'bash' | 'unknown' {
  const image = rootImage(stage);
  if (!image) return 'unknown';
  if (/alpine|busybox/.test(image)) return 'ash';
  const name = image.replace(/[:@].*$/, '').replace(/^([^/]+\.[^/]+\/|docker\.io\/)?(library\/)?/, '');
  const short = name.split('/').slice(-2).join('/');
  return BASH_IMAGES.test(name) || BASH_IMAGES.test(short) || BASH_IMAGES.test(name.split('/').pop()!) ? 'bash' : 'unknown';
}

/**
 * Whether a SHELL argv turns pipefail on: `-o pipefail` (also `-eo pipefail`) given to a shell known to have it
 * (bash, zsh, ksh, ash). Plain `sh` counts only where it is busybox ash (Alpine, busybox images): dash, Debian's sh,
 * rejects the option.
 */
function shellHasPipefail(shell: string[], stage: Stage): boolean {
  const program = (shell[0] ?? '').replace(/^.*[/\\]/, '');
  const known = /^(bash|zsh|ksh|mksh|ash)$/.test(program) || (program === 'sh' && shellFamily(stage) === 'ash');
  return known && shell.some((a, i) => a === 'pipefail' && i > 0 && shell.slice(1, i).some((f) => /^-[A-Za-z]*o[A-Za-z]*$/.test(f)));
}

function setsPipefail(run: RunInfo): boolean {
  return run.script.commands.some(
    (c) => programOf(c) === 'set' && c.args.some((a, i) => a.text === 'pipefail' && /^-[A-Za-z]*o$/.test(c.args[i - 1]?.text ?? '')),
  );
}

function fixFor(model: DockerfileModel, run: RunInfo): Fix | undefined {
  if (run.onbuild || run.exec) return undefined;
  const family = shellFamily(run.stage);
  if (family === 'ash') {
    const body = run.script.bodies.find((b) => b.script);
    const first = run.script.commands[0];
    if (!body && !first) return undefined;
    const at = model.index.positionAt(body ? body.start : first.start);
    return { title: 'Prefix the RUN with set -o pipefail', edits: [{ range: { start: at, end: at }, newText: body ? `set -o pipefail${model.index.eol}` : 'set -o pipefail && ' }] };
  }
  const start = run.instruction.getRange().start;
  const indent = /^\s*/.exec(model.index.lineText(start.line))![0];
  const at = { line: start.line, character: 0 };
  return {
    title: 'Insert SHELL ["/bin/bash", "-o", "pipefail", "-c"] before the RUN',
    edits: [{ range: { start: at, end: at }, newText: `${indent}SHELL ["/bin/bash", "-o", "pipefail", "-c"]${model.index.eol}` }],
    safe: family === 'bash',
  };
}

export const pipefail: Rule<DockerfileModel> = {
  id: 'dockerfile/pipefail',
  aliases: ['DL4006'],
  severity: 'warning',
  profile: 'recommended',
  category: 'reliability',
  fixable: true,
  description: 'RUN with a pipe but without `pipefail`: a failing command before the pipe goes unnoticed.',
  docs: `A pipeline's status is the status of its last command, so \`curl … | tar x\` succeeds even when the download
fails, and the build goes on with a broken layer. Set \`-o pipefail\` with SHELL (bash), or start the RUN with
\`set -o pipefail &&\` where the shell supports it (busybox ash on Alpine does; dash on Debian does not).
Only a SHELL whose shell has the option counts: \`["/bin/bash", "-o", "pipefail", "-c"]\` (or zsh, ksh, ash);
\`["/bin/sh", "-o", "pipefail", "-c"]\` is trusted on Alpine and busybox images only, where sh is busybox ash.
The quick fix inserts \`SHELL ["/bin/bash", "-o", "pipefail", "-c"]\` before the RUN on images that have bash, and
prefixes \`set -o pipefail &&\` on Alpine and busybox images.

**Bad**
\`\`\`dockerfile
RUN curl -fsSL https://example.com/app.tgz | tar -xz
\`\`\`
**Good**
\`\`\`dockerfile
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
RUN curl -fsSL https://example.com/app.tgz | tar -xz
\`\`\``,
  check(ctx) {
    const { model } = ctx;
    for (const stage of allStages(model)) {
      for (const run of stage.runs) {
        if (!run.script.pipes.length || run.exec) continue;
        const shell = run.shell;
        if (shell && (shellHasPipefail(shell, stage) || /pwsh|powershell|cmd(\.exe)?$/i.test(shell[0] ?? ''))) continue;
        if (setsPipefail(run)) continue;
        // Windows images run RUN under cmd.exe unless SHELL says otherwise: pipefail does not apply.
        if (!shell && /windows|nanoserver|servercore/.test(rootImage(stage) ?? '')) continue;
        const pipe = run.script.pipes[0];
        ctx.report({
          range: model.index.range(pipe, pipe + 1),
          message: 'Set -o pipefail (SHELL ["/bin/bash", "-o", "pipefail", "-c"]) so that a failure before the pipe fails the RUN.',
          fix: fixFor(model, run),
        });
      }
    }
  },
};
