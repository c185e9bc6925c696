// Bundles the extension client, the language server and the CLI with esbuild.
import { build, context } from 'esbuild';
import { readFileSync } from 'node:fs';
import { commonJsBuilds, yamlDebugSwitchesOff } from './bundle-plugins.mjs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const watch = process.argv.includes('--watch');
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: false,
  minify: !watch,
  keepNames: true,
  logLevel: 'warning',
  define: { SHIPSHAPE_VERSION: JSON.stringify(pkg.version) },
};
const engineBundle = {
  ...(watch ? {} : { minify: false, minifyWhitespace: true, minifySyntax: true }),
  keepNames: false,
  plugins: [commonJsBuilds, yamlDebugSwitchesOff],
};
const entries = [
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] },
  // The server and the CLI: no `keepNames` (it wraps every named function and class in a runtime `__name(fn, "…")`
  // call, re-run each time an inner closure is created, which cost ~5% of a lint run) and no identifier mangling, so
  // stack traces in internal errors and the server log still show the real names.
  { entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js', ...engineBundle },
  { entryPoints: ['server/src/cli.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' }, ...engineBundle },
];
if (watch) {
  for (const e of entries) await (await context({ ...common, ...e })).watch();
  console.log('watching…');
} else {
  await Promise.all(entries.map((e) => build({ ...common, ...e })));
}
