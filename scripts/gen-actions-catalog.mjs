#!/usr/bin/env node
// Generates server/src/actions/catalog/actions.json: inputs and outputs of the most used actions, taken from
// their own action.yml files at a recorded commit, so the table can be checked and refreshed.
//
// Refresh (needs network, run by a maintainer, never at install or run time):
//   1. Update `commit`/`version`/`majors` below to the release you want to describe.
//   2. node scripts/gen-actions-catalog.mjs --fetch /tmp/action-yml   # downloads each action.yml at its commit
//   3. node scripts/gen-actions-catalog.mjs --from /tmp/action-yml    # extracts and writes the JSON
// Files in the folder are named `<owner>__<repo>[__<subdir>].yml` (the full action.yml; descriptions are dropped).
//
// `majors`: the major versions (the `@vN` refs) the snapshot describes. `complete`: the snapshot is believed to be
// the latest of its major line, so an input missing from it is really unknown and its required inputs are really
// required (otherwise only deprecations are checked: inputs are added, and made optional, within a major).
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const ACTIONS = [
  { action: 'actions/checkout', commit: '02c73802609a582111d8af3a9cd6519263dd983a', version: 'v4', majors: [4], complete: true },
  { action: 'actions/setup-node', commit: '02041c02c71307452a4de9f8e949d080f5499da3', version: 'v1', majors: [1], complete: false },
  { action: 'actions/setup-python', commit: '05b0430d2d0525a63c8ea5bc7d09fc0e14911520', version: 'v5', majors: [5], complete: false },
  { action: 'actions/setup-go', commit: '02aadfee7f572f67453450365b688df2c3f95730', version: 'v6', majors: [6], complete: true },
  { action: 'actions/setup-java', commit: '0097df87dd19cef984e1fdff0b9a53e8fce67b89', version: 'v5', majors: [5], complete: true },
  { action: 'actions/setup-dotnet', commit: '00e970a9a7cec797d9745694fbd80637bc78c02a', version: 'v1', majors: [1], complete: false },
  { action: 'actions/cache', commit: '00190375fb48a8f8076f72feb65563a900ead3da', version: 'v4', majors: [4], complete: true },
  { action: 'actions/upload-artifact', commit: '02dd1e4a56ccec4d066fe5ad9e92ba6d31b0e2fe', version: 'v1', majors: [1], complete: false },
  { action: 'actions/download-artifact', commit: '055cd6849c1a3ae462b0d71223b283aa00c8d232', version: 'v4', majors: [4, 5], complete: true },
  { action: 'actions/github-script', commit: '044ebbb94591db039a428f61a178e6f8168c4ffc', version: 'v6', majors: [6], complete: true },
  { action: 'actions/labeler', commit: '000ca75fe6c5838c790ca73b764419065c1594a6', version: 'v5', majors: [5], complete: true },
  { action: 'actions/upload-pages-artifact', commit: '0252fc4ba7626f0298f0cf00902a25c6afc77fa8', version: 'v3', majors: [3], complete: true },
  { action: 'actions/deploy-pages', commit: '0143e11abb4ace1f6858cb44b2ab99eae8a40b45', version: 'v5', majors: [5], complete: true },
  { action: 'actions/create-github-app-token', commit: '00ba6edc669407bbc8515d920f157621329b37e4', version: 'v2', majors: [2], complete: false },
  { action: 'docker/login-action', commit: '087884b3d26e0ea9f5fac62cfefae4831c7b96dc', version: 'v3', majors: [3], complete: false },
  { action: 'docker/setup-buildx-action', commit: '03082a18b121dbc14f799a77a747b61b3b594ab0', version: 'v3', majors: [3], complete: false },
  { action: 'docker/build-push-action', commit: '01bd5c1fa9e9146ed443103f317ef17fb473c502', version: 'v2', majors: [2], complete: false },
  { action: 'docker/metadata-action', commit: '03eb07f964cfd25a420a4e1711b308b2732386ee', version: 'v1', majors: [1], complete: false },
  { action: 'github/codeql-action/init', commit: '010abe7de01cbeb26f5b78053186d26dd726de0b', version: 'v2', majors: [2], complete: false },
  { action: 'github/codeql-action/analyze', commit: '03e7845b7bfcd5e7fb63d1ae8c61b0e791134fab', version: 'v2', majors: [2], complete: false },
  { action: 'github/codeql-action/upload-sarif', commit: '03e7845b7bfcd5e7fb63d1ae8c61b0e791134fab', version: 'v2', majors: [2], complete: false },
  { action: 'peaceiris/actions-gh-pages', commit: '0629babb090ceea68f118101b903a8e6798b2962', version: 'v3', majors: [3], complete: false },
  { action: 'softprops/action-gh-release', commit: '030d4cef8f0f1770641029689e1d779174218776', version: 'v1', majors: [1], complete: false },
  { action: 'peter-evans/create-pull-request', commit: '053b5011459e9892435f7535e4adb5f47817a3c0', version: 'v3', majors: [3], complete: false },
  { action: 'codecov/codecov-action', commit: '038c89eb32d49ed0412c5c129332c6ec69caf80d', version: 'v5', majors: [5], complete: false },
  { action: 'aws-actions/configure-aws-credentials', commit: '0271a818bc5ab9a7c293ae792bddd98e0e89d304', version: 'v1', majors: [1], complete: false },
  { action: 'pnpm/action-setup', commit: '0aabe9da571584c533dbcadd20c07e5b6b852756', version: 'v2', majors: [2], complete: false },
];

const fileName = (action) => `${action.replaceAll('/', '__')}.yml`;
const rawUrl = (action, commit) => {
  const [owner, repo, ...sub] = action.split('/');
  return `https://raw.githubusercontent.com/${owner}/${repo}/${commit}/${[...sub, 'action.yml'].join('/')}`;
};

function extract(text) {
  const doc = parse(text) ?? {};
  const inputs = {};
  for (const [name, spec] of Object.entries(doc.inputs ?? {})) {
    const s = spec ?? {};
    const entry = {};
    const required = s.required === true || s.required === 'true';
    if (required) entry.required = true;
    if (s.default !== undefined && s.default !== null) entry.hasDefault = true;
    if (s.deprecationMessage) entry.deprecated = String(s.deprecationMessage);
    inputs[name] = entry;
  }
  return { inputs, outputs: Object.keys(doc.outputs ?? {}), using: String(doc.runs?.using ?? doc.runs?.plugin ?? '') };
}

async function main() {
  const [flag, dir] = process.argv.slice(2);
  if (flag === '--fetch' && dir) {
    mkdirSync(dir, { recursive: true });
    for (const a of ACTIONS) {
      const res = await fetch(rawUrl(a.action, a.commit));
      if (!res.ok) throw new Error(`${a.action}@${a.commit}: HTTP ${res.status}`);
      writeFileSync(join(dir, fileName(a.action)), await res.text());
    }
    return;
  }
  if (flag !== '--from' || !dir) {
    console.error('usage: gen-actions-catalog.mjs --fetch <dir> | --from <dir>');
    process.exit(2);
  }
  const out = {};
  for (const a of ACTIONS) {
    const meta = extract(readFileSync(join(dir, fileName(a.action)), 'utf8'));
    out[a.action] = { version: a.version, majors: a.majors, complete: a.complete, commit: a.commit, ...meta };
  }
  const target = join(dirname(fileURLToPath(import.meta.url)), '..', 'server', 'src', 'actions', 'catalog', 'actions.json');
  writeFileSync(target, JSON.stringify(out, null, 1) + '\n');
  console.log(`wrote ${Object.keys(out).length} actions to ${target}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
