// Variable scope per build stage, as BuildKit's word expansion sees it: ARGs declared in the stage (or the stage it
// builds on), ENV set so far, and the base image's environment. Used by UndefinedVar.
import type { Instruction, PropertyInstruction } from 'dockerfile-ast';
import type { Range } from '../engine/types';
import type { DockerfileModel, Stage } from './model';
import { suggest, variableRefs, type VarRef } from './words';

export interface UndefinedUse {
  name: string;
  range: Range;
  instruction: Instruction;
  suggestion?: string;
}

// Environment of well-known base images (without a registry we cannot read the image config). Images not listed
// here may define any upper-case variable, so those are only reported when they look like a typo.
const OS_IMAGES = /^(?:docker\.io\/)?(?:library\/)?(?:alpine|busybox|debian|ubuntu|centos|fedora|amazonlinux|rockylinux|almalinux|archlinux|oraclelinux|photon|opensuse\/[a-z]+|redhat\/ubi\d+(?:-[a-z]+)?|registry\.access\.redhat\.com\/ubi\d+(?:\/ubi(?:-[a-z]+)?)?|gcr\.io\/distroless\/[a-z0-9-]+|cgr\.dev\/chainguard\/(?:static|wolfi-base))$/;
const IMAGE_ENV: Array<[RegExp, string[]]> = [
  [/(?:^|\/)node$/, ['NODE_VERSION', 'YARN_VERSION']],
  [/(?:^|\/)python$/, ['LANG', 'GPG_KEY', 'PYTHON_VERSION', 'PYTHON_SHA256', 'PYTHON_PIP_VERSION', 'PYTHON_SETUPTOOLS_VERSION', 'PYTHON_GET_PIP_URL', 'PYTHON_GET_PIP_SHA256']],
  [/(?:^|\/)golang$/, ['GOLANG_VERSION', 'GOPATH', 'GOTOOLCHAIN']],
  [/(?:^|\/)(?:openjdk|eclipse-temurin|amazoncorretto|ibm-semeru-runtimes|sapmachine)$/, ['JAVA_HOME', 'JAVA_VERSION', 'LANG', 'LANGUAGE', 'LC_ALL']],
  [/(?:^|\/)ruby$/, ['LANG', 'RUBY_MAJOR', 'RUBY_VERSION', 'RUBY_DOWNLOAD_SHA256', 'RUBY_DOWNLOAD_URL', 'GEM_HOME', 'BUNDLE_SILENCE_ROOT_WARNING', 'BUNDLE_APP_CONFIG']],
  [/(?:^|\/)rust$/, ['RUSTUP_HOME', 'CARGO_HOME', 'RUST_VERSION']],
  [/(?:^|\/)nginx$/, ['NGINX_VERSION', 'NJS_VERSION', 'NJS_RELEASE', 'PKG_RELEASE', 'DYNPKG_RELEASE']],
];

type ImageEnv = { known: true; names: Set<string> } | { known: false; names: Set<string> };

function baseImageEnv(stage: Stage): ImageEnv {
  const name = stage.image?.name.toLowerCase() ?? '';
  if (!stage.image || name === 'scratch' || OS_IMAGES.test(name)) return { known: true, names: new Set(['PATH']) };
  for (const [re, names] of IMAGE_ENV) if (re.test(name)) return { known: false, names: new Set(['PATH', ...names]) };
  return { known: false, names: new Set(['PATH']) };
}

// Instructions whose arguments BuildKit expands (RUN, CMD, ENTRYPOINT, SHELL, HEALTHCHECK are left to the shell).
const EXPANDED = new Set(['ADD', 'COPY', 'ENV', 'LABEL', 'EXPOSE', 'WORKDIR', 'USER', 'VOLUME', 'STOPSIGNAL', 'ARG']);

interface StageScope {
  image: ImageEnv;
  env: Set<string>;
  args: Set<string>;
}

/** The text BuildKit expands for an instruction: its arguments, without heredoc bodies. */
function expandedText(model: DockerfileModel, ins: Instruction): { text: string; offset: number } | undefined {
  const range = ins.getArgumentsRange();
  if (!range) return undefined;
  const offset = model.index.offsetAt(range.start);
  let end = model.index.offsetAt(range.end);
  const raw = model.text.slice(offset, end);
  if (/<<-?["']?[A-Za-z_]/.test(raw)) end = Math.min(end, model.index.lineEnd(range.start.line));
  return { text: model.text.slice(offset, end), offset };
}

/** Every variable use BuildKit would report as undefined, in file order. */
export function undefinedVariables(model: DockerfileModel): UndefinedUse[] {
  const out: UndefinedUse[] = [];
  const scopes = new Map<Stage, StageScope>();
  for (const stage of model.stages) {
    const parent = stage.parent ? scopes.get(stage.parent) : undefined;
    const scope: StageScope = parent
      ? { image: parent.image, env: new Set(parent.env), args: new Set(parent.args) }
      : { image: baseImageEnv(stage), env: new Set(), args: new Set() };
    scopes.set(stage, scope);
    for (const ins of stage.instructions.slice(1)) {
      const keyword = ins.getKeyword();
      if (!EXPANDED.has(keyword)) continue;
      const span = expandedText(model, ins);
      if (!span) continue;
      if (keyword === 'ARG') {
        // Each ARG of the instruction is declared before the next one's default is expanded.
        for (const p of (ins as PropertyInstruction).getProperties()) {
          const valueRange = p.getValueRange();
          if (valueRange) {
            const start = model.index.offsetAt(valueRange.start);
            const text = model.text.slice(start, model.index.offsetAt(valueRange.end));
            report(model, ins, scope, variableRefs(text, model.escape, start), out);
          }
          scope.args.add(p.getName());
        }
        continue;
      }
      report(model, ins, scope, variableRefs(span.text, model.escape, span.offset), out);
      if (keyword === 'ENV') for (const p of (ins as PropertyInstruction).getProperties()) scope.env.add(p.getName());
    }
  }
  return out;
}

function report(model: DockerfileModel, ins: Instruction, scope: StageScope, refs: VarRef[], out: UndefinedUse[]) {
  const seen = new Set<string>();
  for (const ref of refs) {
    if (seen.has(ref.name)) continue;
    seen.add(ref.name);
    if (scope.args.has(ref.name) || scope.env.has(ref.name) || scope.image.names.has(ref.name)) continue;
    const candidates = [...scope.env, ...scope.args, ...scope.image.names];
    const suggestion = suggest(ref.name, candidates);
    // An image we do not know may define upper-case variables (PYTHON_VERSION...): report only likely typos.
    if (!scope.image.known && ref.name === ref.name.toUpperCase() && !suggestion) continue;
    out.push({ name: ref.name, range: model.index.range(ref.start, ref.end), instruction: ins, suggestion });
  }
}
