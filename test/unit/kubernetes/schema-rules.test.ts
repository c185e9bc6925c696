import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { at, covered, findingsOf, fixOnce, lint } from '../../helpers';

const K = '/repo/app.yaml';

const pod = (container: string) => `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: web
      image: nginx:1.27
${container
  .split('\n')
  .map((l) => (l ? `      ${l}` : l))
  .join('\n')}`;

describe('kubernetes/unknown-field', () => {
  it('reports a misspelled key on the key, suggests the field and renames it', () => {
    const text = pod('livenesProbe:\n  httpGet: {path: /health, port: 80}\n');
    const [f] = findingsOf(K, text, 'kubernetes/unknown-field');
    assert.equal(covered(text, f), 'livenesProbe');
    assert.equal(at(f), '9:7-9:19');
    assert.equal(f.message, 'Unknown field `livenesProbe` in Container: did you mean `livenessProbe`?');
    assert.equal(fixOnce(K, text, 'kubernetes/unknown-field'), pod('livenessProbe:\n  httpGet: {path: /health, port: 80}\n'));
  });

  it('checks nested pod templates (CronJob jobTemplate) and keeps quotes when renaming', () => {
    const text = `apiVersion: batch/v1
kind: CronJob
metadata: {name: c}
spec:
  schedule: "0 * * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: Never
          containers:
            - name: c
              image: busybox:1.36
              "comand": [sh, -c, date]
`;
    const [f] = findingsOf(K, text, 'kubernetes/unknown-field');
    assert.equal(covered(text, f), '"comand"');
    assert.match(fixOnce(K, text, 'kubernetes/unknown-field'), /^ {14}"command": \[sh, -c, date\]$/m);
  });

  it('lets --fix apply only obvious typos; farther guesses are offered in the editor only', () => {
    const [near] = findingsOf(K, pod('resurces: {}\n'), 'kubernetes/unknown-field');
    assert.equal(near.fixes[0].safe, true);
    const [far] = findingsOf(K, pod('redinessProb: {}\n'), 'kubernetes/unknown-field');
    assert.equal(far.message, 'Unknown field `redinessProb` in Container: did you mean `readinessProbe`?');
    assert.equal(far.fixes[0].safe, false);
  });

  it('keeps the rename out of --fix when the value would then be invalid for the renamed field', () => {
    const podSpec = (line: string) => `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
    - {name: app, image: nginx:1.27}
  ${line}
`;
    const [bad] = findingsOf(K, podSpec('RestartPolicy: Once'), 'kubernetes/unknown-field');
    assert.equal(bad.message, 'Unknown field `RestartPolicy` in PodSpec: did you mean `restartPolicy`?');
    assert.equal(bad.fixes[0].title, 'Rename to `restartPolicy`');
    assert.equal(bad.fixes[0].safe, false, 'the renamed restartPolicy "Once" would be an invalid enum value');
    const [good] = findingsOf(K, podSpec('RestartPolicy: Never'), 'kubernetes/unknown-field');
    assert.equal(good.fixes[0].safe, true);
    assert.equal(fixOnce(K, podSpec('RestartPolicy: Never'), 'kubernetes/unknown-field'), podSpec('restartPolicy: Never'));
    // Nested problems count too: a renamed securityContext whose runAsUser is not a number.
    const [nested] = findingsOf(K, pod('securityContex: {runAsUser: root}\n'), 'kubernetes/unknown-field');
    assert.equal(nested.fixes[0].safe, false);
  });

  it('reports a field at the wrong level without a suggestion', () => {
    const text = `apiVersion: apps/v1
kind: Deployment
metadata: {name: d}
spec:
  selector: {matchLabels: {app: d}}
  template:
    metadata: {labels: {app: d}}
    containers: []
`;
    const [f] = findingsOf(K, text, 'kubernetes/unknown-field');
    assert.equal(f.message, 'Unknown field `containers` in PodTemplateSpec: it belongs under `spec`.');
    assert.equal(f.fixes.length, 0);
  });

  it('says where a label written straight into a selector goes', () => {
    const text = 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: n}\nspec:\n  podSelector:\n    app: web\n';
    const [f] = findingsOf(K, text, 'kubernetes/unknown-field');
    assert.equal(f.message, 'Unknown field `app` in LabelSelector: it belongs under `matchLabels`.');
  });

  it('accepts every valid field, merge keys and status', () => {
    const text = pod(`ports:
  - {name: http, containerPort: 8080, protocol: TCP}
resources:
  requests: {cpu: 100m, memory: 128Mi}
  limits: {cpu: "1", memory: 1Gi, nvidia.com/gpu: 1}
securityContext: {runAsNonRoot: true, capabilities: {drop: [ALL]}}
`);
    assert.deepEqual(lint(K, text).findings.filter((f) => f.severity === 'error'), []);
  });
});

