import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { at, covered, findingsOf, fixOnce } from '../../helpers';

const DF = '/repo/Dockerfile';

describe('dockerfile/untagged-image (DL3006)', () => {
  it('reports an image without a tag on the image name', () => {
    const text = 'FROM debian\nRUN true\n';
    const [f, ...rest] = findingsOf(DF, text, 'dockerfile/untagged-image');
    assert.equal(rest.length, 0);
    assert.equal(at(f), '1:6-1:12');
    assert.equal(covered(text, f), 'debian');
    assert.match(f.message, /Base image "debian" has no tag/);
    assert.deepEqual(f.aliases, ['DL3006']);
  });

  it('covers the whole image reference: registry, port and path included', () => {
    const text = 'FROM --platform=linux/amd64 registry.example.com:5000/team/app AS build\nFROM ${IMG}\n';
    assert.deepEqual(findingsOf(DF, text, 'dockerfile/untagged-image').map((f) => covered(text, f)), ['registry.example.com:5000/team/app']);
    const hub = 'FROM docker.io/library/debian as base\n';
    assert.deepEqual(findingsOf(DF, hub, 'dockerfile/untagged-image').map((f) => covered(hub, f)), ['docker.io/library/debian']);
  });

  it('accepts tags, digests, scratch and earlier stages', () => {
    const text = [
      'FROM debian:12 AS base',
      'FROM base',
      'FROM scratch',
      'FROM alpine@sha256:0000000000000000000000000000000000000000000000000000000000000000',
      'FROM registry.example.com:5000/team/app:1.2',
    ].join('\n');
    assert.deepEqual(findingsOf(DF, text, 'dockerfile/untagged-image'), []);
  });

  it('resolves the tag from an ARG default', () => {
    assert.deepEqual(findingsOf(DF, 'ARG NODE_VERSION=20\nFROM node:${NODE_VERSION}\n', 'dockerfile/untagged-image'), []);
    assert.deepEqual(findingsOf(DF, 'ARG IMAGE=node:20\nFROM $IMAGE\n', 'dockerfile/untagged-image'), []);
  });

  it('reports an ARG default that resolves to an untagged image', () => {
    const f = findingsOf(DF, 'ARG IMAGE=node\nFROM ${IMAGE}\n', 'dockerfile/untagged-image');
    assert.equal(f.length, 1);
    assert.match(f[0].message, /"node"/);
  });

  it('does not guess an ARG without a default', () => {
    assert.deepEqual(findingsOf(DF, 'ARG IMAGE\nFROM ${IMAGE}\n', 'dockerfile/untagged-image'), []);
  });

  it('does not report a registry port as a tag', () => {
    const f = findingsOf(DF, 'FROM localhost:5000/app\n', 'dockerfile/untagged-image');
    assert.equal(f.length, 1);
  });
});

describe('dockerfile/latest-tag (DL3007)', () => {
  it('reports :latest on the tag', () => {
    const text = 'FROM node:latest AS build\n';
    const [f] = findingsOf(DF, text, 'dockerfile/latest-tag');
    assert.equal(covered(text, f), 'latest');
    assert.deepEqual(f.aliases, ['DL3007']);
  });

  it('reports :latest coming from an ARG default', () => {
    assert.equal(findingsOf(DF, 'ARG TAG=latest\nFROM node:${TAG}\n', 'dockerfile/latest-tag').length, 1);
  });

  it('accepts a pinned tag and latest with a digest', () => {
    assert.deepEqual(findingsOf(DF, 'FROM node:22\n', 'dockerfile/latest-tag'), []);
    assert.deepEqual(findingsOf(DF, 'FROM node:latest@sha256:abc\n', 'dockerfile/latest-tag'), []);
  });
});

describe('dockerfile/json-args (DL3025, JSONArgsRecommended)', () => {
  it('reports shell-form CMD and ENTRYPOINT on their arguments', () => {
    const text = 'FROM node:22\nENTRYPOINT /entrypoint.sh\nCMD node server.js\n';
    const found = findingsOf(DF, text, 'dockerfile/json-args');
    assert.deepEqual(found.map((f) => covered(text, f)), ['/entrypoint.sh', 'node server.js']);
    assert.deepEqual(found[0].aliases, ['DL3025', 'JSONArgsRecommended']);
  });

  it('accepts JSON form', () => {
    assert.deepEqual(findingsOf(DF, 'FROM node:22\nCMD ["node", "server.js"]\n', 'dockerfile/json-args'), []);
  });

  it('fixes simple commands into a JSON array', () => {
    assert.equal(fixOnce(DF, 'FROM node:22\nCMD node server.js\n', 'dockerfile/json-args'), 'FROM node:22\nCMD ["node", "server.js"]\n');
  });

  it('keeps quoted words together and escapes JSON', () => {
    assert.equal(
      fixOnce(DF, `FROM node:22\nCMD echo "hello world" 'a"b'\n`, 'dockerfile/json-args'),
      'FROM node:22\nCMD ["echo", "hello world", "a\\"b"]\n',
    );
  });

  it('wraps commands that need a shell in /bin/sh -c', () => {
    assert.equal(
      fixOnce(DF, 'FROM node:22\nCMD node server.js --port $PORT && echo done\n', 'dockerfile/json-args'),
      'FROM node:22\nCMD ["/bin/sh", "-c", "node server.js --port $PORT && echo done"]\n',
    );
  });

  it('joins continuation lines', () => {
    assert.equal(fixOnce(DF, 'FROM node:22\nCMD node \\\n  server.js\n', 'dockerfile/json-args'), 'FROM node:22\nCMD ["node", "server.js"]\n');
  });

  it('is gone after the fix', () => {
    const fixed = fixOnce(DF, 'FROM node:22\nCMD node server.js\n', 'dockerfile/json-args');
    assert.deepEqual(findingsOf(DF, fixed, 'dockerfile/json-args'), []);
  });
});
