import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { buildModel } from '../../../server/src/dockerfile/model';
import { dockerfileCompletions, dockerfileHover, dockerfileSymbols } from '../../../server/src/dockerfile/features';

/** Text with a `|` marking the cursor → model and position. */
function at(marked: string) {
  const offset = marked.indexOf('|');
  const text = marked.slice(0, offset) + marked.slice(offset + 1);
  const model = buildModel(text);
  return { model, position: model.index.positionAt(offset) };
}

const labels = (marked: string) => {
  const { model, position } = at(marked);
  return dockerfileCompletions(model, position).map((e) => e.label);
};

describe('Dockerfile completion', () => {
  it('offers instruction keywords at the start of a line, matching the case typed', () => {
    const { model, position } = at('FROM node:22\nru|');
    const items = dockerfileCompletions(model, position);
    assert.ok(items.some((i) => i.label === 'RUN' && i.insertText === 'run ${1:command}'));
    assert.ok(items.some((i) => i.label === 'HEALTHCHECK'));
    assert.equal(labels('FROM node:22\nRUN echo \\\n  |').length, 0, 'no keywords on a continuation line');
  });

  it('offers the flags of the current instruction only', () => {
    assert.deepEqual(labels('FROM node:22\nRUN --|'), ['--mount', '--network', '--security']);
    assert.ok(labels('FROM node:22\nCOPY --|').includes('--from'));
    assert.ok(!labels('FROM node:22\nCOPY --|').includes('--mount'));
    assert.deepEqual(labels('FROM node:22\nCMD --|'), []);
  });

  it('completes --mount keys for the mount type, and values', () => {
    assert.deepEqual(labels('FROM node:22\nRUN --mount=type=|'), ['cache', 'secret', 'ssh', 'bind', 'tmpfs']);
    const keys = labels('FROM node:22\nRUN --mount=type=cache,|');
    assert.ok(keys.includes('target') && keys.includes('sharing') && !keys.includes('type') && !keys.includes('env'));
    assert.ok(labels('FROM node:22\nRUN --mount=type=cache,target=|').includes('/root/.npm'));
    assert.deepEqual(labels('FROM node:22\nRUN --mount=type=cache,target=/x,sharing=|'), ['shared', 'private', 'locked']);
    assert.ok(labels('FROM node:22\nRUN --mount=type=secret,|').includes('env'));
    assert.deepEqual(labels('FROM node:22\nRUN --network=|'), ['default', 'none', 'host']);
  });

  it('completes earlier stage names after COPY --from=', () => {
    assert.deepEqual(labels('FROM node:22 AS build\nFROM node:22 AS test\nFROM nginx:1.27\nCOPY --from=|'), ['build', 'test']);
  });
});

describe('Dockerfile hover', () => {
  it('documents the instruction under the cursor', () => {
    const { model, position } = at('FROM node:22\nHEALTH|CHECK CMD ["true"]\n');
    const h = dockerfileHover(model, position)!;
    assert.match(h.contents, /^\*\*HEALTHCHECK\*\*/);
    assert.deepEqual(h.range, { start: { line: 1, character: 0 }, end: { line: 1, character: 11 } });
  });

  it('documents flags, mount options and known values', () => {
    let { model, position } = at('FROM node:22\nRUN --net|work=none make\n');
    assert.match(dockerfileHover(model, position)!.contents, /RUN --network[\s\S]*`none`: No network/);
    ({ model, position } = at('FROM node:22\nRUN --mount=type=cache,sha|ring=locked make\n'));
    assert.match(dockerfileHover(model, position)!.contents, /option \*\*sharing\*\* \(type `cache`\)[\s\S]*`locked`/);
    ({ model, position } = at('FROM node:22\nCOPY --mo|unt=x a b\n'));
    assert.match(dockerfileHover(model, position)!.contents, /is not a flag of COPY/);
  });

  it('has nothing to say on plain arguments', () => {
    const { model, position } = at('FROM node:22\nRUN make al|l\n');
    assert.equal(dockerfileHover(model, position), undefined);
  });
});

describe('Dockerfile symbols', () => {
  it('lists stages with their instructions, the final stage marked', () => {
    const { model } = at('|FROM golang:1.23 AS build\nRUN go build \\\n  ./...\nFROM scratch\nCOPY --from=build /app /app\n');
    const symbols = dockerfileSymbols(model);
    assert.deepEqual(symbols.map((s) => [s.name, s.detail]), [['build', 'golang:1.23'], ['stage 1', 'scratch (final)']]);
    assert.deepEqual(symbols[0].children!.map((c) => [c.name, c.detail]), [['RUN', 'go build ./...']]);
    assert.deepEqual(symbols[0].range, { start: { line: 0, character: 0 }, end: { line: 2, character: 7 } });
    assert.deepEqual(symbols[0].selectionRange, { start: { line: 0, character: 20 }, end: { line: 0, character: 25 } });
  });
});