describe('kubernetes/invalid-type', () => {
  it('quotes a number where a string is expected', () => {
    const text = pod('env:\n  - name: PORT\n    value: 8080\n');
    const [f] = findingsOf(K, text, 'kubernetes/invalid-type');
    assert.equal(covered(text, f), '8080');
    assert.equal(f.message, '`value` must be a string, not the number 8080.');
    assert.equal(fixOnce(K, text, 'kubernetes/invalid-type'), pod('env:\n  - name: PORT\n    value: "8080"\n'));
  });

  it('quotes YAML 1.1 booleans (yes, on, off) that kubectl would not read as strings', () => {
    const text = pod('env:\n  - name: DEBUG\n    value: yes\n  - name: MODE\n    value: "on"\n');
    const [f, ...rest] = findingsOf(K, text, 'kubernetes/invalid-type');
    assert.deepEqual(rest, []);
    assert.equal(covered(text, f), 'yes');
    assert.equal(f.message, '`value` must be a string, but kubectl reads yes as a boolean (YAML 1.1): quote it.');
    assert.match(fixOnce(K, text, 'kubernetes/invalid-type'), /value: "yes"\n/);
  });

  it('unquotes a number in a number field, and accepts int-or-string', () => {
    const text = `apiVersion: apps/v1
kind: Deployment
metadata: {name: d}
spec:
  replicas: "3"
  strategy:
    rollingUpdate: {maxSurge: 25%, maxUnavailable: 1}
  selector: {matchLabels: {app: d}}
  template:
    metadata: {labels: {app: d}}
    spec:
      containers: [{name: d, image: "d:1"}]
`;
    const found = findingsOf(K, text, 'kubernetes/invalid-type');
    assert.deepEqual(found.map((f) => covered(text, f)), ['"3"']);
    assert.equal(found[0].message, '`replicas` must be an integer, not the string "3".');
    assert.match(fixOnce(K, text, 'kubernetes/invalid-type'), /^ {2}replicas: 3$/m);
  });

  it('reports a fraction where an integer is expected', () => {
    const text = pod('ports:\n  - containerPort: 80.5\n');
    const [f] = findingsOf(K, text, 'kubernetes/invalid-type');
    assert.equal(covered(text, f), '80.5');
    assert.equal(f.message, '`containerPort` must be an integer, not the number 80.5.');
  });

  it('leaves ${VAR} substitutions alone', () => {
    const text = pod('ports:\n  - containerPort: ${PORT}\nimagePullPolicy: ${PULL_POLICY}\n');
    assert.deepEqual(lint(K, text).findings.filter((f) => f.severity === 'error'), []);
  });

  it('reports a mapping where a list is expected', () => {
    const text = pod('args: {a: b}\n');
    const [f] = findingsOf(K, text, 'kubernetes/invalid-type');
    assert.equal(f.message, '`args` must be a list of string, not a mapping.');
  });
});

