import type { Rule } from '../../engine/types';
import { invocationsOf } from '../run-queries';
import type { ShellWord } from '../shell';
import type { DockerfileModel } from '../model';

const INSTALLERS: Record<string, string[]> = {
  'apt-get': ['install'],
  apt: ['install'],
  apk: ['add'],
  yum: ['install'],
  dnf: ['install'],
  microdnf: ['install'],
  zypper: ['install', 'in'],
};
const PROGRAMS = [...Object.keys(INSTALLERS), 'npm', 'composer', 'pip', 'pip3'];

// Compilers, build systems and development headers: needed to build, not to run.
const BUILD_PACKAGE = /^(?:build-essential|build-base|gcc|g\+\+|gcc-c\+\+|clang|llvm|make|cmake|ninja-build|autoconf|automake|libtool|pkg-config|pkgconf|musl-dev|golang|golang-go|rustc|cargo|openjdk-\d+-jdk|maven|gradle|[a-z0-9.+-]+-(?:dev|devel))(?:[=:].*)?$/;

type Found = { at: ShellWord; message: string } | undefined;

function buildTools(name: string, args: ShellWord[]): Found {
  const verbs = INSTALLERS[name];
  if (!verbs || !args.some((w) => verbs.includes(w.text))) return undefined;
  const tools = args.filter((w) => !w.text.startsWith('-') && BUILD_PACKAGE.test(w.text));
  if (!tools.length) return undefined;
  return { at: tools[0], message: `This single-stage build installs build tools (${tools.map((t) => t.text).join(', ')}) that stay in the final image: build in a separate stage.` };
}

/** Package-manager installs that include development dependencies. */
function devDependencies(name: string, args: ShellWord[], productionEnv: boolean): Found {
  const sub = args.find((w) => !w.text.startsWith('-'));
  const has = (re: RegExp) => args.some((w) => re.test(w.text));
  const message = (what: string) => `This single-stage build installs ${what} that stay in the final image: build in a separate stage, or install production dependencies only.`;
  if (name === 'npm' && sub && ['ci', 'install', 'i'].includes(sub.text)) {
    const named = args.slice(args.indexOf(sub) + 1).some((w) => !w.text.startsWith('-'));
    if (!named && !productionEnv && !has(/^--(?:omit=dev|production|only=prod(?:uction)?)$/)) return { at: sub, message: message('devDependencies') };
  }
  if (name === 'composer' && sub?.text === 'install' && !has(/^--no-dev$/)) return { at: sub, message: message('require-dev packages') };
  if (/^pip3?$/.test(name) && sub?.text === 'install') {
    const req = args.find((w, i) => /^(?:-r|--requirement)$/.test(args[i - 1]?.text ?? '') && /(?:^|[/_-])(?:dev|test)s?[._-]|-dev\.|_dev\./i.test(w.text));
    if (req) return { at: req, message: message(`development requirements (${req.text})`) };
  }
  return undefined;
}

export const singleStageBuildTools: Rule<DockerfileModel> = {
  id: 'dockerfile/single-stage-build-tools',
  aliases: [],
  severity: 'info',
  profile: 'recommended',
  category: 'efficiency',
  description: 'A single-stage build installs compilers, development packages or dev dependencies that then ship in the image.',
  docs: `Compilers, build systems, \`-dev\` headers and development dependencies (npm devDependencies without
\`--omit=dev\`/\`NODE_ENV=production\`, Composer without \`--no-dev\`, \`pip install -r requirements-dev.txt\`) are only
needed to build or test. In a single-stage Dockerfile they stay in
the runtime image: hundreds of megabytes more to pull, and more packages for scanners to flag and attackers to use.
Build in one stage and copy the result into a slim runtime stage.

**Bad**
\`\`\`dockerfile
FROM python:3.12-slim
RUN apt-get update && apt-get install -y --no-install-recommends gcc libpq-dev && pip install psycopg2
\`\`\`
**Good**
\`\`\`dockerfile
FROM python:3.12-slim AS build
RUN apt-get update && apt-get install -y --no-install-recommends gcc libpq-dev
RUN pip wheel --wheel-dir /wheels psycopg2

FROM python:3.12-slim
COPY --from=build /wheels /wheels
RUN pip install --no-index /wheels/*
\`\`\``,
  check(ctx) {
    if (ctx.model.stages.length !== 1) return;
    const stage = ctx.model.stages[0];
    const productionEnvAt = stage.instructions.find((i) => i.getKeyword() === 'ENV' && /\bNODE_ENV[= ]+["']?production/.test(i.getRawArgumentsContent() ?? ''))?.getRange().start.line;
    for (const inv of invocationsOf(ctx.model, PROGRAMS, stage)) {
      const productionEnv = productionEnvAt !== undefined && productionEnvAt < inv.run.instruction.getRange().start.line;
      const found = buildTools(inv.name, inv.args) ?? devDependencies(inv.name, inv.args, productionEnv);
      if (!found) continue;
      ctx.report({ range: ctx.model.index.range(found.at.start, found.at.end), message: found.message });
      return;
    }
  },
};
