import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { DEFAULT_CONFIG, mergeConfig, type ConfigLayer } from '../../../server/src/engine/config';
import type { Finding, ProjectIndex } from '../../../server/src/engine/types';
import { memoryWorkspace } from '../../../server/src/engine/workspace';
import { buildModel } from '../../../server/src/kubernetes/model';
import { kubernetesLanguage } from '../../../server/src/kubernetes/language';
import { covered, engine } from '../../helpers';

/** A project index over in-memory files, built with the language's own summarize. */
function fakeProject(files: Record<string, string>): ProjectIndex {
  return {
    summaries: (kind) => (kind === 'kubernetes' ? Object.entries(files).map(([path, text]) => ({ path, summary: kubernetesLanguage.summarize!(buildModel(text), path) })) : []),
  };
}

function lintIn(files: Record<string, string>, path: string, ruleId: string, layer: ConfigLayer = { allRules: true }): Finding[] {
  const r = engine.lint({
    path,
    text: files[path],
    config: mergeConfig(DEFAULT_CONFIG, layer),
    workspace: memoryWorkspace(files),
    project: fakeProject(files),
  });
  return r.findings.filter((f) => f.ruleId === ruleId);
}

const deployment = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 3
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      serviceAccountName: web
      containers:
        - name: web
          image: nginx:1.27
          ports:
            - {name: http, containerPort: 8080}
          envFrom:
            - configMapRef: {name: web-config}
`;

describe('cross-object checks across the workspace', () => {
  const service = (selector: string, targetPort: string) => `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector: {app: ${selector}}
  ports:
    - {name: http, port: 80, targetPort: ${targetPort}}
`;

  it('Service selector must match some workload in another file', () => {
    const files = { '/r/deploy.yaml': deployment, '/r/svc.yaml': service('wbe', 'http') };
    const found = lintIn(files, '/r/svc.yaml', 'kubernetes/service-selector');
    assert.deepEqual(found.map((f) => covered(files['/r/svc.yaml'], f)), ['selector']);
    assert.match(found[0].message, /app=wbe/);
    assert.deepEqual(lintIn({ ...files, '/r/svc.yaml': service('web', 'http') }, '/r/svc.yaml', 'kubernetes/service-selector'), []);
  });

  it('is silent when the workspace has no workloads at all (partial repos), unless strict/all take it as complete', () => {
    const files = { '/r/svc.yaml': service('wbe', 'http') };
    assert.deepEqual(lintIn(files, '/r/svc.yaml', 'kubernetes/service-selector', {}), []);
    for (const layer of [{ profile: 'strict' as const }, { profile: 'all' as const }, { allRules: true }]) {
      const found = lintIn(files, '/r/svc.yaml', 'kubernetes/service-selector', layer);
      assert.deepEqual(found.map((f) => covered(files['/r/svc.yaml'], f)), ['selector'], JSON.stringify(layer));
    }
  });

  it('named targetPort must exist on the selected containers', () => {
    const files = { '/r/deploy.yaml': deployment, '/r/svc.yaml': service('web', 'htp') };
    const found = lintIn(files, '/r/svc.yaml', 'kubernetes/service-target-port');
    assert.deepEqual(found.map((f) => covered(files['/r/svc.yaml'], f)), ['htp']);
    assert.deepEqual(found[0].aliases, []);
  });

  it('ServiceAccount and ConfigMap references exist only when the workspace has such objects', () => {
    const alone = { '/r/deploy.yaml': deployment };
    assert.deepEqual(lintIn(alone, '/r/deploy.yaml', 'kubernetes/missing-reference', {}), []);
    // strict, all and --rules all take the workspace as complete: both references are missing.
    const complete = lintIn(alone, '/r/deploy.yaml', 'kubernetes/missing-reference', { profile: 'strict' });
    assert.deepEqual(complete.map((f) => [covered(deployment, f), f.message]), [
      ['web', 'ServiceAccount "web" is not defined in the workspace.'],
      ['web-config', 'ConfigMap "web-config" is not defined in the workspace.'],
    ]);
    const files = {
      ...alone,
      '/r/sa.yaml': 'apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: other}\n',
      '/r/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: web-config}\n',
    };
    const found = lintIn(files, '/r/deploy.yaml', 'kubernetes/missing-reference', {});
    assert.deepEqual(found.map((f) => covered(deployment, f)), ['web']);
    assert.deepEqual(found[0].aliases, ['kube-linter/non-existent-service-account']);
  });

  it('env valueFrom keys must exist in the referenced ConfigMap or Secret', () => {
    const pod = `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
    - name: a
      image: x:1
      env:
        - {name: A, valueFrom: {configMapKeyRef: {name: cfg, key: mode}}}
        - {name: B, valueFrom: {secretKeyRef: {name: creds, key: pasword}}}
        - {name: C, valueFrom: {secretKeyRef: {name: other, key: x, optional: true}}}
