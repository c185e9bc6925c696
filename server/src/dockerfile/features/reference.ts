// What Dockerfile hover and completion know: instructions, their flags and flag values, in our own words.
// Sources of truth for semantics: the Dockerfile reference (docs.docker.com/reference/dockerfile/).

export interface FlagValue {
  value: string;
  doc: string;
}

export interface FlagInfo {
  name: string;
  doc: string;
  /** True for flags written without a value (`--link`). */
  boolean?: boolean;
  /** Known values, offered after `--flag=`. */
  values?: FlagValue[];
}

export interface InstructionInfo {
  keyword: string;
  syntax: string;
  doc: string;
  flags: FlagInfo[];
  /** Snippet inserted when the keyword is completed (`$1` tab stops). */
  snippet: string;
}

const CHOWN: FlagInfo = { name: 'chown', doc: 'Owner of the copied files as `user:group` (names or numeric IDs); without it files belong to root (UID 0).' };
const CHMOD: FlagInfo = { name: 'chmod', doc: 'Permission bits of the copied files, octal (`0755`) or symbolic (`u=rwx,go=rx`).' };
const LINK: FlagInfo = { name: 'link', boolean: true, doc: 'Copies into an independent layer, so the layer is reused even when earlier layers change (better cache hits, faster rebases).' };
const EXCLUDE: FlagInfo = { name: 'exclude', doc: 'A glob of source paths to leave out (may be repeated).' };

