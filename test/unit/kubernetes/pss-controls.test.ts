// Every Pod Security Standards control, evaluated like the admission controller (pod-security.kubernetes.io):
// a failing and a passing case each, in containers, initContainers and ephemeralContainers alike, pod-level settings
// inherited by containers, and the Windows exemptions of the restricted level.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import type { Finding } from '../../../server/src/engine/types';
import { covered, lint, registry } from '../../helpers';

const K = '/repo/pod.yaml';
/** Every Kubernetes rule on by name at the restricted level (`--rules all` would do too, it implies restricted). */
const EVERY_RULE = Object.fromEntries(registry.rulesOf('kubernetes').map((r) => [r.id, r.severity]));
const RESTRICTED = { rules: EVERY_RULE, domains: { kubernetes: { podSecurity: 'restricted' } } };
const BASELINE = { rules: EVERY_RULE };

const findings = (text: string, control: string, config: object = RESTRICTED): Finding[] =>
  lint(K, text, { config }).findings.filter((f) => f.aliases.includes(`pss/${control}`));

/** A container that passes every control. */
const COMPLIANT = `name: main
image: x:1
securityContext:
  allowPrivilegeEscalation: false
  runAsNonRoot: true
  seccompProfile: {type: RuntimeDefault}
  capabilities: {drop: [ALL]}`;

const indent = (text: string, by: string) => text.replace(/^(?=.)/gm, by);
const item = (container: string) => indent(`- ${container.replace(/\n/g, '\n  ')}`, '    ');

type ContainerType = 'containers' | 'initContainers' | 'ephemeralContainers';

/** A Pod with one container under test of the given type (plus a compliant main container when it is not `containers`). */
function pod(opts: { type?: ContainerType; container?: string; spec?: string; annotations?: string } = {}): string {
  const type = opts.type ?? 'containers';
  const tested = `name: app\nimage: x:1\n${opts.container ?? ''}`.trimEnd();
  const lists = type === 'containers' ? `  containers:\n${item(tested)}\n` : `  containers:\n${item(COMPLIANT)}\n  ${type}:\n${item(tested)}\n`;
  const annotations = opts.annotations ? `\n  annotations:\n${indent(opts.annotations, '    ')}` : '';
  return `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p${annotations}\nspec:\n${indent(opts.spec ?? '', '  ')}${opts.spec ? '\n' : ''}${lists}`;
}

interface ContainerCase {
  control: string;
  /** Container fields that fail the control, and the text the finding covers. */
  bad: string;
  covers: string;
  good: string;
  config?: object;
}

const TYPES: ContainerType[] = ['containers', 'initContainers', 'ephemeralContainers'];