`;
    const files = {
      '/r/pod.yaml': pod,
      '/r/cfg.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cfg}\ndata: {mode: prod}\n',
      '/r/creds.yaml': 'apiVersion: v1\nkind: Secret\nmetadata: {name: creds}\nstringData: {password: x}\n',
    };
    const found = lintIn(files, '/r/pod.yaml', 'kubernetes/missing-reference');
    assert.deepEqual(found.map((f) => [covered(pod, f), f.message, f.aliases]), [['pasword', 'Secret "creds" has no key "pasword".', ['kube-linter/env-value-from']]]);
  });

  it('Ingress backends and HPA targets must exist', () => {
    const ingress = `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: web}
spec:
  tls: [{hosts: [a.example]}]
  rules:
    - http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service: {name: web, port: {number: 81}}
          - path: /api
            pathType: Prefix
            backend:
              service: {name: api, port: {number: 80}}
`;
    const files = { '/r/deploy.yaml': deployment, '/r/svc.yaml': service('web', 'http'), '/r/ing.yaml': ingress };
    assert.deepEqual(lintIn(files, '/r/ing.yaml', 'kubernetes/ingress-backend').map((f) => covered(ingress, f)), ['81', 'api']);
    const hpa = `apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: {name: h}
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: wbe}
  minReplicas: 2
  maxReplicas: 5
