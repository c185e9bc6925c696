import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { applyEdits } from '../../../server/src/engine/text';
import { covered, findingsOf, lint, registry, type LintOptions } from '../../helpers';

const K = '/repo/pod.yaml';
const RESTRICTED: LintOptions = { config: { domains: { kubernetes: { podSecurity: 'restricted' } } } };

/** A Pod with a given pod-level block (under spec) and containers block. */
const pod = (spec: string) => `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
${spec}`;

/** Every Kubernetes rule switched on by name: like `--rules all`, without raising Pod Security to restricted. */
const EVERY_RULE = Object.fromEntries(registry.rulesOf('kubernetes').map((r) => [r.id, r.severity]));
const pssFindings = (text: string, control: string, opts: LintOptions = RESTRICTED) =>
  lint(K, text, { ...opts, config: { ...opts.config, rules: EVERY_RULE } }).findings.filter((f) => f.aliases.includes(`pss/${control}`));

describe('Pod Security Standards, baseline', () => {
  it('privileged: every container type, on the value', () => {
    const text = pod(`  containers:
    - name: a
      image: x:1
      securityContext: {privileged: true}
  initContainers:
    - name: b
      image: x:1
      securityContext:
        privileged: false
  ephemeralContainers:
    - name: c
      image: x:1
      securityContext:
        privileged: true
`);
    const found = pssFindings(text, 'privileged', { config: {} });
    assert.deepEqual(found.map((f) => covered(text, f)), ['true', 'true']);
    assert.deepEqual(found[1].aliases, ['pss/privileged'], 'ephemeral containers only count for Pod Security');
  });

  it('hostNamespaces, hostPorts, hostPathVolumes, windowsHostProcess', () => {
    const text = pod(`  hostNetwork: true
  hostPID: false
  hostIPC: true
  securityContext:
    windowsOptions: {hostProcess: true}
  volumes:
    - name: root
      hostPath: {path: /}
    - name: data
      emptyDir: {}
  containers:
    - name: a
      image: x:1
      ports:
        - containerPort: 80
          hostPort: 8080
        - containerPort: 81
          hostPort: 0
`);
    assert.deepEqual(pssFindings(text, 'hostNamespaces', { config: {} }).map((f) => f.range.start.line), [5, 7]);
    assert.deepEqual(pssFindings(text, 'hostPorts', { config: {} }).map((f) => covered(text, f)), ['8080']);
    assert.deepEqual(pssFindings(text, 'hostPathVolumes', { config: {} }).map((f) => covered(text, f)), ['/']);
    assert.deepEqual(pssFindings(text, 'windowsHostProcess', { config: {} }).map((f) => covered(text, f)), ['true']);
    const network = pssFindings(text, 'hostNamespaces', { config: {} })[0];
    assert.deepEqual(network.aliases, ['kube-linter/host-network', 'polaris/hostNetworkSet', 'pss/hostNamespaces']);
  });

  it('capabilities_baseline: only additions outside the default set', () => {
    const text = pod(`  containers:
    - name: a
      image: x:1
      securityContext:
        capabilities:
          add: [CHOWN, NET_BIND_SERVICE, SYS_ADMIN, NET_RAW]
`);
    assert.deepEqual(pssFindings(text, 'capabilities_baseline', { config: {} }).map((f) => covered(text, f)), ['SYS_ADMIN', 'NET_RAW']);
  });

  it('appArmorProfile: fields and the beta annotation of the pod template', () => {
    const text = `apiVersion: apps/v1
kind: Deployment
metadata: {name: d}
spec:
  selector: {matchLabels: {app: d}}
  template:
    metadata:
      labels: {app: d}
      annotations:
        container.apparmor.security.beta.kubernetes.io/a: unconfined
        container.apparmor.security.beta.kubernetes.io/b: localhost/custom
    spec:
      securityContext:
        appArmorProfile: {type: RuntimeDefault}
      containers:
        - name: a
          image: x:1
          securityContext:
            appArmorProfile:
              type: Unconfined
        - name: b
          image: x:1
`;
    assert.deepEqual(pssFindings(text, 'appArmorProfile', { config: {} }).map((f) => covered(text, f)), ['unconfined', 'Unconfined']);
  });

  it('seLinuxOptions: allowed types only, no user or role', () => {
    const text = pod(`  securityContext:
    seLinuxOptions: {type: container_init_t, level: "s0:c1"}
  containers:
    - name: a
      image: x:1
      securityContext:
        seLinuxOptions: {type: spc_t, user: system_u, role: ""}
`);
    assert.deepEqual(pssFindings(text, 'seLinuxOptions', { config: {} }).map((f) => covered(text, f)), ['spc_t', 'system_u']);
  });

  it('procMount, seccompProfile_baseline, sysctls', () => {
    const text = pod(`  securityContext:
    seccompProfile: {type: Unconfined}
    sysctls:
      - {name: net.ipv4.tcp_syncookies, value: "1"}
      - {name: kernel.msgmax, value: "1"}
      - {name: net.ipv4.tcp_keepalive_time, value: "60"}
  containers:
    - name: a
      image: x:1
      securityContext: {procMount: Unmasked, seccompProfile: {type: RuntimeDefault}}
    - name: b
      image: x:1
      securityContext: {procMount: Default}
`);
    assert.deepEqual(pssFindings(text, 'procMount', { config: {} }).map((f) => covered(text, f)), ['Unmasked']);
    assert.deepEqual(pssFindings(text, 'seccompProfile_baseline', { config: {} }).map((f) => covered(text, f)), ['Unconfined']);
    assert.deepEqual(pssFindings(text, 'sysctls', { config: {} }).map((f) => covered(text, f)), ['kernel.msgmax']);
  });
});