const CONTAINER_CASES: ContainerCase[] = [
  // baseline
  { control: 'privileged', bad: 'securityContext: {privileged: true}', covers: 'true', good: 'securityContext: {privileged: false}', config: BASELINE },
  { control: 'capabilities_baseline', bad: 'securityContext: {capabilities: {add: [SYS_ADMIN]}}', covers: 'SYS_ADMIN', good: 'securityContext: {capabilities: {add: [CHOWN, NET_BIND_SERVICE, SYS_CHROOT]}}', config: BASELINE },
  { control: 'hostPorts', bad: 'ports: [{containerPort: 80, hostPort: 8080}]', covers: '8080', good: 'ports: [{containerPort: 80, hostPort: 0}]', config: BASELINE },
  { control: 'procMount', bad: 'securityContext: {procMount: Unmasked}', covers: 'Unmasked', good: 'securityContext: {procMount: Default}', config: BASELINE },
  { control: 'windowsHostProcess', bad: 'securityContext: {windowsOptions: {hostProcess: true}}', covers: 'true', good: 'securityContext: {windowsOptions: {hostProcess: false}}', config: BASELINE },
  { control: 'appArmorProfile', bad: 'securityContext: {appArmorProfile: {type: Unconfined}}', covers: 'Unconfined', good: 'securityContext: {appArmorProfile: {type: Localhost, localhostProfile: k8s-apparmor}}', config: BASELINE },
  { control: 'seLinuxOptions', bad: 'securityContext: {seLinuxOptions: {type: spc_t}}', covers: 'spc_t', good: 'securityContext: {seLinuxOptions: {type: container_t, level: "s0:c123,c456"}}', config: BASELINE },
  { control: 'seLinuxOptions', bad: 'securityContext: {seLinuxOptions: {user: system_u}}', covers: 'system_u', good: 'securityContext: {seLinuxOptions: {type: container_engine_t}}', config: BASELINE },
  { control: 'seccompProfile_baseline', bad: 'securityContext: {seccompProfile: {type: Unconfined}}', covers: 'Unconfined', good: 'securityContext: {seccompProfile: {type: RuntimeDefault}}', config: BASELINE },
  { control: 'hostProbesAndHostLifecycle', bad: 'livenessProbe: {httpGet: {host: 10.0.0.1, port: 80}}', covers: '10.0.0.1', good: 'livenessProbe: {httpGet: {port: 80}}', config: BASELINE },
  { control: 'hostProbesAndHostLifecycle', bad: 'lifecycle: {preStop: {tcpSocket: {host: metadata.internal, port: 80}}}', covers: 'metadata.internal', good: 'lifecycle: {preStop: {sleep: {seconds: 5}}}', config: BASELINE },
  // restricted
  { control: 'allowPrivilegeEscalation', bad: 'securityContext: {allowPrivilegeEscalation: true}', covers: 'true', good: 'securityContext: {allowPrivilegeEscalation: false}' },
  { control: 'allowPrivilegeEscalation', bad: 'securityContext: {runAsNonRoot: true}', covers: 'app', good: 'securityContext: {allowPrivilegeEscalation: false}' },
  { control: 'capabilities_restricted', bad: 'securityContext: {capabilities: {drop: [NET_RAW]}}', covers: '[NET_RAW]', good: 'securityContext: {capabilities: {drop: [ALL], add: [NET_BIND_SERVICE]}}' },
  { control: 'capabilities_restricted', bad: 'securityContext: {capabilities: {drop: [ALL], add: [CHOWN]}}', covers: 'CHOWN', good: 'securityContext: {capabilities: {drop: [ALL]}}' },
  { control: 'runAsNonRoot', bad: 'securityContext: {runAsNonRoot: false}', covers: 'false', good: 'securityContext: {runAsNonRoot: true}' },
  { control: 'runAsNonRoot', bad: 'securityContext: {runAsUser: 1000}', covers: 'app', good: 'securityContext: {runAsNonRoot: true, runAsUser: 1000}' },
  { control: 'runAsUser', bad: 'securityContext: {runAsUser: 0}', covers: '0', good: 'securityContext: {runAsUser: 1000}' },
  { control: 'seccompProfile_restricted', bad: 'securityContext: {seccompProfile: {type: Unconfined}}', covers: 'Unconfined', good: 'securityContext: {seccompProfile: {type: Localhost, localhostProfile: profiles/app.json}}' },
  { control: 'seccompProfile_restricted', bad: 'securityContext: {runAsNonRoot: true}', covers: 'app', good: 'securityContext: {seccompProfile: {type: RuntimeDefault}}' },
  { control: 'procMount_restricted', bad: 'securityContext: {procMount: Unmasked}', covers: 'Unmasked', good: 'securityContext: {procMount: Default}' },
];

describe('Pod Security Standards controls, per container type', () => {
  for (const c of CONTAINER_CASES) {
    for (const type of TYPES) {
      it(`${c.control} in ${type}: fails on ${c.bad}, passes with ${c.good}`, () => {
        const bad = pod({ type, container: c.bad });
        assert.deepEqual(findings(bad, c.control, c.config).map((f) => covered(bad, f)), [c.covers]);
        assert.deepEqual(findings(pod({ type, container: c.good }), c.control, c.config).map((f) => f.message), []);
      });
    }
  }

  it('the compliant container passes every control at the restricted level', () => {
    const text = pod({ container: COMPLIANT.split('\n').slice(2).join('\n') });
    const pss = lint(K, text, { config: RESTRICTED }).findings.filter((f) => f.aliases.some((a) => a.startsWith('pss/')));
    assert.deepEqual(pss.map((f) => f.message), []);
  });
});