`;
    assert.deepEqual(lintIn({ ...files, '/r/hpa.yaml': hpa }, '/r/hpa.yaml', 'kubernetes/hpa-target').map((f) => covered(hpa, f)), ['wbe']);
  });

  it('duplicate kind/namespace/name, within a file and across files', () => {
    const twice = `${deployment}---\n${deployment}`;
    assert.deepEqual(lintIn({ '/r/a.yaml': twice }, '/r/a.yaml', 'kubernetes/duplicate-object').map((f) => f.range.start.line), [24]);
    const across = lintIn({ '/r/a.yaml': deployment, '/r/b.yaml': deployment }, '/r/a.yaml', 'kubernetes/duplicate-object');
    assert.match(across[0].message, /also defined in \/r\/b\.yaml/);
  });

  it('re-linting the same parse sees the current project index (as the server does when another file changes)', () => {
    const svc = service('web', 'http');
    const config = mergeConfig(DEFAULT_CONFIG, { allRules: true });
    const parsed = kubernetesLanguage.parse(svc, '/r/svc.yaml');
    const relint = (files: Record<string, string>) =>
      engine
        .lint({ path: '/r/svc.yaml', text: svc, parsed, config, workspace: memoryWorkspace(files), project: fakeProject(files) })
        .findings.filter((f) => f.ruleId === 'kubernetes/service-selector');
    const other = deployment.replace(/app: web/g, 'app: api');
    assert.equal(relint({ '/r/svc.yaml': svc, '/r/deploy.yaml': other }).length, 1);
    assert.deepEqual(relint({ '/r/svc.yaml': svc, '/r/deploy.yaml': deployment }), []);
  });

  it('a PDB minAvailable above the HPA minReplicas of the same Deployment, across files', () => {
    const hpa = 'apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: {name: web}\nspec:\n  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}\n  minReplicas: 2\n  maxReplicas: 5\n';
    const pdb = (min: number) => `apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: web}\nspec:\n  minAvailable: ${min}\n  selector: {matchLabels: {app: web}}\n`;
    const files = (min: number) => ({ '/r/deploy.yaml': deployment, '/r/hpa.yaml': hpa, '/r/pdb.yaml': pdb(min) });
    const found = lintIn(files(3), '/r/deploy.yaml', 'kubernetes/pdb-min-available-above-hpa');
    assert.deepEqual(found.map((f) => covered(deployment, f)), ['kind']);
    assert.equal(found[0].message, 'Deployment "web": PodDisruptionBudget minAvailable (3) is above the autoscaler\'s minReplicas (2).');
    assert.deepEqual(lintIn(files(2), '/r/deploy.yaml', 'kubernetes/pdb-min-available-above-hpa'), []);
    const other = pdb(3).replace('app: web', 'app: api');
    assert.deepEqual(lintIn({ ...files(3), '/r/pdb.yaml': other }, '/r/deploy.yaml', 'kubernetes/pdb-min-available-above-hpa'), []);
  });

  it('replicas ≥ 2 without a PodDisruptionBudget is an info finding; a matching PDB elsewhere clears it', () => {
    const found = lintIn({ '/r/deploy.yaml': deployment }, '/r/deploy.yaml', 'kubernetes/pod-disruption-budget');
    assert.equal(found.length, 1);
    assert.equal(found[0].severity, 'info');
    const pdb = 'apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: web}\nspec:\n  maxUnavailable: 1\n  selector: {matchLabels: {app: web}}\n';
    assert.deepEqual(lintIn({ '/r/deploy.yaml': deployment, '/r/pdb.yaml': pdb }, '/r/deploy.yaml', 'kubernetes/pod-disruption-budget'), []);
  });
});

describe('cross-object checks within one file (no index)', () => {
  it('workload selector must match its template labels', () => {
    const text = deployment.replace('labels: {app: web}', 'labels: {app: webb}');
    const r = engine.lint({ path: '/r/d.yaml', text, config: mergeConfig(DEFAULT_CONFIG, { allRules: true }), workspace: memoryWorkspace({}) });
    const found = r.findings.filter((f) => f.ruleId === 'kubernetes/selector-mismatch');
    assert.deepEqual(found.map((f) => covered(text, f)), ['selector']);
    assert.deepEqual(found[0].aliases, ['kube-linter/mismatching-selector']);
  });

  it('probe ports must be declared container ports', () => {
    const text = `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
    - name: a
      image: x:1
      ports: [{name: http, containerPort: 8080}, {name: dns, containerPort: 53, protocol: UDP}]
      livenessProbe: {httpGet: {path: /, port: htp}}
      readinessProbe: {tcpSocket: {port: dns}}
      startupProbe: {httpGet: {path: /, port: 8080}}
`;
    const r = engine.lint({ path: '/r/p.yaml', text, config: mergeConfig(DEFAULT_CONFIG, { allRules: true }), workspace: memoryWorkspace({}) });
    const found = r.findings.filter((f) => f.ruleId === 'kubernetes/probe-port');
    assert.deepEqual(found.map((f) => [covered(text, f), f.aliases[0]]), [['htp', 'kube-linter/liveness-port'], ['dns', 'kube-linter/readiness-port']]);
  });
});

describe('missing references and StatefulSet claim templates', () => {
  it("a pod volume named like a volumeClaimTemplate is the template's claim, not a missing PersistentVolumeClaim", () => {
    const sts = (claim: string) => `apiVersion: apps/v1
kind: StatefulSet
metadata: {name: db}
spec:
  template:
    spec:
      containers: [{name: db, image: "db:1", volumeMounts: [{name: data, mountPath: /data}]}]
      volumes:
        - name: ${claim}
          persistentVolumeClaim: {claimName: data}
  volumeClaimTemplates:
    - metadata: {name: data}
      spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}
`;
    assert.deepEqual(lintIn({ '/r/db.yaml': sts('data') }, '/r/db.yaml', 'kubernetes/missing-reference'), []);
    assert.deepEqual(lintIn({ '/r/db.yaml': sts('other') }, '/r/db.yaml', 'kubernetes/missing-reference').map((f) => f.message), ['PersistentVolumeClaim "data" is not defined in the workspace.']);
  });
});