describe('Pod Security Standards, newer controls and user namespaces', () => {
  it('hostProbesAndHostLifecycle: no host in probes or lifecycle hooks, any container type', () => {
    const text = pod(`  containers:
    - name: a
      image: x:1
      livenessProbe: {httpGet: {path: /, port: 80, host: 169.254.169.254}}
      readinessProbe: {tcpSocket: {port: 80, host: ""}}
      lifecycle:
        preStop:
          httpGet: {path: /quit, port: 80, host: example.com}
  initContainers:
    - name: i
      image: x:1
      startupProbe: {tcpSocket: {port: 80, host: db}}
`);
    assert.deepEqual(pssFindings(text, 'hostProbesAndHostLifecycle', { config: {} }).map((f) => covered(text, f)), ['169.254.169.254', 'example.com', 'db']);
  });

  it('hostUsers: false relaxes runAsNonRoot, runAsUser and baseline procMount, not procMount_restricted', () => {
    const text = pod(`  hostUsers: false
  securityContext: {runAsUser: 0}
  containers:
    - name: a
      image: x:1
      securityContext: {procMount: Unmasked}
`);
    assert.deepEqual(pssFindings(text, 'runAsNonRoot'), []);
    assert.deepEqual(pssFindings(text, 'runAsUser'), []);
    assert.deepEqual(pssFindings(text, 'procMount'), []);
    assert.deepEqual(pssFindings(text, 'procMount_restricted').map((f) => covered(text, f)), ['Unmasked']);
    const hostUsers = text.replace('hostUsers: false', 'hostUsers: true');
    assert.equal(pssFindings(hostUsers, 'runAsUser').length, 1);
    assert.equal(pssFindings(hostUsers, 'procMount', { config: {} }).length, 1);
    assert.deepEqual(pssFindings(hostUsers, 'procMount_restricted', { config: {} }), [], 'restricted-only code at baseline level');
  });

  it('sysctls added to the safe set in later policy versions pass', () => {
    const text = pod(`  securityContext:
    sysctls:
      - {name: net.ipv4.tcp_rmem, value: "4096 87380 6291456"}
      - {name: net.ipv4.tcp_notsent_lowat, value: "16384"}
      - {name: net.ipv4.ip_local_reserved_ports, value: "30000"}
  containers:
    - {name: a, image: "x:1"}
`);
    assert.deepEqual(pssFindings(text, 'sysctls', { config: {} }), []);
  });
});

