// Bundles the extension client, the language server and the CLI with esbuild.
import { build, context } from 'esbuild';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

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
/**
 * CommonJS packages in the bundle (dockerfile-ast, dockerfile-utils) `require` these, which would otherwise resolve to
 * their ESM builds (the `module` condition): the bundler then wraps them in an object of getters, and every
 * `Range.create`/`Position.create` of the Dockerfile parser pays a getter call. Their CommonJS builds avoid that.
 */
const commonJsBuilds = {
  name: 'commonjs-builds',
  setup(b) {
    b.onResolve({ filter: /^vscode-languageserver-(types|textdocument)$/ }, (args) => {
      if (args.kind !== 'require-call') return undefined;
      return { path: createRequire(args.importer).resolve(args.path) };
    });
  },
};
/**
 * The `yaml` library's parser reads `process.env.LOG_TOKENS` for every token (and its composer `LOG_STREAM` for every
 * document), a debugging switch of the library; each read is a call into the process environment. Reading them as
 * unset makes parsing a YAML file about 15% faster.
 */
const yamlDebugSwitchesOff = {
  name: 'yaml-debug-switches-off',
  setup(b) {
    b.onLoad({ filter: /[\\/]node_modules[\\/]yaml[\\/]dist[\\/](parse[\\/]parser|compose[\\/]composer)\.js$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      const contents = source.replace(/\bnode_process\.env\.LOG_(?:TOKENS|STREAM)\b/g, 'false');
      const warnings = contents === source ? [{ text: `yaml-debug-switches-off: nothing replaced in ${args.path} (did the yaml library change?)` }] : [];
      return { contents, loader: 'js', warnings };
    });
  },
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
