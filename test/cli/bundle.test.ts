import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';

const DIST = path.resolve(__dirname, '../../../dist');

describe('bundles', () => {
  it("never read the yaml library's per-token debugging switches from the environment (scripts/build.mjs)", () => {
    for (const bundle of ['cli.js', 'server.js']) {
      const text = fs.readFileSync(path.join(DIST, bundle), 'utf8');
      assert.ok(text.includes('Not a YAML token'), `${bundle} bundles the yaml parser`);
      assert.doesNotMatch(text, /LOG_TOKENS|LOG_STREAM/, bundle);
    }
  });
});