describe('Pod Security Standards, restricted', () => {
  const good = pod(`  securityContext:
    runAsNonRoot: true
    seccompProfile: {type: RuntimeDefault}
  volumes:
    - {name: cfg, configMap: {name: c}}
    - {name: tmp, emptyDir: {}}
  containers:
    - name: a
      image: x:1
      securityContext:
        allowPrivilegeEscalation: false
        capabilities: {drop: [ALL], add: [NET_BIND_SERVICE]}
  initContainers:
    - name: i
      image: x:1
      securityContext:
        allowPrivilegeEscalation: false
        capabilities: {drop: [ALL]}
`);

  it("a Namespace labelled pod-security.kubernetes.io/enforce: restricted raises its pods' level", () => {
    const text = `apiVersion: v1
kind: Namespace
metadata:
  name: prod
  labels:
    pod-security.kubernetes.io/enforce: restricted
---
apiVersion: v1
kind: Pod
metadata: {name: a, namespace: prod}
spec:
  containers:
    - {name: a, image: "x:1", securityContext: {runAsUser: 0}}
---
apiVersion: v1
kind: Pod
metadata: {name: b, namespace: dev}
spec:
  containers:
    - {name: b, image: "x:1", securityContext: {runAsUser: 0}}
`;
    assert.deepEqual(pssFindings(text, 'runAsUser', { config: {} }).map((f) => f.range.start.line), [12]);
  });

  it('a compliant pod passes every control', () => {
    const all = lint(K, good, { config: { allRules: true, domains: { kubernetes: { podSecurity: 'restricted' } } } }).findings;
    assert.deepEqual(all.filter((f) => f.aliases.some((a) => a.startsWith('pss/'))).map((f) => `${f.ruleId} ${f.aliases}`), []);
  });

  it('restricted controls stay off at the default baseline level', () => {
    const text = pod(`  containers:
    - name: a
      image: x:1
      securityContext: {runAsUser: 0}
`);
    const runAsUser = (config: LintOptions['config']) => lint(K, text, { config }).findings.filter((f) => f.ruleId === 'kubernetes/pss-run-as-user');
    assert.deepEqual(runAsUser({}), []);
    assert.equal(runAsUser(RESTRICTED.config).length, 1);
    // Profiles strict and all, and --rules all, hold pods to restricted too.
    assert.equal(runAsUser({ profile: 'strict' }).length, 1);
    assert.equal(runAsUser({ profile: 'all' }).length, 1);
    assert.equal(runAsUser({ allRules: true }).length, 1);
  });

  it('runAsNonRoot: pod-level true covers containers, explicit false anywhere fails', () => {
    const inherited = pod(`  securityContext: {runAsNonRoot: true}
  containers:
    - {name: a, image: "x:1"}
    - name: b
      image: x:1
      securityContext: {runAsNonRoot: false}
`);
    assert.deepEqual(pssFindings(inherited, 'runAsNonRoot').map((f) => covered(inherited, f)), ['false']);
    const perContainer = pod(`  containers:
    - name: a
      image: x:1
      securityContext: {runAsNonRoot: true}
    - name: b
      image: x:1
      securityContext: {runAsUser: 1000}
`);
    const found = pssFindings(perContainer, 'runAsNonRoot');
    assert.deepEqual(found.map((f) => covered(perContainer, f)), ['b'], 'a non-zero runAsUser is not enough');
    assert.match(found[0].message, /does not set runAsNonRoot: true, and neither does the pod/);
  });

  it('runAsUser: 0 at pod or container level', () => {
    const text = pod(`  securityContext: {runAsUser: 0}
  containers:
    - name: a
      image: x:1
      securityContext: {runAsUser: 1000}
    - name: b
      image: x:1
      securityContext: {runAsUser: 0}
`);
    assert.deepEqual(pssFindings(text, 'runAsUser').map((f) => f.range.start.line), [5, 12]);
  });

  it('seccompProfile_restricted: pod default or every container; Localhost ok; Windows exempt', () => {
    const containerLevel = pod(`  containers:
    - name: a
      image: x:1
      securityContext: {seccompProfile: {type: Localhost, localhostProfile: p.json}}
    - name: b
      image: x:1
`);
    assert.deepEqual(pssFindings(containerLevel, 'seccompProfile_restricted').map((f) => covered(containerLevel, f)), ['b']);
    const override = pod(`  securityContext:
    seccompProfile: {type: RuntimeDefault}
  containers:
    - name: a
      image: x:1
      securityContext: {seccompProfile: {type: Unconfined}}
`);
    assert.deepEqual(pssFindings(override, 'seccompProfile_restricted').map((f) => covered(override, f)), ['Unconfined']);
    const windows = pod(`  os: {name: windows}
  containers:
    - {name: a, image: "x:1"}
`);
    assert.deepEqual(pssFindings(windows, 'seccompProfile_restricted'), []);
    assert.deepEqual(pssFindings(windows, 'allowPrivilegeEscalation'), []);
    assert.deepEqual(pssFindings(windows, 'capabilities_restricted'), []);
    assert.equal(pssFindings(windows, 'runAsNonRoot').length, 1, 'runAsNonRoot applies to Windows pods too');
  });

  it('allowPrivilegeEscalation must be explicitly false on every container, ephemeral ones included', () => {
    const text = pod(`  containers:
    - name: a
      image: x:1
      securityContext: {allowPrivilegeEscalation: false}
  ephemeralContainers:
    - name: debug
      image: x:1
`);
    const found = pssFindings(text, 'allowPrivilegeEscalation');
    assert.deepEqual(found.map((f) => covered(text, f)), ['debug']);
    assert.deepEqual(found[0].aliases, ['pss/allowPrivilegeEscalation']);
  });

  it('capabilities_restricted: drop ALL (exactly) and add nothing but NET_BIND_SERVICE', () => {
    const text = pod(`  containers:
    - name: a
      image: x:1
      securityContext:
        capabilities: {drop: [all], add: [NET_BIND_SERVICE]}
    - name: b
      image: x:1
      securityContext:
        capabilities: {drop: [ALL], add: [CHOWN]}
`);
    assert.deepEqual(pssFindings(text, 'capabilities_restricted').map((f) => covered(text, f)), ['[all]', 'CHOWN']);
  });

  it('restrictedVolumes: only the allowed sources; hostPath carries the alias too', () => {
    const text = pod(`  volumes:
    - {name: a, nfs: {server: s, path: /}}
    - {name: b, hostPath: {path: /data}}
    - {name: c, persistentVolumeClaim: {claimName: x}}
    - {name: d, image: {reference: "x:1"}}
  containers:
    - {name: a, image: "x:1"}
`);
    assert.deepEqual(pssFindings(text, 'restrictedVolumes').map((f) => covered(text, f)), ['nfs', '/data']);
  });

  it('offers "Make this workload Pod Security restricted", which clears every control', () => {
    const text = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
        - name: web
          image: nginx:1.27
          securityContext:
            runAsUser: 0
`;
    const f = pssFindings(text, 'runAsUser')[0];
    const whole = f.fixes.find((x) => x.title === 'Make this workload Pod Security restricted')!;
    assert.equal(whole.safe, false);
    const out = applyEdits(text, whole.edits).text;
    assert.equal(
      out,
      `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
        - name: web
          image: nginx:1.27
          securityContext:
            runAsUser: 1000
            allowPrivilegeEscalation: false
            capabilities:
              drop:
                - ALL
      securityContext:
        runAsNonRoot: true
        seccompProfile:
          type: RuntimeDefault
`,
    );
    const after = lint(K, out, { config: { allRules: true, domains: { kubernetes: { podSecurity: 'restricted' } } } }).findings;
    assert.deepEqual(after.filter((x) => x.aliases.some((a) => a.startsWith('pss/'))).map((x) => x.ruleId), []);
  });
});
