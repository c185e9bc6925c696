// What the benchmark needs of the engine in-process (bundled by bench/run.mjs into bench/.cache/engine.cjs).
export { Engine } from '../server/src/engine/lint';
export { DEFAULT_CONFIG, mergeConfig } from '../server/src/engine/config';
export { memoryWorkspace } from '../server/src/engine/workspace';
export { createRegistry } from '../server/src/languages';
export { parseYaml, clearParseCache } from '../server/src/yaml/yaml';
export { clearDockerfileParseCache } from '../server/src/dockerfile/incremental';
export { LineIndex } from '../server/src/engine/text';
export { detectKind } from '../server/src/engine/detect';
