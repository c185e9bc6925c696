// esbuild plugins for the bundles of the engine (the server, the CLI, and the benchmark's in-process engine).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * CommonJS packages in the bundle (dockerfile-ast, dockerfile-utils) `require` these, which would otherwise resolve to
 * their ESM builds (the `module` condition): the bundler then wraps them in an object of getters, and every
 * `Range.create`/`Position.create` of the Dockerfile parser pays a getter call. Their CommonJS builds avoid that.
 */
export const commonJsBuilds = {
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
export const yamlDebugSwitchesOff = {
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
