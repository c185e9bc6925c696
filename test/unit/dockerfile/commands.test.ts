import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { findingsOf, fixOnce } from '../../helpers';
import { assertFix, DF, hits, message } from './check';

const FROM = 'FROM debian:12\n';

describe('dockerfile/pointless-command (DL3001)', () => {
  const rule = 'dockerfile/pointless-command';
  it('reports interactive and system commands', () => {
    const text = `${FROM}RUN service nginx start && vim /etc/x; ps aux | grep x\n`;
    assert.deepEqual(hits(text, rule), ['service', 'vim', 'ps']);
    assert.match(message(text, rule), /"service" makes no sense/);
  });
  it('accepts ordinary commands and words that only contain those names', () => {
    assert.deepEqual(hits(`${FROM}RUN echo service && systemctl enable x && ssh-keygen -A\n`, rule), []);
  });
});

describe('dockerfile/cd-instead-of-workdir (DL3003)', () => {
  const rule = 'dockerfile/cd-instead-of-workdir';
  it('reports cd on the command word', () => {
    const text = `${FROM}RUN cd /app && make\n`;
    assert.deepEqual(hits(text, rule), ['cd']);
    assert.match(message(text, rule), /WORKDIR/);
    assert.equal(findingsOf(DF, text, rule)[0].fixes.length, 0);
  });
  it('accepts WORKDIR and cd as an argument', () => {
    assert.deepEqual(hits(`${FROM}WORKDIR /app\nRUN make && echo cd\n`, rule), []);
  });
});

describe('dockerfile/no-sudo (DL3004)', () => {
  const rule = 'dockerfile/no-sudo';
  it('reports sudo', () => {
    const text = `${FROM}RUN sudo apt-get update\n`;
    assert.deepEqual(hits(text, rule), ['sudo']);
    assert.match(message(text, rule), /USER/);
  });
  it('accepts sudo as a package name', () => {
    assert.deepEqual(hits(`${FROM}RUN apt-get install -y sudo=1.9\n`, rule), []);
  });
});

describe('dockerfile/useradd-high-uid (DL3046)', () => {
  const rule = 'dockerfile/useradd-high-uid';
  it('reports a UID of six digits or more without -l', () => {
    const text = `${FROM}RUN useradd -u 123456 app && useradd --uid=1000000 b\n`;
    assert.deepEqual(hits(text, rule), ['useradd', 'useradd']);
    assert.match(message(text, rule), /UID 123456 needs -l/);
  });
  it('accepts small UIDs, -l and --no-log-init', () => {
    assert.deepEqual(hits(`${FROM}RUN useradd -u 12345 a && useradd -l -u 123456 b && useradd --no-log-init -u 123456 c && useradd -lmu 123456 d\n`, rule), []);
  });
  it('adds -l', () => {
    assertFix(`${FROM}RUN useradd -u 123456 app\n`, rule, `${FROM}RUN useradd -l -u 123456 app\n`);
  });
});

describe('dockerfile/wget-progress (DL3047)', () => {
  const rule = 'dockerfile/wget-progress';
  it('reports wget without a progress or quiet option', () => {
    const text = `${FROM}RUN wget https://example.com/a.tgz\n`;
    assert.deepEqual(hits(text, rule), ['wget']);
    assert.match(message(text, rule), /--progress=dot:giga/);
  });
  it('accepts --progress, -q, -nv and --output-file', () => {
    assert.deepEqual(hits(`${FROM}RUN wget --progress=dot:giga u && wget -q u && wget -nv u && wget -qO- u && wget --output-file=l u\n`, rule), []);
  });
});

describe('dockerfile/wget-and-curl (DL4001)', () => {
  const rule = 'dockerfile/wget-and-curl';
  it('reports the tool used second', () => {
    const text = `${FROM}RUN wget -q https://a\nRUN curl -fsSLO https://b\n`;
    assert.deepEqual(hits(text, rule), ['curl']);
    assert.match(message(text, rule), /use wget here too/);
  });
  it('accepts a single tool', () => {
    assert.deepEqual(hits(`${FROM}RUN curl -fsSLO https://a && curl -fsSLO https://b\n`, rule), []);
  });
  it('checks each stage on its own', () => {
    assert.deepEqual(hits(`${FROM}RUN wget -q https://a\nFROM debian:12\nRUN curl -fsSLO https://b\n`, rule), []);
    const text = `${FROM}RUN wget -q https://a\nFROM debian:12\nRUN curl -fsSLO https://b && wget -q https://c\n`;
    assert.deepEqual(hits(text, rule), ['wget']);
    assert.match(message(text, rule), /use curl here too/);
  });
  it('reports in a fragment without FROM and in ONBUILD triggers', () => {
    assert.deepEqual(hits('RUN wget -q https://a\nRUN curl -fsSLO https://b\n', rule), ['curl']);
    assert.deepEqual(hits(`${FROM}RUN wget -q https://a\nONBUILD RUN curl -fsSLO https://b\n`, rule), ['curl']);
  });
});