describe('Pod Security Standards controls, pod level', () => {
  const cases: Array<{ control: string; bad: { spec?: string; annotations?: string }; covers: string[]; good: { spec?: string; annotations?: string }; config?: object }> = [
    { control: 'hostNamespaces', bad: { spec: 'hostNetwork: true\nhostPID: true\nhostIPC: true' }, covers: ['true', 'true', 'true'], good: { spec: 'hostNetwork: false\nhostPID: false\nhostIPC: false' }, config: BASELINE },
    { control: 'hostPathVolumes', bad: { spec: 'volumes: [{name: v, hostPath: {path: /data}}]' }, covers: ['/data'], good: { spec: 'volumes: [{name: v, emptyDir: {}}]' }, config: BASELINE },
    { control: 'sysctls', bad: { spec: 'securityContext:\n  sysctls: [{name: kernel.msgmax, value: "65536"}]' }, covers: ['kernel.msgmax'], good: { spec: 'securityContext:\n  sysctls: [{name: net.ipv4.ip_unprivileged_port_start, value: "0"}, {name: kernel.shm_rmid_forced, value: "1"}]' }, config: BASELINE },
    { control: 'windowsHostProcess', bad: { spec: 'securityContext: {windowsOptions: {hostProcess: true}}' }, covers: ['true'], good: { spec: 'securityContext: {windowsOptions: {runAsUserName: app}}' }, config: BASELINE },
    { control: 'appArmorProfile', bad: { spec: 'securityContext: {appArmorProfile: {type: Unconfined}}' }, covers: ['Unconfined'], good: { spec: 'securityContext: {appArmorProfile: {type: RuntimeDefault}}' }, config: BASELINE },
    { control: 'appArmorProfile', bad: { annotations: 'container.apparmor.security.beta.kubernetes.io/app: unconfined' }, covers: ['unconfined'], good: { annotations: 'container.apparmor.security.beta.kubernetes.io/app: localhost/k8s-apparmor' }, config: BASELINE },
    { control: 'seLinuxOptions', bad: { spec: 'securityContext: {seLinuxOptions: {role: sysadm_r}}' }, covers: ['sysadm_r'], good: { spec: 'securityContext: {seLinuxOptions: {type: container_init_t}}' }, config: BASELINE },
    { control: 'seccompProfile_baseline', bad: { spec: 'securityContext: {seccompProfile: {type: Unconfined}}' }, covers: ['Unconfined'], good: { spec: 'securityContext: {seccompProfile: {type: Localhost, localhostProfile: p.json}}' }, config: BASELINE },
    { control: 'restrictedVolumes', bad: { spec: 'volumes: [{name: v, nfs: {server: nfs.example, path: /}}]' }, covers: ['nfs'], good: { spec: 'volumes: [{name: a, configMap: {name: c}}, {name: b, csi: {driver: d}}, {name: c, projected: {sources: []}}, {name: d, ephemeral: {}}, {name: e, downwardAPI: {}}]' } },
    { control: 'restrictedVolumes', bad: { spec: 'volumes: [{name: v, hostPath: {path: /data}}]' }, covers: ['/data'], good: { spec: 'volumes: [{name: v, persistentVolumeClaim: {claimName: data}}]' } },
  ];
  for (const c of cases) {
    it(`${c.control}: fails on ${JSON.stringify(c.bad)}, passes with ${JSON.stringify(c.good)}`, () => {
      const bad = pod(c.bad);
      assert.deepEqual(findings(bad, c.control, c.config).map((f) => covered(bad, f)), c.covers);
      assert.deepEqual(findings(pod(c.good), c.control, c.config).map((f) => f.message), []);
    });
  }

  it('a volume with no source is the emptyDir the API server defaults it to; empty and unknown keys are no source', () => {
    for (const volume of ['{name: scratch}', '{name: scratch, nfs: null}', '{name: scratch, emptydir: {}}']) {
      assert.deepEqual(findings(pod({ spec: `volumes: [${volume}]` }), 'restrictedVolumes'), [], volume);
    }
  });

  it('restricted volume findings offer no "make restricted" fix (it cannot change volumes); other restricted findings do', () => {
    const volume = findings(pod({ spec: 'volumes: [{name: v, gitRepo: {repository: r}}]', container: COMPLIANT.split('\n').slice(2).join('\n') }), 'restrictedVolumes');
    assert.equal(volume.length, 1);
    assert.deepEqual(volume[0].fixes, []);
    const user = findings(pod({ container: 'securityContext: {runAsUser: 0}' }), 'runAsUser');
    assert.ok(user[0].fixes.some((f) => f.title === 'Make this workload Pod Security restricted'));
  });

  it('restricted controls do not run at the baseline level', () => {
    const text = pod({ container: 'securityContext: {runAsUser: 0, allowPrivilegeEscalation: true}', spec: 'volumes: [{name: v, nfs: {server: s, path: /}}]' });
    for (const control of ['runAsUser', 'runAsNonRoot', 'allowPrivilegeEscalation', 'capabilities_restricted', 'seccompProfile_restricted', 'restrictedVolumes']) {
      assert.deepEqual(findings(text, control, BASELINE), [], control);
      assert.ok(findings(text, control).length > 0, control);
    }
  });
});

