import type { Fix, Rule } from '../../engine/types';
import { distroOf, finalImageInstructions, insertionPoint, rootImage } from '../final-stage';
import type { DockerfileModel } from '../model';

// Lines that create an unprivileged user with UID 1000, per distro family.
const CREATE_USER: Record<string, string> = {
  debian: 'RUN useradd --uid 1000 --create-home --shell /usr/sbin/nologin app',
  rhel: 'RUN useradd --uid 1000 --create-home --shell /sbin/nologin app',
  alpine: 'RUN adduser -D -u 1000 app',
};

/** Images whose default user is already unprivileged. */
function baseIsNonRoot(model: DockerfileModel): boolean {
  const img = rootImage(model.stages[model.stages.length - 1]).image;
  if (!img) return false;
  return /nonroot/.test(img.tag ?? '') || /^cgr\.dev\/chainguard\//.test(img.name);
}

export const runsAsRoot: Rule<DockerfileModel> = {
  id: 'dockerfile/runs-as-root',
  aliases: [],
  severity: 'warning',
  profile: 'recommended',
  category: 'security',
  fixable: true,
  description: 'The final image sets no USER, so its process runs as root.',
  docs: `Without a \`USER\` instruction the container's process runs as root (UID 0). A bug or a compromised dependency then
has root inside the container, and root on the host if the container escapes. Create or pick an unprivileged user and
switch to it before \`CMD\`/\`ENTRYPOINT\`. (An explicit \`USER root\` as the last USER is reported by DL3002.)

Stages the final stage builds on (\`FROM base\`) count, and images that already run unprivileged (\`:nonroot\`
distroless tags, Chainguard images), bases chosen by a build argument, and \`scratch\` images without
\`CMD\`/\`ENTRYPOINT\` (artifact exports: nothing runs) are not reported. The quick fix inserts \`USER 1000\` before CMD/ENTRYPOINT,
with a \`useradd\`/\`adduser\` line for Debian, RHEL and Alpine bases (\`USER node\` on node images). Check file
ownership when applying it.

**Bad**
\`\`\`dockerfile
FROM python:3.12-slim
COPY . /app
CMD ["python", "/app/main.py"]
\`\`\`
**Good**
\`\`\`dockerfile
FROM python:3.12-slim
RUN useradd --uid 1000 --create-home --shell /usr/sbin/nologin app
COPY . /app
USER 1000
CMD ["python", "/app/main.py"]
\`\`\``,
  check(ctx) {
    const final = finalImageInstructions(ctx.model);
    if (!final || final.instructions.some((i) => i.getKeyword() === 'USER') || baseIsNonRoot(ctx.model)) return;
    const { stage } = final;
    const root = rootImage(stage).image;
    // A base chosen by a build argument may set its own USER.
    if (!root || root.unresolved) return;
    // A scratch image without CMD/ENTRYPOINT runs nothing: it exports files (binaries, artifacts).
    const runsSomething = final.instructions.some((i) => i.getKeyword() === 'CMD' || i.getKeyword() === 'ENTRYPOINT');
    if (!runsSomething && root.name.toLowerCase() === 'scratch') return;
    const distro = distroOf(stage);
    const { range: insertAt, prefix, suffix } = insertionPoint(ctx.model, stage);
    const eol = ctx.model.index.eol;
    const lines = distro === 'node' ? ['USER node'] : [...(CREATE_USER[distro] ? [CREATE_USER[distro]] : []), 'USER 1000'];
    const fix: Fix = {
      title: distro === 'node' ? 'Run as the image\'s "node" user' : lines.length > 1 ? 'Create user 1000 and switch to it' : 'Switch to user 1000',
      edits: [{ range: insertAt, newText: prefix + lines.join(eol) + suffix }],
      safe: false,
    };
    const range = stage.from.getImageRange() ?? stage.from.getInstructionRange();
    ctx.report({ range, message: 'The final stage sets no USER: the container runs as root. Switch to an unprivileged user before CMD/ENTRYPOINT.', fix });
  },
};
