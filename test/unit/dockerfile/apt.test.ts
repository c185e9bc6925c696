import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { findingsOf } from '../../helpers';
import { assertFix, DF, hits, message } from './check';

const FROM = 'FROM debian:12\n';

describe('dockerfile/apt-get-pin (DL3008)', () => {
  const rule = 'dockerfile/apt-get-pin';
  it('reports each unpinned package on its own word, across continuations', () => {
    const text = `${FROM}RUN apt-get update && apt-get install -y --no-install-recommends \\\n    curl=7.88.1-10 \\\n    git\n`;
    assert.deepEqual(hits(text, rule), ['git']);
    assert.match(message(text, rule), /Pin the version of "git": apt-get install git=<version>/);
    assert.deepEqual(findingsOf(DF, text, rule)[0].aliases, ['DL3008']);
  });
  it('skips options and their values, and accepts pins, globs, release pins and local .deb files', () => {
    const text = `${FROM}RUN apt-get -o Dpkg::Options::=--force-confnew install -t bookworm-backports -y "nginx=1.22*" pkg/bookworm ./local.deb\n`;
    assert.deepEqual(hits(text, rule), []);
  });
  it('reports unpinned packages in here-documents and ONBUILD triggers', () => {
    assert.deepEqual(hits(`${FROM}RUN <<EOF\napt-get update\napt-get install -y jq\nEOF\n`, rule), ['jq']);
    assert.deepEqual(hits(`${FROM}ONBUILD RUN apt-get install -y jq\n`, rule), ['jq']);
  });
  it('is silenced by a hadolint pragma above the RUN, also on continuation and here-document lines', () => {
    assert.deepEqual(hits(`${FROM}# hadolint ignore=DL3008\nRUN apt-get install -y \\\n  jq\n`, rule), []);
    assert.deepEqual(hits(`${FROM}# hadolint ignore=DL3008\nRUN <<EOF\napt-get install -y jq\nEOF\n`, rule), []);
  });
  it('ignores other subcommands and variables', () => {
    assert.deepEqual(hits(`${FROM}RUN apt-get remove -y curl && apt-get install -y $PACKAGES $(cat list.txt) python$PYV\n`, rule), []);
  });
});

describe('dockerfile/apt-get-yes (DL3014)', () => {
  const rule = 'dockerfile/apt-get-yes';
  it('reports apt-get install without -y on the command', () => {
    const text = `${FROM}RUN apt-get update && apt-get install curl=1\n`;
    assert.deepEqual(hits(text, rule), ['apt-get install']);
    assert.match(message(text, rule), /needs -y/);
  });
  it('still reports a single -q', () => {
    assert.deepEqual(hits(`${FROM}RUN apt-get -q install curl=1\n`, rule), ['apt-get -q install']);
  });
  it('accepts -y, --yes, --assume-yes, combined flags and quiet level 2', () => {
    for (const flags of ['-y', '--yes', '--assume-yes', '-qy', '-qq', '-q=2', '-q -q', '--quiet -q']) {
      assert.deepEqual(hits(`${FROM}RUN apt-get ${flags} install curl=1\n`, rule), [], flags);
    }
  });
  it('adds -y after install', () => {
    assertFix(`${FROM}RUN apt-get install curl=1\n`, rule, `${FROM}RUN apt-get install -y curl=1\n`);
    assertFix(`${FROM}RUN ["sh", "-c", "apt-get install curl=1"]\n`, rule, `${FROM}RUN ["sh", "-c", "apt-get install -y curl=1"]\n`);
  });
});