describe('Pod Security Standards, pod-level settings inherited by containers', () => {
  it('runAsNonRoot: pod true covers every container type; a container may still set false', () => {
    const text = pod({ type: 'initContainers', spec: 'securityContext: {runAsNonRoot: true}', container: 'securityContext: {runAsUser: 1000}' });
    assert.deepEqual(findings(text, 'runAsNonRoot'), []);
    const overridden = pod({ type: 'ephemeralContainers', spec: 'securityContext: {runAsNonRoot: true}', container: 'securityContext: {runAsNonRoot: false}' });
    assert.deepEqual(findings(overridden, 'runAsNonRoot').map((f) => covered(overridden, f)), ['false']);
  });

  it('runAsNonRoot: pod false fails, and containers that do not set it fail with it', () => {
    const text = pod({ spec: 'securityContext: {runAsNonRoot: false}' });
    assert.deepEqual(findings(text, 'runAsNonRoot').map((f) => covered(text, f)), ['false', 'app']);
    const fixed = pod({ spec: 'securityContext: {runAsNonRoot: false}', container: 'securityContext: {runAsNonRoot: true}' });
    assert.deepEqual(findings(fixed, 'runAsNonRoot').map((f) => covered(fixed, f)), ['false']);
  });

  it('runAsUser: pod 0 fails even when every container sets another user', () => {
    const text = pod({ spec: 'securityContext: {runAsUser: 0}', container: 'securityContext: {runAsUser: 1000}' });
    assert.deepEqual(findings(text, 'runAsUser').map((f) => covered(text, f)), ['0']);
  });

  it('seccompProfile_restricted: a valid pod profile covers containers; an invalid one fails once, containers setting their own pass', () => {
    assert.deepEqual(findings(pod({ type: 'initContainers', spec: 'securityContext: {seccompProfile: {type: RuntimeDefault}}' }), 'seccompProfile_restricted'), []);
    const text = pod({ spec: 'securityContext: {seccompProfile: {type: Unconfined}}', container: 'securityContext: {seccompProfile: {type: RuntimeDefault}}' });
    assert.deepEqual(findings(text, 'seccompProfile_restricted').map((f) => covered(text, f)), ['Unconfined']);
    const unset = pod({ spec: 'securityContext: {seccompProfile: {type: Unconfined}}' });
    assert.deepEqual(findings(unset, 'seccompProfile_restricted').map((f) => covered(unset, f)), ['Unconfined', 'app']);
  });

  it('baseline pod-level settings are not overridden by compliant containers (seccomp, AppArmor, SELinux)', () => {
    const text = pod({ spec: 'securityContext:\n  seccompProfile: {type: Unconfined}\n  appArmorProfile: {type: Unconfined}\n  seLinuxOptions: {type: spc_t}', container: 'securityContext: {seccompProfile: {type: RuntimeDefault}, appArmorProfile: {type: RuntimeDefault}, seLinuxOptions: {type: container_t}}' });
    for (const control of ['seccompProfile_baseline', 'appArmorProfile', 'seLinuxOptions']) assert.equal(findings(text, control, BASELINE).length, 1, control);
  });
});

describe('Pod Security Standards, Windows pods (spec.os.name: windows)', () => {
  const windows = (container = '') => pod({ spec: 'os: {name: windows}', container });

  it('are exempt from allowPrivilegeEscalation, capabilities_restricted and seccompProfile_restricted', () => {
    for (const control of ['allowPrivilegeEscalation', 'capabilities_restricted', 'seccompProfile_restricted']) {
      assert.deepEqual(findings(windows('securityContext: {capabilities: {add: [CHOWN]}}'), control), [], control);
      assert.ok(findings(pod({ container: 'securityContext: {capabilities: {add: [CHOWN]}}' }), control).length > 0, control);
    }
  });

  it('are not exempt from the other controls', () => {
    assert.equal(findings(windows(), 'runAsNonRoot').length, 1);
    assert.equal(findings(windows('securityContext: {runAsUser: 0}'), 'runAsUser').length, 1);
    assert.equal(findings(windows('securityContext: {windowsOptions: {hostProcess: true}}'), 'windowsHostProcess', BASELINE).length, 1);
    assert.equal(findings(windows('securityContext: {capabilities: {add: [SYS_ADMIN]}}'), 'capabilities_baseline', BASELINE).length, 1);
  });
});
