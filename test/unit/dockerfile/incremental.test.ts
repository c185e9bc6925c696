// The incremental Dockerfile parse must give exactly what a full parse gives: random edits on a varied Dockerfile,
// each version parsed from the previous one and from scratch, compared node by node and by the findings a user sees.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { DockerfileParser, type Dockerfile, type Instruction, type ModifiableInstruction, type Run } from 'dockerfile-ast';
import { parseDockerfile, reparse } from '../../../server/src/dockerfile/incremental';
import { buildModel, type DockerfileModel } from '../../../server/src/dockerfile/model';
import { clearShellCache } from '../../../server/src/dockerfile/run-model';
import { lint } from '../../helpers';
import { randomEdit, rng } from './random-edits';

const BASE = `# syntax=docker/dockerfile:1
ARG BASE=debian:12
ARG VERSION

# build stage
FROM \${BASE} AS build
WORKDIR /src
ENV PATH=/opt/bin:$PATH \\
    MODE=release
COPY --chown=app:app package.json ./
RUN apt-get update && \\
    # a comment inside the continuation
    apt-get install -y curl git && \\

    rm -rf /var/lib/apt/lists/*
RUN <<EOF
set -e
echo "building $VERSION"
EOF
COPY <<-CONF /etc/app.conf
	key = value
	CONF
RUN --mount=type=cache,target=/root/.cache pip install -r requirements.txt
EXPOSE 8080/tcp 9000
LABEL org.opencontainers.image.title="demo" \\
      maintainer="me"

FROM build AS test
ONBUILD RUN echo triggered
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
RUN cd /src && make test | tee log
HEALTHCHECK --interval=30s CMD curl -f http://localhost/ || exit 1

FROM node:22-slim
USER node
COPY --from=build /src/out /app
ENTRYPOINT ["node", "/app/server.js"]
CMD node server.js
`;

const SNIPPETS = ['x', ' ', '\n', '\\\n', '\\', '#', ' # note', '<<EOF\n', 'EOF\n', 'RUN echo hi\n', '$FOO', '${VERSION}', '"', '[', ']', '--mount=type=tmpfs,target=/t ', 'FROM alpine\n', '\n\n', '\t', 'ARG X=1\n', '\r\n'];

const edit = (text: string, r: () => number) => randomEdit(text, r, SNIPPETS, { insert: 0.55, delete: 0.35, maxDelete: 6 });

const safe = (f: () => unknown) => {
  try {
    return f();
  } catch (err) {
    return `throws ${(err as Error).name}`;
  }
};

/**
 * Everything the rules and the validator read of a tree, as plain data. `variables: false` leaves out whether each
 * variable is defined, which asks the tree an instruction belongs to.
 */
function shape(ast: Dockerfile, { variables = true } = {}): unknown {
  const ins = (i: Instruction): unknown => {
    const flags = 'getFlags' in i ? (i as ModifiableInstruction).getFlags().map((f) => [f.getName(), f.getValue(), f.getRange(), f.getValueRange(), f.getOptions().map((o) => [o.getName(), o.getValue(), o.getRange()])]) : [];
    const heredocs = 'getHeredocs' in i ? safe(() => (i as Run).getHeredocs().map((h) => [h.getName(), h.getStartRange(), h.getNameRange(), h.getContentRange(), h.getDelimiterRange()])) : [];
    return [
      i.getKeyword(),
      i.getRange(),
      i.getInstructionRange(),
      i.getTextContent(),
      i.getArguments().map((a) => [a.getValue(), a.getRange()]),
      i.getArgumentsContent(),
      // dockerfile-ast overflows its stack resolving variables outside any stage in some broken texts: compare that too.
      safe(() => i.getVariables().map((v) => (variables ? [v.getName(), v.getRange(), v.isDefined(), v.isBuildVariable()] : [v.getName(), v.getRange()]))),
      flags,
      heredocs,
    ];
  };
  return {
    escape: ast.getEscapeCharacter(),
    directives: ast.getDirectives().map((d) => [d.getName(), d.getValue(), d.getRange()]),
    instructions: ast.getInstructions().map(ins),
    comments: ast.getComments().map((c) => [c.getRange(), c.getContent()]),
    stages: ast.getFROMs().map((f) => [f.getImage(), f.getBuildStage(), f.getRange()]),
    onbuild: ast.getOnbuildTriggers().map(ins),
    initialArgs: ast.getInitialARGs().map((a) => a.getRange()),
  };
}

/** The distinct text documents (a whole text each) reachable from a tree. */
function documentsHeldBy(ast: Dockerfile): number {
  const documents = new Set<object>();
  const seen = new Set<object>();
  const walk = (value: unknown): void => {
    if (value === null || typeof value !== 'object' || seen.has(value)) return;
    seen.add(value);
    if (typeof (value as { getText?: unknown }).getText === 'function' && typeof (value as { lineCount?: unknown }).lineCount === 'number') {
      documents.add(value);
      return;
    }
    for (const key of Reflect.ownKeys(value)) walk((value as Record<string | symbol, unknown>)[key]);
  };
  walk(ast);
  return documents.size;
}

/** BASE with an `x` appended to its `n`-th instruction line, `count` times (no line shifts). */
const typedAt = (text: string, n: number, count = 1) => {
  const lines = text.split('\n');
  const starts = lines.flatMap((l, i) => (/^[A-Z]+ /.test(l) && !l.startsWith('FROM') ? [i] : []));
  const i = starts[n % starts.length];
  lines[i] += 'x'.repeat(count);
  return lines.join('\n');
};