export const INSTRUCTIONS: InstructionInfo[] = [
  { keyword: 'FROM', syntax: 'FROM [--platform=<platform>] <image>[:<tag>|@<digest>] [AS <name>]', doc: 'Starts a build stage from a base image (or `scratch`, or an earlier stage). Pin the tag — better, the digest — so every build starts from the same bytes. `AS name` lets later stages `COPY --from=name`.', flags: [{ name: 'platform', doc: 'Platform of the base image, e.g. `linux/amd64`; use `$BUILDPLATFORM` for stages that only build, not a constant.', values: [{ value: '$BUILDPLATFORM', doc: 'The platform of the machine running the build.' }, { value: '$TARGETPLATFORM', doc: 'The platform being built for.' }, { value: 'linux/amd64', doc: '64-bit x86.' }, { value: 'linux/arm64', doc: '64-bit ARM.' }] }], snippet: 'FROM ${1:image}:${2:tag} AS ${3:name}' },
  { keyword: 'RUN', syntax: 'RUN [--mount=...] [--network=...] [--security=...] <command>  |  RUN ["exe", "arg"]', doc: 'Runs a command in a new layer. Chain related commands with `&&`, clean package caches in the same RUN (or use a cache mount), and prefer `set -o pipefail` when piping.', flags: [
    { name: 'mount', doc: 'Mounts something for this RUN only: `type=cache` (persistent package caches), `secret` (a secret file that never lands in a layer), `ssh` (the SSH agent), `bind` (files from the context or a stage), `tmpfs`.' },
    { name: 'network', doc: 'Network for this command: `default`, `none` (no network at all) or `host` (needs the `network.host` entitlement).', values: [{ value: 'default', doc: 'The normal build network.' }, { value: 'none', doc: 'No network access: proves the step is hermetic.' }, { value: 'host', doc: "The host's network (needs an entitlement)." }] },
    { name: 'security', doc: 'Security mode: `sandbox` (default) or `insecure` (privileged; needs the `security.insecure` entitlement).', values: [{ value: 'sandbox', doc: 'Default sandboxed execution.' }, { value: 'insecure', doc: 'Privileged execution; avoid.' }] },
  ], snippet: 'RUN ${1:command}' },
  { keyword: 'CMD', syntax: 'CMD ["executable", "arg"]  |  CMD ["arg"] (to ENTRYPOINT)  |  CMD command', doc: 'Default command (or default arguments of ENTRYPOINT) of the container. Use the JSON form so the process is PID 1 and receives signals such as SIGTERM; only the last CMD counts.', flags: [], snippet: 'CMD ["${1:executable}", "${2:arg}"]' },
  { keyword: 'LABEL', syntax: 'LABEL <key>=<value> ...', doc: 'Adds metadata to the image, e.g. `org.opencontainers.image.source`.', flags: [], snippet: 'LABEL ${1:org.opencontainers.image.source}="${2:value}"' },
  { keyword: 'EXPOSE', syntax: 'EXPOSE <port>[/<tcp|udp>] ...', doc: 'Documents the ports the service listens on (it publishes nothing by itself). Protocol names are lower case.', flags: [], snippet: 'EXPOSE ${1:8080}' },
  { keyword: 'ENV', syntax: 'ENV <key>=<value> ...', doc: 'Sets environment variables for later instructions and the running container. Never put secrets here: they stay in the image history. Use the `key=value` form.', flags: [], snippet: 'ENV ${1:KEY}=${2:value}' },
  { keyword: 'ADD', syntax: 'ADD [--chown=..] [--chmod=..] [--link] [--checksum=..] [--keep-git-dir] [--unpack] <src>... <dest>', doc: 'Like COPY, but also fetches URLs and Git repositories and extracts local tar archives. Prefer COPY for plain files; pin remote sources with `--checksum`.', flags: [CHOWN, CHMOD, LINK, EXCLUDE, { name: 'checksum', doc: 'Expected digest of a remote source (`sha256:...`); the build fails when it differs.' }, { name: 'keep-git-dir', boolean: true, doc: 'Keeps the `.git` folder when adding a Git repository.' }, { name: 'unpack', doc: 'Whether to extract archives (`true`/`false`), also for remote URLs.', values: [{ value: 'true', doc: 'Extract.' }, { value: 'false', doc: 'Copy the archive as is.' }] }], snippet: 'ADD ${1:src} ${2:dest}' },
  { keyword: 'COPY', syntax: 'COPY [--from=<stage|image>] [--chown=..] [--chmod=..] [--link] [--parents] [--exclude=..] <src>... <dest>', doc: 'Copies files from the build context (or, with `--from`, from a stage or image) into the image. Use a `.dockerignore` so secrets and bulky folders stay out of the context.', flags: [{ name: 'from', doc: 'Copies from an earlier build stage (by name or index) or from an image instead of the build context.' }, CHOWN, CHMOD, LINK, { name: 'parents', boolean: true, doc: 'Keeps the parent folders of the sources under the destination.' }, EXCLUDE], snippet: 'COPY ${1:src} ${2:dest}' },
  { keyword: 'ENTRYPOINT', syntax: 'ENTRYPOINT ["executable", "arg"]  |  ENTRYPOINT command', doc: 'The executable the container runs; CMD supplies its default arguments. Use the JSON form: the shell form runs under `/bin/sh -c` and never receives signals.', flags: [], snippet: 'ENTRYPOINT ["${1:executable}"]' },
  { keyword: 'VOLUME', syntax: 'VOLUME ["/path"]', doc: 'Declares a mount point for external storage. Changes to the path after this instruction are discarded during the build.', flags: [], snippet: 'VOLUME ["${1:/data}"]' },
  { keyword: 'USER', syntax: 'USER <user>[:<group>]  |  USER <UID>[:<GID>]', doc: 'User (and group) for later RUN, CMD and ENTRYPOINT. End the final stage with a non-root user, numerically (`USER 1000`) so Kubernetes can verify `runAsNonRoot`.', flags: [], snippet: 'USER ${1:1000}' },
  { keyword: 'WORKDIR', syntax: 'WORKDIR /absolute/path', doc: 'Sets the working folder for later instructions, creating it if needed. Use absolute paths instead of `RUN cd ...`.', flags: [], snippet: 'WORKDIR ${1:/app}' },
  { keyword: 'ARG', syntax: 'ARG <name>[=<default>]', doc: 'A build-time variable (`--build-arg`). ARGs before the first FROM are only visible in FROM lines unless re-declared in the stage. Values are visible in the image history: never pass secrets (use `RUN --mount=type=secret`).', flags: [], snippet: 'ARG ${1:NAME}=${2:default}' },
  { keyword: 'ONBUILD', syntax: 'ONBUILD <INSTRUCTION>', doc: 'An instruction that runs when another Dockerfile builds FROM this image. Cannot wrap FROM, MAINTAINER or ONBUILD.', flags: [], snippet: 'ONBUILD ${1:instruction}' },
  { keyword: 'STOPSIGNAL', syntax: 'STOPSIGNAL <signal>', doc: 'The signal sent to stop the container (default SIGTERM), e.g. `SIGQUIT` for nginx graceful shutdown.', flags: [], snippet: 'STOPSIGNAL ${1:SIGTERM}' },
  { keyword: 'HEALTHCHECK', syntax: 'HEALTHCHECK [--interval=..] [--timeout=..] [--start-period=..] [--start-interval=..] [--retries=..] CMD <command>  |  HEALTHCHECK NONE', doc: 'How the engine checks that the container still works; exit status 0 means healthy. Probe the port the service EXPOSEs.', flags: [
    { name: 'interval', doc: 'Time between checks (default `30s`).' },
    { name: 'timeout', doc: 'A check taking longer fails (default `30s`).' },
    { name: 'start-period', doc: 'Start-up grace period during which failures do not count (default `0s`).' },
    { name: 'start-interval', doc: 'Time between checks during the start period (default `5s`).' },
    { name: 'retries', doc: 'Consecutive failures before the container is unhealthy (default `3`).' },
  ], snippet: 'HEALTHCHECK --interval=${1:30s} --timeout=${2:3s} CMD ${3:["curl", "--fail", "http://127.0.0.1:8080/health"]}' },
  { keyword: 'SHELL', syntax: 'SHELL ["executable", "param"]', doc: 'The shell used by the shell form of later RUN, CMD and ENTRYPOINT. `SHELL ["/bin/bash", "-o", "pipefail", "-c"]` makes a failing command in a pipe fail the build.', flags: [], snippet: 'SHELL ["/bin/bash", "-o", "pipefail", "-c"]' },
  { keyword: 'MAINTAINER', syntax: 'MAINTAINER <name> (deprecated)', doc: 'Deprecated: use `LABEL org.opencontainers.image.authors="..."`.', flags: [], snippet: 'LABEL org.opencontainers.image.authors="${1:name}"' },
];