describe('dockerfile/apt-no-recommends (DL3015)', () => {
  const rule = 'dockerfile/apt-no-recommends';
  it('reports apt-get install without --no-install-recommends', () => {
    const text = `${FROM}RUN apt-get install -y curl=1\n`;
    assert.deepEqual(hits(text, rule), ['apt-get install']);
    assert.match(message(text, rule), /--no-install-recommends/);
  });
  it('accepts the flag anywhere and the APT option', () => {
    assert.deepEqual(hits(`${FROM}RUN apt-get install -y curl=1 --no-install-recommends\n`, rule), []);
    assert.deepEqual(hits(`${FROM}RUN apt-get -o APT::Install-Recommends=false install -y curl=1\n`, rule), []);
  });
  it('adds --no-install-recommends after install', () => {
    assertFix(`${FROM}RUN apt-get install -y curl=1\n`, rule, `${FROM}RUN apt-get install --no-install-recommends -y curl=1\n`);
  });
});

describe('dockerfile/apt-lists-cleanup (DL3009)', () => {
  const rule = 'dockerfile/apt-lists-cleanup';
  it('reports apt-get update without removing the lists', () => {
    const text = `${FROM}RUN apt-get update && apt-get install -y curl=1\n`;
    assert.deepEqual(hits(text, rule), ['apt-get update']);
    assert.match(message(text, rule), /\/var\/lib\/apt\/lists/);
  });
  it('accepts rm -rf of the lists in any flag order, or a cache mount', () => {
    assert.deepEqual(hits(`${FROM}RUN apt-get update && apt-get install -y curl=1 && rm -fr /var/lib/apt/lists/*\n`, rule), []);
    assert.deepEqual(hits(`${FROM}RUN apt-get update && rm -r -f /var/lib/apt/lists\n`, rule), []);
    assert.deepEqual(hits(`${FROM}RUN --mount=type=cache,target=/var/lib/apt/lists apt-get update && apt-get install -y curl=1\n`, rule), []);
    assert.deepEqual(hits(`${FROM}RUN --mount=type=cache,target=/var/lib/apt --mount=type=cache,target=/var/cache/apt,sharing=locked apt-get update\n`, rule), []);
    assert.deepEqual(hits(`${FROM}RUN --mount=type=bind,target=/var/lib/apt/lists apt-get update\n`, rule), ['apt-get update']);
    // One of the /var/lib/apt + /var/cache/apt pair alone is not enough.
    assert.deepEqual(hits(`${FROM}RUN --mount=type=cache,target=/var/lib/apt apt-get update\n`, rule), ['apt-get update']);
    assert.deepEqual(hits(`${FROM}RUN --mount=type=cache,target=/var/cache/apt,sharing=locked apt-get update\n`, rule), ['apt-get update']);
  });
  it('does not report stages that are only copied from', () => {
    const text = 'FROM debian:12 AS build\nRUN apt-get update && apt-get install -y gcc=1\nFROM debian:12\nCOPY --from=build /out /out\n';
    assert.deepEqual(hits(text, rule), []);
  });
  it('appends the cleanup to the RUN', () => {
    assertFix(
      `${FROM}RUN apt-get update \\\n && apt-get install -y curl=1\n`,
      rule,
      `${FROM}RUN apt-get update \\\n && apt-get install -y curl=1 && rm -rf /var/lib/apt/lists/*\n`,
    );
  });
  it('appends a line to a here-document script', () => {
    assertFix(`${FROM}RUN <<EOF\napt-get update\nEOF\n`, rule, `${FROM}RUN <<EOF\napt-get update\nrm -rf /var/lib/apt/lists/*\nEOF\n`);
  });
});

describe('dockerfile/no-apt (DL3027)', () => {
  const rule = 'dockerfile/no-apt';
  it('reports apt on the program name', () => {
    const text = `${FROM}RUN apt update && apt install -y curl\n`;
    assert.deepEqual(hits(text, rule), ['apt', 'apt']);
    assert.match(message(text, rule), /apt-get/);
  });
  it('accepts apt-get and apt-cache', () => {
    assert.deepEqual(hits(`${FROM}RUN apt-get update && apt-cache policy curl\n`, rule), []);
  });
});
