import type { Rule } from '../../engine/types';
import { program, runCommands } from '../commands';
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
// Compilers, build systems and development headers: needed to build, not to run.
const BUILD_PACKAGE = /^(?:build-essential|build-base|gcc|g\+\+|gcc-c\+\+|clang|llvm|make|cmake|ninja-build|autoconf|automake|libtool|pkg-config|pkgconf|musl-dev|golang|golang-go|rustc|cargo|openjdk-\d+-jdk|maven|gradle|[a-z0-9.+-]+-(?:dev|devel))(?:[=:].*)?$/;

export const singleStageBuildTools: Rule<DockerfileModel> = {
  id: 'dockerfile/single-stage-build-tools',
  aliases: [],
  severity: 'info',
  profile: 'recommended',
  category: 'efficiency',
  description: 'A single-stage build installs compilers or development packages that then ship in the image.',
  docs: `Compilers, build systems and \`-dev\` headers are only needed to build. In a single-stage Dockerfile they stay in
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
    for (const ins of ctx.model.stages[0].instructions) {
      for (const cmd of runCommands(ctx.model, ins)) {
        const prog = program(cmd);
        const verbs = prog && INSTALLERS[prog.name];
        if (!prog || !verbs) continue;
        const args = cmd.slice(prog.index + 1);
        if (!args.some((w) => verbs.includes(w.value))) continue;
        const tools = args.filter((w) => !w.value.startsWith('-') && BUILD_PACKAGE.test(w.value));
        if (!tools.length) continue;
        const first = tools[0];
        ctx.report({
          range: ctx.model.index.range(first.start, first.end),
          message: `This single-stage build installs build tools (${tools.map((t) => t.value).join(', ')}) that stay in the final image: build in a separate stage.`,
        });
        return;
      }
    }
  },
};