describe('kubernetes/invalid-enum-value', () => {
  it('lists the allowed values and fixes the case', () => {
    const text = pod('imagePullPolicy: always\n');
    const [f] = findingsOf(K, text, 'kubernetes/invalid-enum-value');
    assert.equal(covered(text, f), 'always');
    assert.equal(f.message, '`imagePullPolicy` must be one of "Always", "IfNotPresent", "Never", not "always": did you mean "Always"?');
    assert.equal(fixOnce(K, text, 'kubernetes/invalid-enum-value'), pod('imagePullPolicy: Always\n'));
  });

  it('accepts valid values', () => {
    assert.deepEqual(findingsOf(K, pod('imagePullPolicy: IfNotPresent\n'), 'kubernetes/invalid-enum-value'), []);
  });
});

describe('kubernetes/missing-required-field', () => {
  it('reports on the key that should contain the field', () => {
    const text = `apiVersion: apps/v1
kind: Deployment
metadata: {name: d}
spec:
  template:
    spec:
      containers:
        - image: nginx:1.27
`;
    const found = findingsOf(K, text, 'kubernetes/missing-required-field');
    assert.deepEqual(
      found.map((f) => [covered(text, f), f.message]),
      [
        ['spec', '`spec` is missing required field `selector` (DeploymentSpec).'],
        ['image', 'This `containers` item is missing required field `name` (Container).'],
      ],
    );
  });
});

describe('kubernetes/invalid-quantity', () => {
  it('reports bad suffixes and spaces, accepts the Kubernetes grammar', () => {
    const text = pod('resources:\n  limits: {memory: 1GB, cpu: 500 m}\n  requests: {memory: 512Mi, cpu: 0.5, ephemeral-storage: 1e3}\n');
    const found = findingsOf(K, text, 'kubernetes/invalid-quantity');
    assert.deepEqual(found.map((f) => covered(text, f)), ['1GB', '500 m']);
    assert.match(found[0].message, /"1GB" is not a valid quantity: use `G or Gi`/);
    assert.match(found[1].message, /no spaces/);
  });
});

describe('kubernetes/invalid-name', () => {
  it('checks object names, label keys and values, container and port names', () => {
    const text = `apiVersion: v1
kind: Service
metadata:
  name: web.api
  labels:
    app.kubernetes.io/name: web
    "bad key": x
    team: platform team
spec:
  selector: {app: web}
  ports:
    - {name: http, port: 80, targetPort: http_port}
`;
    const found = findingsOf(K, text, 'kubernetes/invalid-name');
    assert.deepEqual(found.map((f) => covered(text, f)), ['web.api', '"bad key"', 'platform team', 'http_port']);
    assert.match(found[0].message, /Service name "web.api" must be a DNS-1123 label/);
  });

  it('leaves RBAC names and templated values alone', () => {
    const text = `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: system:my-controller
  labels: {release: "\${RELEASE}"}
rules: []
`;
    assert.deepEqual(findingsOf(K, text, 'kubernetes/invalid-name'), []);
  });
});

describe('kubernetes/invalid-port', () => {
  it('reports ports outside 1-65535, allows hostPort 0', () => {
    const text = pod('ports:\n  - containerPort: 80800\n  - containerPort: 80\n    hostPort: 0\n');
    const found = findingsOf(K, text, 'kubernetes/invalid-port');
    assert.deepEqual(found.map((f) => covered(text, f)), ['80800']);
    assert.equal(found[0].message, 'containerPort 80800 is out of range: ports are 1 to 65535.');
  });
});