export const INSTRUCTION_BY_KEYWORD = new Map(INSTRUCTIONS.map((i) => [i.keyword, i]));

/** Keys of `RUN --mount=...` per mount type (`type` itself first). */
export const MOUNT_TYPES: FlagValue[] = [
  { value: 'cache', doc: 'A persistent cache folder shared between builds (package manager caches): speeds up builds and keeps caches out of layers.' },
  { value: 'secret', doc: 'A secret passed with `--secret id=...`, readable during this RUN only and never stored in a layer.' },
  { value: 'ssh', doc: "Access to the build client's SSH agent (`--ssh default`), e.g. for private Git clones." },
  { value: 'bind', doc: 'Read-only bind of files from the context or another stage, without copying them into a layer.' },
  { value: 'tmpfs', doc: 'An in-memory scratch folder.' },
];

const TARGET: FlagValue = { value: 'target', doc: 'Where the mount appears in the container (also `dst`, `destination`).' };
const ID: FlagValue = { value: 'id', doc: 'Identifier of the cache or secret (defaults to the target for caches).' };
const MODE: FlagValue = { value: 'mode', doc: 'File mode of the mount, octal.' };
const UID: FlagValue = { value: 'uid', doc: 'Owner user ID.' };
const GID: FlagValue = { value: 'gid', doc: 'Owner group ID.' };
const SOURCE: FlagValue = { value: 'source', doc: 'Path in the `from` stage or context to mount.' };
const FROM: FlagValue = { value: 'from', doc: 'Stage or image to mount from (default: the build context).' };
const READONLY: FlagValue = { value: 'readonly', doc: 'Mount read-only (`ro`).' };
const REQUIRED: FlagValue = { value: 'required', doc: 'Fail the build when the secret or SSH agent is not provided.' };

export const MOUNT_KEYS: Record<string, FlagValue[]> = {
  cache: [TARGET, ID, { value: 'sharing', doc: 'How concurrent builds share the cache: `shared` (default), `private` or `locked`.' }, FROM, SOURCE, READONLY, MODE, UID, GID],
  secret: [ID, TARGET, { value: 'env', doc: 'Expose the secret as this environment variable instead of a file.' }, REQUIRED, MODE, UID, GID],
  ssh: [ID, TARGET, REQUIRED, MODE, UID, GID],
  bind: [TARGET, SOURCE, FROM, { value: 'rw', doc: 'Allow writes (discarded after the RUN).' }],
  tmpfs: [TARGET, { value: 'size', doc: 'Maximum size in bytes.' }],
};

export const MOUNT_KEY_VALUES: Record<string, FlagValue[]> = {
  type: MOUNT_TYPES,
  sharing: [
    { value: 'shared', doc: 'Concurrent builds use the cache together.' },
    { value: 'private', doc: 'A concurrent build gets its own new cache.' },
    { value: 'locked', doc: 'A concurrent build waits until the cache is free.' },
  ],
};

/** Common cache targets for `RUN --mount=type=cache,target=` by package manager. */
export const CACHE_TARGETS: FlagValue[] = [
  { value: '/root/.npm', doc: 'npm' },
  { value: '/usr/local/share/.cache/yarn', doc: 'yarn' },
  { value: '/root/.local/share/pnpm/store', doc: 'pnpm' },
  { value: '/root/.cache/pip', doc: 'pip' },
  { value: '/go/pkg/mod', doc: 'Go modules' },
  { value: '/root/.cache/go-build', doc: 'Go build cache' },
  { value: '/root/.m2', doc: 'Maven' },
  { value: '/root/.gradle', doc: 'Gradle' },
  { value: '/usr/local/cargo/registry', doc: 'Cargo registry' },
  { value: '/var/cache/apt', doc: 'apt packages (add `sharing=locked`)' },
  { value: '/var/lib/apt/lists', doc: 'apt lists (add `sharing=locked`)' },
  { value: '/var/cache/apk', doc: 'apk' },
];
