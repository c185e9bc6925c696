import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { findingsOf } from '../../helpers';
import { DF, hits, message } from './check';

const schema = {
  'org.opencontainers.image.source': 'url',
  'org.opencontainers.image.created': 'rfc3339',
  'org.opencontainers.image.licenses': 'spdx',
  'org.opencontainers.image.revision': 'hash',
  'org.opencontainers.image.version': 'semver',
  'org.opencontainers.image.authors': 'email',
  'org.opencontainers.image.title': 'text',
};
const opts = (extra: Record<string, unknown> = {}) => ({ config: { domains: { dockerfile: { labelSchema: schema, ...extra } } } });

const GOOD = [
  'FROM alpine:3.21',
  'LABEL org.opencontainers.image.source="https://github.com/acme/app" \\',
  '      org.opencontainers.image.created=2025-01-31T12:00:00Z \\',
  '      org.opencontainers.image.licenses="Apache-2.0 OR MIT" \\',
  '      org.opencontainers.image.revision=0123456789abcdef0123456789abcdef01234567 \\',
  '      org.opencontainers.image.version=1.4.2-rc.1 \\',
  '      org.opencontainers.image.authors=dev@acme.example \\',
  '      org.opencontainers.image.title="app"',
  '',
].join('\n');

describe('label schema rules (DL3049–DL3058)', () => {
  it('do nothing without dockerfile.labelSchema', () => {
    for (const rule of ['dockerfile/label-missing', 'dockerfile/label-empty', 'dockerfile/label-format', 'dockerfile/label-superfluous']) {
      assert.deepEqual(hits('FROM alpine:3.21\nLABEL org.opencontainers.image.version=x\n', rule), [], rule);
    }
  });

  it('accept a file that follows the schema', () => {
    for (const rule of ['dockerfile/label-missing', 'dockerfile/label-empty', 'dockerfile/label-format', 'dockerfile/label-superfluous']) {
      assert.deepEqual(hits(GOOD, rule, opts({ strictLabels: true })), [], rule);
    }
  });

  it('DL3049: reports each missing label on the final FROM', () => {
    const text = 'FROM alpine:3.21\nLABEL org.opencontainers.image.title=app\n';
    const found = findingsOf(DF, text, 'dockerfile/label-missing', opts());
    assert.equal(found.length, 6);
    assert.match(found[0].message, /Label "org.opencontainers.image.source" required by the label schema is missing/);
    assert.deepEqual(hits(text, 'dockerfile/label-missing', opts())[0], 'FROM');
  });

  it('DL3049: checks every stage, except stages only used as COPY --from sources', () => {
    const one = { config: { domains: { dockerfile: { labelSchema: { 'org.opencontainers.image.title': 'text' } } } } };
    const rule = 'dockerfile/label-missing';
    const lines = (text: string) => findingsOf(DF, text, rule, one).map((f) => f.range.start.line);
    // A stage that is neither labelled nor copied from is reported, like the final one.
    assert.deepEqual(lines('FROM alpine:3.21 AS a\nRUN true\nFROM alpine:3.21\nLABEL org.opencontainers.image.title=x\n'), [0]);
    // A build stage whose output is only copied is left alone.
    assert.deepEqual(lines('FROM golang:1.23 AS build\nRUN go build\nFROM alpine:3.21\nCOPY --from=build /out /app\nLABEL org.opencontainers.image.title=x\n'), []);
    // Labels are inherited through FROM <stage>.
    assert.deepEqual(lines('FROM alpine:3.21 AS base\nLABEL org.opencontainers.image.title=x\nFROM base\nRUN true\n'), []);
    assert.deepEqual(lines('FROM alpine:3.21 AS base\nRUN true\nFROM base\nLABEL org.opencontainers.image.title=x\n'), [0]);
  });

  it('check labels before any FROM too (a fragment)', () => {
    assert.deepEqual(hits('LABEL org.opencontainers.image.title=""\n', 'dockerfile/label-empty', opts()), ['org.opencontainers.image.title']);
    assert.deepEqual(hits('LABEL org.opencontainers.image.version=x\n', 'dockerfile/label-format', opts()), ['x']);
  });

  it('DL3050: reports labels outside the schema only with strictLabels', () => {
    const text = `${GOOD}LABEL build-host=ci\n`;
    assert.deepEqual(hits(text, 'dockerfile/label-superfluous', opts({ strictLabels: true })), ['build-host']);
    assert.deepEqual(hits(text, 'dockerfile/label-superfluous', opts()), []);
    assert.match(message(text, 'dockerfile/label-superfluous', opts({ strictLabels: true })), /not in the label schema/);
  });

  it('DL3051: reports empty schema labels', () => {
    const text = 'FROM alpine:3.21\nLABEL org.opencontainers.image.title=""\n';
    assert.deepEqual(hits(text, 'dockerfile/label-empty', opts()), ['org.opencontainers.image.title']);
    assert.match(message(text, 'dockerfile/label-empty', opts()), /is empty/);
  });

  it('DL3052–DL3058: reports malformed values on the value, with the code of the type', () => {
    const text = [
      'FROM alpine:3.21',
      'LABEL org.opencontainers.image.source=github.com/acme',
      'LABEL org.opencontainers.image.created=yesterday',
      'LABEL org.opencontainers.image.licenses=Apache',
      'LABEL org.opencontainers.image.revision=abc',
      'LABEL org.opencontainers.image.version=latest',
      'LABEL org.opencontainers.image.authors=nobody',
      'LABEL org.opencontainers.image.version=$VERSION',
      '',
    ].join('\n');
    const found = findingsOf(DF, text, 'dockerfile/label-format', opts());
    assert.deepEqual(found.map((f) => f.aliases[0]), ['DL3052', 'DL3053', 'DL3054', 'DL3055', 'DL3056', 'DL3058']);
    assert.deepEqual(hits(text, 'dockerfile/label-format', opts()), ['github.com/acme', 'yesterday', 'Apache', 'abc', 'latest', 'nobody']);
    assert.match(found[4].message, /must be a semantic version/);
  });
});