const scriptsOf = (model: DockerfileModel) => JSON.stringify(model.stages.flatMap((s) => s.runs.map((r) => r.script)));

describe('dockerfile incremental parse', () => {
  it('gives the same tree as a full parse after each of many random edits', () => {
    let reused = 0;
    for (let seed = 1; seed <= 12; seed++) {
      const r = rng(seed);
      let text = BASE;
      let ast = DockerfileParser.parse(text);
      for (let step = 0; step < 40; step++) {
        const next = edit(text, r);
        const full = DockerfileParser.parse(next);
        const was = JSON.stringify(shape(ast));
        const wasText = JSON.stringify(shape(ast, { variables: false }));
        const inc = reparse(text, ast, next);
        if (inc) {
          reused++;
          assert.deepEqual(shape(inc), shape(full), `seed ${seed}, step ${step}: ${JSON.stringify(next)}`);
          // The previous tree shares nodes with the new one and still reads the same text at the same ranges.
          assert.equal(JSON.stringify(shape(ast, { variables: false })), wasText, `seed ${seed}, step ${step}`);
        } else {
          // A fallback leaves the previous tree untouched.
          assert.equal(JSON.stringify(shape(ast)), was, `seed ${seed}, step ${step}`);
        }
        text = next;
        ast = inc ?? full;
      }
    }
    // Most edits are parsed incrementally (the rest fall back to a full parse on purpose).
    assert.ok(reused > 300, `only ${reused} of 480 edits were parsed incrementally`);
  });

  it('gives the same findings as linting each version from scratch', () => {
    for (let seed = 101; seed <= 106; seed++) {
      const r = rng(seed);
      let text = BASE;
      lint('/inc/Dockerfile', text);
      for (let step = 0; step < 25; step++) {
        text = edit(text, r);
        const result = lint('/inc/Dockerfile', text);
        // RUN scripts reused from the previous version (moved when the edit came before them) are the ones a
        // fresh read gives.
        const scripts = scriptsOf(result.parsed!.model as DockerfileModel);
        clearShellCache();
        assert.deepEqual(scripts, scriptsOf(buildModel(text)), `seed ${seed}, step ${step}: ${JSON.stringify(text)}`);
        const scratch = lint(`/scratch/${seed}-${step}/Dockerfile`, text).findings;
        assert.deepEqual(result.findings, scratch, `seed ${seed}, step ${step}: ${JSON.stringify(text)}`);
      }
    }
  });

  it('shifts the instructions after an inserted line and leaves the previous tree as it was', () => {
    const before = DockerfileParser.parse(BASE);
    const snapshot = JSON.stringify(shape(before));
    const at = BASE.indexOf('EXPOSE');
    const next = BASE.slice(0, at) + 'RUN echo one\nRUN echo two\n' + BASE.slice(at);
    const inc = reparse(BASE, before, next);
    assert.ok(inc);
    assert.deepEqual(shape(inc), shape(DockerfileParser.parse(next)));
    assert.equal(JSON.stringify(shape(before)), snapshot);
  });

  it('keeps typing in one place incremental however long it goes on', () => {
    const full = DockerfileParser.parse;
    let fullParses = 0;
    DockerfileParser.parse = (text: string) => (fullParses++, full(text));
    try {
      let text = BASE;
      parseDockerfile(text, '/typing/Dockerfile');
      for (let v = 1; v <= 200; v++) {
        text = typedAt(BASE, 5, v);
        const ast = parseDockerfile(text, '/typing/Dockerfile');
        if (v % 50 === 0) assert.deepEqual(shape(ast), shape(full(text)));
      }
    } finally {
      DockerfileParser.parse = full;
    }
    assert.equal(fullParses, 1);
  });

  it('keeps few earlier texts alive while edits move all over the file', () => {
    const envs = Array.from({ length: 40 }, (_, i) => `ENV VAR_${i}=value${i}`).join('\n');
    let text = BASE.replace('EXPOSE', `${envs}\nEXPOSE`);
    let ast = parseDockerfile(text, '/roaming/Dockerfile');
    let most = 0;
    for (let v = 1; v <= 100; v++) {
      text = typedAt(text, v * 7);
      ast = parseDockerfile(text, '/roaming/Dockerfile');
      // As the rules do: ENV, LABEL and ARG properties are made when first read, and kept with their document.
      for (const i of ast.getInstructions()) (i as Partial<{ getProperties(): unknown }>).getProperties?.();
      most = Math.max(most, documentsHeldBy(ast));
    }
    assert.deepEqual(shape(ast), shape(DockerfileParser.parse(text)));
    assert.ok(most <= 13, `a tree kept ${most} documents alive`);
  });

  it('falls back to a full parse when an edit touches the parser directives', () => {
    const ast = DockerfileParser.parse(BASE);
    assert.equal(reparse(BASE, ast, BASE.replace('# syntax=docker/dockerfile:1', '# escape=`')), undefined);
  });

  it('parses on into the next instructions when the edited one now continues onto them', () => {
    const ast = DockerfileParser.parse(BASE);
    const at = BASE.indexOf('EXPOSE') - 1; // the line break before EXPOSE: the RUN before now continues onto it
    const next = BASE.slice(0, at) + ' \\' + BASE.slice(at);
    const inc = reparse(BASE, ast, next);
    assert.ok(inc);
    assert.deepEqual(shape(inc), shape(DockerfileParser.parse(next)));
    // And back.
    assert.deepEqual(shape(reparse(next, inc, BASE)!), shape(ast));
  });
});