describe('dockerfile/shell-via-ln (DL4005)', () => {
  const rule = 'dockerfile/shell-via-ln';
  it('reports relinking /bin/sh', () => {
    const text = `${FROM}RUN ln -sf /bin/bash /bin/sh\n`;
    assert.deepEqual(hits(text, rule), ['/bin/sh']);
    assert.match(message(text, rule), /SHELL instruction/);
  });
  it('accepts other links', () => {
    assert.deepEqual(hits(`${FROM}RUN ln -s /bin/sh /usr/local/bin/sh2\n`, rule), []);
  });
});

describe('dockerfile/pipefail (DL4006)', () => {
  const rule = 'dockerfile/pipefail';
  it('reports the first pipe of a RUN without pipefail', () => {
    const text = `${FROM}RUN curl -fsSL https://x | tar -xz && echo a | wc -l\n`;
    assert.deepEqual(hits(text, rule), ['|']);
    assert.match(message(text, rule), /pipefail/);
  });
  it('accepts SHELL with pipefail, set -o pipefail, || and non-POSIX shells', () => {
    assert.deepEqual(hits(`${FROM}SHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN a | b\n`, rule), []);
    assert.deepEqual(hits(`${FROM}RUN set -euxo pipefail && a | b\n`, rule), []);
    assert.deepEqual(hits(`${FROM}RUN a || b\n`, rule), []);
    assert.deepEqual(hits('FROM mcr.microsoft.com/powershell:7.4\nSHELL ["pwsh", "-Command"]\nRUN Get-Item x | Select-Object y\n', rule), []);
    assert.deepEqual(hits('# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN dir | findstr x\n', rule), []);
  });
  it('trusts -o pipefail only for shells that have it: bash, zsh, ash, and sh on Alpine', () => {
    for (const shell of ['"/bin/bash", "-eo", "pipefail"', '"/usr/bin/bash", "-e", "-o", "pipefail"', '"/bin/bash", "-o", "errexit", "-o", "pipefail"', '"/usr/local/bin/zsh", "-o", "pipefail"', '"/bin/ash", "-o", "pipefail"']) {
      assert.deepEqual(hits(`${FROM}SHELL [${shell}, "-c"]\nRUN a | b\n`, rule), [], shell);
    }
    assert.deepEqual(hits(`${FROM}SHELL ["/bin/sh", "-o", "pipefail", "-c"]\nRUN a | b\n`, rule), ['|']);
    assert.deepEqual(hits(`${FROM}SHELL ["/bin/dash", "-o", "pipefail", "-c"]\nRUN a | b\n`, rule), ['|']);
    assert.deepEqual(hits(`${FROM}SHELL ["/bin/bash", "-c", "pipefail"]\nRUN a | b\n`, rule), ['|'], 'pipefail without -o is not the option');
    assert.deepEqual(hits('FROM alpine:3.21\nSHELL ["/bin/sh", "-o", "pipefail", "-c"]\nRUN a | b\n', rule), []);
    assert.deepEqual(hits('FROM busybox:1.37\nSHELL ["/bin/sh", "-o", "pipefail", "-c"]\nRUN a | b\n', rule), []);
  });
  it('checks each stage with its own SHELL, and a RUN before any FROM', () => {
    const text = `FROM debian:12 AS a\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN a | b\nFROM debian:12\nRUN c | d\n`;
    assert.deepEqual(findingsOf(DF, text, rule).map((f) => f.range.start.line), [4]);
    assert.deepEqual(hits('RUN wget -O - https://some.site | wc -l > /number\n', rule), ['|']);
    assert.deepEqual(hits(`${FROM}SHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN a | b\nSHELL ["/bin/sh", "-c"]\nRUN c | d\n`, rule), ['|']);
  });
  it('still reports after a SHELL without pipefail', () => {
    assert.deepEqual(hits(`${FROM}SHELL ["/bin/bash", "-c"]\nRUN a | b\n`, rule), ['|']);
  });
  it('inserts a bash SHELL with pipefail before the RUN on Debian-based images', () => {
    assertFix(`${FROM}RUN curl -fsSL https://x | tar -xz\n`, rule, `${FROM}SHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN curl -fsSL https://x | tar -xz\n`);
  });
  it('prefixes set -o pipefail on Alpine (no bash), also through a stage', () => {
    const text = 'FROM alpine:3.21 AS base\nFROM base\nRUN wget -qO- https://x | tar -xz\n';
    assertFix(text, rule, 'FROM alpine:3.21 AS base\nFROM base\nRUN set -o pipefail && wget -qO- https://x | tar -xz\n');
  });
  it('adds set -o pipefail as the first line of an Alpine here-document script', () => {
    assertFix('FROM alpine:3.21\nRUN <<EOF\nwget -qO- https://x | tar -xz\nEOF\n', rule, 'FROM alpine:3.21\nRUN <<EOF\nset -o pipefail\nwget -qO- https://x | tar -xz\nEOF\n');
  });
  it('marks the SHELL fix unsafe when the image may lack bash', () => {
    const [f] = findingsOf(DF, 'FROM example.com/custom:1\nRUN a | b\n', rule);
    assert.equal(f.fixes[0].safe, false);
    assert.equal(fixOnce(DF, 'FROM example.com/custom:1\nRUN a | b\n', rule), 'FROM example.com/custom:1\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN a | b\n');
  });
});
