// Hand-written, compact schemas for the GitOps objects most repositories carry: Argo CD Application and
// ApplicationSet, Argo Rollouts Rollout, Flux Kustomization and HelmRelease, and kustomize's kustomization.yaml.
// No registry package ships these schemas, so they cover top-level and spec keys (from the projects' API
// references); deep or fast-moving parts (generators, strategies, patches) are typed `a` (anything) to stay quiet.
// Format: see scripts/gen-k8s-schema.mjs; descriptions are inline strings. `@CoreV1…`/`@MetaV1…` refer to built-ins.
import type { CompactSchema } from './shapes';

const META = ['@MetaV1ObjectMeta', 'Standard object metadata.'] as [string, string];

export const gitopsSchema: CompactSchema = {
  kinds: {
    'argoproj.io/v1alpha1': { Application: 'ArgoApplication', ApplicationSet: 'ArgoApplicationSet', Rollout: 'ArgoRollout' },
    'kustomize.toolkit.fluxcd.io/v1': { Kustomization: 'FluxKustomization' },
    'helm.toolkit.fluxcd.io/v2': { HelmRelease: 'FluxHelmRelease' },
    'kustomize.config.k8s.io/v1beta1': { Kustomization: 'Kustomization' },
    'kustomize.config.k8s.io/v1alpha1': { Component: 'Kustomization' },
  },
  types: {
    ArgoApplication: {
      d: 'Argo CD Application: a group of Kubernetes resources defined by a source and deployed to a destination.',
      p: { apiVersion: ['s', ''], kind: ['s', ''], metadata: META, spec: ['@ArgoApplicationSpec', 'Desired state of the application.'], status: ['a', ''], operation: ['a', 'A sync operation to perform.'] },
      r: ['spec'],
    },
    ArgoApplicationSpec: {
      d: 'Argo CD ApplicationSpec.',
      p: {
        project: ['s', 'The Argo CD project the application belongs to ("default" if unsure).'],
        source: ['@ArgoSource', 'Where the manifests come from (Git, Helm repository or OCI).'],
        sources: ['[@ArgoSource]', 'Several sources, merged (multi-source applications).'],
        sourceHydrator: ['a', 'Rendered-manifest hydration settings.'],
        destination: ['@ArgoDestination', 'The cluster and namespace to deploy to.'],
        syncPolicy: ['@ArgoSyncPolicy', 'When and how to sync.'],
        ignoreDifferences: ['[a]', 'Fields to ignore when comparing live and desired state.'],
        info: ['[a]', 'Extra information shown in the UI.'],
        revisionHistoryLimit: ['n', 'How many past syncs to keep for rollback (default 10).'],
      },
      r: ['destination', 'project'],
    },
    ArgoSource: {
      d: 'Argo CD ApplicationSource.',
      p: {
        repoURL: ['s', 'URL of the Git or Helm repository.'],
        path: ['s', 'Directory in the Git repository.'],
        targetRevision: ['s', 'Branch, tag, commit or Helm chart version.'],
        chart: ['s', 'Helm chart name (for Helm repositories).'],
        ref: ['s', 'Name other sources use to refer to this one (`$name/values.yaml`).'],
        name: ['s', 'Name of the source.'],
        helm: ['@ArgoHelm', 'Helm options.'],
        kustomize: ['a', 'Kustomize options.'],
        directory: ['a', 'Plain directory options (recurse, include, exclude, jsonnet).'],
        plugin: ['a', 'Config management plugin options.'],
      },
      r: ['repoURL'],
    },
    ArgoHelm: {
      d: 'Argo CD Helm options.',
      p: {
        valueFiles: ['[s]', 'Values files, relative to the chart.'], values: ['s', 'Values as a YAML string.'], valuesObject: ['a', 'Values as an object.'],
        parameters: ['[a]', 'Individual --set values.'], fileParameters: ['[a]', '--set-file values.'], releaseName: ['s', 'Helm release name.'],
        passCredentials: ['b', ''], ignoreMissingValueFiles: ['b', ''], skipCrds: ['b', ''], skipSchemaValidation: ['b', ''], skipTests: ['b', ''],
        version: ['s', 'Helm version (v3).'], namespace: ['s', ''], kubeVersion: ['s', ''], apiVersions: ['[s]', ''],
      },
    },
    ArgoDestination: {
      d: 'Argo CD ApplicationDestination.',
      p: { server: ['s', 'API server URL of the target cluster.'], name: ['s', 'Name of the target cluster (instead of server).'], namespace: ['s', 'Target namespace.'] },
    },
    ArgoSyncPolicy: {
      d: 'Argo CD SyncPolicy.',
      p: {
        automated: ['@ArgoAutomated', 'Sync automatically when the source changes.'],
        syncOptions: ['[s]', 'Options such as CreateNamespace=true, ServerSideApply=true.'],
        retry: ['a', 'Retry failed syncs (limit, backoff).'],
        managedNamespaceMetadata: ['a', 'Labels and annotations for a namespace created by CreateNamespace=true.'],
      },
    },
    ArgoAutomated: {
      d: 'Automated sync options.',
      p: { prune: ['b', 'Delete resources no longer in the source.'], selfHeal: ['b', 'Revert changes made in the cluster.'], allowEmpty: ['b', ''], enabled: ['b', ''] },
    },
    ArgoApplicationSet: {
      d: 'Argo CD ApplicationSet: generates Applications from a template.',
      p: { apiVersion: ['s', ''], kind: ['s', ''], metadata: META, spec: ['@ArgoApplicationSetSpec', ''], status: ['a', ''] },
      r: ['spec'],
    },
    ArgoApplicationSetSpec: {
      d: 'Argo CD ApplicationSetSpec.',
      p: {
        generators: ['[a]', 'Generators producing parameter sets (list, clusters, git, matrix, merge...).'],
        template: ['@ArgoApplicationSetTemplate', 'The Application template.'],
        templatePatch: ['s', 'A patch applied to each generated Application (Go template).'],
        syncPolicy: ['a', 'ApplicationSet sync policy.'], strategy: ['a', 'Progressive sync strategy.'],
        goTemplate: ['b', 'Use Go templates instead of fasttemplate.'], goTemplateOptions: ['[s]', ''],
        preservedFields: ['a', ''], ignoreApplicationDifferences: ['[a]', ''], applyNestedSelectors: ['b', ''],
      },
      r: ['generators', 'template'],
    },
    ArgoApplicationSetTemplate: {
      d: 'Application template.',
      p: { metadata: ['a', 'Metadata of generated Applications (may be templated).'], spec: ['@ArgoApplicationSpec', 'Spec of generated Applications.'] },
    },
    ArgoRollout: {
      d: 'Argo Rollouts Rollout: a Deployment with canary and blue-green strategies.',
      p: { apiVersion: ['s', ''], kind: ['s', ''], metadata: META, spec: ['@ArgoRolloutSpec', ''], status: ['a', ''] },
    },
    ArgoRolloutSpec: {
      d: 'Argo Rollouts RolloutSpec.',
      p: {
        replicas: ['n', 'Number of desired pods.'], selector: ['@MetaV1LabelSelector', 'Label selector for pods.'],
        template: ['@CoreV1PodTemplateSpec', 'The pod template.'], workloadRef: ['a', 'Reference to a Deployment whose template is used.'],
        minReadySeconds: ['n', ''], revisionHistoryLimit: ['n', ''], paused: ['b', ''], progressDeadlineSeconds: ['n', ''],
        progressDeadlineAbort: ['b', ''], restartAt: ['s', ''], strategy: ['a', 'canary or blueGreen strategy.'], analysis: ['a', ''], rollbackWindow: ['a', ''],
      },
    },
    FluxKustomization: {
      d: 'Flux Kustomization: applies a kustomize overlay from a source.',
      p: { apiVersion: ['s', ''], kind: ['s', ''], metadata: META, spec: ['@FluxKustomizationSpec', ''], status: ['a', ''] },
      r: ['spec'],
    },
    FluxKustomizationSpec: {
      d: 'Flux KustomizationSpec.',
      p: {
        interval: ['s', 'How often to reconcile, e.g. 10m.'], retryInterval: ['s', ''], timeout: ['s', ''], path: ['s', 'Path to the kustomization in the source.'],
        prune: ['b', 'Delete objects removed from the source.'], sourceRef: ['@FluxSourceRef', 'The source (GitRepository, OCIRepository, Bucket).'],
        targetNamespace: ['s', ''], dependsOn: ['[a]', 'Kustomizations that must be ready first.'], decryption: ['a', 'SOPS decryption.'],
        postBuild: ['a', 'Variable substitution.'], healthChecks: ['[a]', ''], healthCheckExprs: ['[a]', ''], patches: ['[a]', ''], images: ['[a]', ''],
        components: ['[s]', ''], force: ['b', ''], wait: ['b', ''], suspend: ['b', ''], serviceAccountName: ['s', ''], kubeConfig: ['a', ''],
        commonMetadata: ['a', ''], namePrefix: ['s', ''], nameSuffix: ['s', ''], deletionPolicy: ['s', ''], ignoreMissingComponents: ['b', ''],
      },
      r: ['interval', 'prune', 'sourceRef'],
    },
    FluxSourceRef: {
      d: 'Reference to a Flux source.',
      p: { kind: ['s', ''], name: ['s', ''], namespace: ['s', ''], apiVersion: ['s', ''] },
      r: ['kind', 'name'],
    },
    FluxHelmRelease: {
      d: 'Flux HelmRelease: installs and upgrades a Helm chart.',
      p: { apiVersion: ['s', ''], kind: ['s', ''], metadata: META, spec: ['@FluxHelmReleaseSpec', ''], status: ['a', ''] },
      r: ['spec'],
    },
    FluxHelmReleaseSpec: {
      d: 'Flux HelmReleaseSpec.',
      p: {
        chart: ['a', 'Chart template (spec.chart, spec.version, spec.sourceRef).'], chartRef: ['a', 'Reference to an OCIRepository or HelmChart.'],
        interval: ['s', 'How often to reconcile, e.g. 10m.'], kubeConfig: ['a', ''], suspend: ['b', ''], releaseName: ['s', ''], targetNamespace: ['s', ''],
        storageNamespace: ['s', ''], dependsOn: ['[a]', ''], timeout: ['s', ''], maxHistory: ['n', ''], serviceAccountName: ['s', ''], persistentClient: ['b', ''],
        driftDetection: ['a', ''], install: ['a', ''], upgrade: ['a', ''], test: ['a', ''], rollback: ['a', ''], uninstall: ['a', ''],
        valuesFrom: ['[a]', 'Values from ConfigMaps and Secrets.'], values: ['a', 'Helm values.'], postRenderers: ['[a]', ''], commonMetadata: ['a', ''],
      },
      r: ['interval'],
    },
    Kustomization: {
      d: 'kustomize Kustomization (kustomization.yaml).',
      p: {
        apiVersion: ['s', ''], kind: ['s', ''], metadata: ['a', ''],
        resources: ['[s]', 'Files, directories or URLs of resources to include.'], components: ['[s]', 'Kustomize components to include.'],
        crds: ['[s]', ''], bases: ['[s]', 'Deprecated: use resources.'], namespace: ['s', 'Namespace set on every resource.'],
        namePrefix: ['s', ''], nameSuffix: ['s', ''], commonLabels: ['{s}', 'Deprecated: use labels.'], labels: ['[a]', 'Labels to add (and optionally to selectors).'],
        commonAnnotations: ['{s}', ''], images: ['[a]', 'Image name, tag and digest overrides.'], replicas: ['[a]', ''],
        patches: ['[a]', 'Strategic-merge or JSON6902 patches (path or inline patch, optional target).'],
        patchesStrategicMerge: ['[a]', 'Deprecated: use patches.'], patchesJson6902: ['[a]', 'Deprecated: use patches.'],
        configMapGenerator: ['[a]', ''], secretGenerator: ['[a]', ''], generatorOptions: ['a', ''], generators: ['[a]', ''], transformers: ['[a]', ''],
        validators: ['[a]', ''], vars: ['[a]', 'Deprecated: use replacements.'], replacements: ['[a]', ''], helmCharts: ['[a]', ''], helmGlobals: ['a', ''],
        openapi: ['a', ''], configurations: ['[s]', ''], buildMetadata: ['[s]', ''], sortOptions: ['a', ''],
      },
    },
  },
};