describe('kubernetes/deprecated-api-version', () => {
  it('reports a removed version as an error with a safe fix when compatible', () => {
    const text = `apiVersion: batch/v1beta1
kind: CronJob
metadata: {name: c}
spec:
  schedule: "* * * * *"
  jobTemplate: {spec: {template: {spec: {restartPolicy: Never, containers: [{name: c, image: "c:1"}]}}}}
`;
    const [f] = findingsOf(K, text, 'kubernetes/deprecated-api-version');
    assert.equal(covered(text, f), 'batch/v1beta1');
    assert.equal(f.severity, 'error');
    assert.deepEqual(f.tags, ['deprecated']);
    assert.equal(f.message, 'CronJob batch/v1beta1 was removed in Kubernetes 1.25: use batch/v1.');
    const fixed = fixOnce(K, text, 'kubernetes/deprecated-api-version');
    assert.ok(fixed.startsWith('apiVersion: batch/v1\n'));
    assert.deepEqual(findingsOf(K, fixed, 'kubernetes/deprecated-api-version'), []);
  });

  it('gives no fix when fields changed (Ingress backends)', () => {
    const text = `apiVersion: extensions/v1beta1
kind: Ingress
metadata: {name: i}
spec:
  backend: {serviceName: web, servicePort: 80}
`;
    const [f] = findingsOf(K, text, 'kubernetes/deprecated-api-version');
    assert.match(f.message, /removed in Kubernetes 1.22: use networking.k8s.io\/v1 \(`backend.serviceName`/);
    assert.equal(f.fixes.length, 0);
  });

  it('offers a review-only fix for old workloads that already have a selector', () => {
    const text = 'apiVersion: apps/v1beta2\nkind: Deployment\nmetadata: {name: d}\nspec:\n  selector: {matchLabels: {app: d}}\n  template: {metadata: {labels: {app: d}}, spec: {containers: [{name: d, image: "d:1"}]}}\n';
    const [f] = findingsOf(K, text, 'kubernetes/deprecated-api-version');
    assert.equal(f.fixes[0].title, 'Change apiVersion to apps/v1');
    assert.equal(f.fixes[0].safe, false);
    const without = text.replace('  selector: {matchLabels: {app: d}}\n', '');
    assert.equal(findingsOf(K, without, 'kubernetes/deprecated-api-version')[0].fixes.length, 0);
  });

  it('offers a review-only fix for PodDisruptionBudget', () => {
    const text = 'apiVersion: policy/v1beta1\nkind: PodDisruptionBudget\nmetadata: {name: p}\nspec: {minAvailable: 1, selector: {matchLabels: {app: a}}}\n';
    const [f] = findingsOf(K, text, 'kubernetes/deprecated-api-version');
    assert.equal(f.fixes[0].safe, false);
  });

  it('does not report current versions', () => {
    assert.deepEqual(findingsOf(K, pod(''), 'kubernetes/deprecated-api-version'), []);
  });
});

describe('kubernetes/unknown-kind', () => {
  it('suggests the kind and its group', () => {
    const text = 'apiVersion: v1\nkind: Deploymnt\nmetadata: {name: d}\n';
    const [f] = findingsOf(K, text, 'kubernetes/unknown-kind');
    assert.equal(covered(text, f), 'Deploymnt');
    assert.equal(f.message, 'v1 has no kind Deploymnt: did you mean Deployment (apps/v1)?');
    assert.equal(fixOnce(K, text, 'kubernetes/unknown-kind'), 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\n');
    assert.equal(f.fixes[0].safe, false, 'not applied by --fix');
  });

  it('leaves kubeconfig files alone', () => {
    const kubeconfig = 'apiVersion: v1\nkind: Config\nclusters: []\ncontexts: []\nusers: []\ncurrent-context: dev\n';
    assert.deepEqual(lint('/home/me/.kube/config.yaml', kubeconfig).findings, []);
  });

  it('reports a kind under the wrong apiVersion; ignores custom groups', () => {
    const text = 'apiVersion: v1\nkind: Deployment\nmetadata: {name: d}\n---\napiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\n';
    const found = findingsOf(K, text, 'kubernetes/unknown-kind');
    assert.deepEqual(found.map((f) => [covered(text, f), f.message]), [['v1', 'Deployment is not served by v1: use apiVersion apps/v1.']]);
  });
});
