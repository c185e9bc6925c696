// Starts the Shipshape language server and adds the editor-side pieces: commands, status bar item, progress.
import * as path from 'node:path';
import { commands, ProgressLocation, StatusBarAlignment, window, workspace, type ExtensionContext, type StatusBarItem } from 'vscode';
import {
  CloseAction,
  ErrorAction,
  LanguageClient,
  State,
  TransportKind,
  type ErrorHandler,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { LINT_PROGRESS_NOTIFICATION, LINT_WORKSPACE_REQUEST, RULES_REQUEST, type LintProgress, type LintWorkspaceResult, type RuleListEntry } from '../../server/src/lsp/protocol';

let client: LanguageClient | undefined;

function showState(item: StatusBarItem, state: State): void {
  if (state === State.Running) {
    item.text = '$(check) Shipshape';
    item.tooltip = 'Shipshape language server is running — click for its output';
    item.backgroundColor = undefined;
  } else if (state === State.Starting) {
    item.text = '$(sync~spin) Shipshape';
    item.tooltip = 'Shipshape language server is starting';
  } else {
    item.text = '$(error) Shipshape';
    item.tooltip = 'Shipshape language server is stopped — run "Shipshape: Restart Server"';
  }
}

export async function activate(context: ExtensionContext): Promise<{ client: () => LanguageClient | undefined }> {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  // stdio, like every other editor: the server's stdio writer re-uses the JSON of unchanged diagnostics (Node's IPC
  // channel would stringify every message whole).
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.stdio },
    debug: { module: serverModule, transport: TransportKind.stdio, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const outputChannel = window.createOutputChannel('Shipshape');
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { language: 'dockerfile' },
      { language: 'yaml' },
      { language: 'github-actions-workflow' },
    ],
    synchronize: {
      configurationSection: 'shipshape',
      // What the project index and cross-file rules read (manifests, workflows, actions, Dockerfiles, .dockerignore)
      // and the config files: ours and the hadolint / kube-linter ones we honour.
      fileEvents: [
        '**/*.{yaml,yml}',
        '**/{Dockerfile,Containerfile,Dockerfile.*,Containerfile.*,*.dockerfile,*.Dockerfile,*.containerfile}',
        '**/.dockerignore',
        '**/.{shipshape,hadolint,kube-linter}.{yaml,yml}',
      ].map((glob) => workspace.createFileSystemWatcher(glob)),
    },
    errorHandler: restartingErrorHandler(outputChannel),
    outputChannel,
    // ShellCheck (an external program) only runs in trusted workspaces; the server knows trust only from here.
    initializationOptions: { workspaceTrusted: workspace.isTrusted },
  };
  client = new LanguageClient('shipshape', 'Shipshape', serverOptions, clientOptions);

  const status = window.createStatusBarItem('shipshape.status', StatusBarAlignment.Right, 100);
  status.name = 'Shipshape';
  status.command = 'shipshape.showOutput';
  showState(status, State.Starting);
  status.show();
  context.subscriptions.push(outputChannel, status, client.onDidChangeState((e) => showState(status, e.newState)));

  context.subscriptions.push(
    commands.registerCommand('shipshape.showOutput', () => outputChannel.show(true)),
    commands.registerCommand('shipshape.restartServer', async () => {
      if (!client) return;
      showState(status, State.Starting);
      await client.restart();
    }),
    commands.registerCommand('shipshape.lintWorkspace', () => lintWorkspace()),
    commands.registerCommand('shipshape.showRuleDocumentation', (ruleId?: string) => showRuleDocumentation(ruleId)),
  );

  // Trust granted later: restart so the server starts with it.
  context.subscriptions.push(workspace.onDidGrantWorkspaceTrust(() => void client?.restart()));
  await client.start();
  return { client: () => client };
}

async function lintWorkspace(): Promise<LintWorkspaceResult | undefined> {
  const c = client;
  if (!c) return undefined;
  return window.withProgress({ location: ProgressLocation.Notification, title: 'Shipshape: linting the workspace', cancellable: true }, async (progress, token) => {
    let reported = 0;
    const sub = c.onNotification(LINT_PROGRESS_NOTIFICATION, (p: LintProgress) => {
      const pct = p.total ? Math.floor((p.done / p.total) * 100) : 100;
      progress.report({ increment: pct - reported, message: p.file ? `${p.done}/${p.total} ${workspace.asRelativePath(p.file)}` : `${p.done}/${p.total}` });
      reported = pct;
    });
    try {
      const result = await c.sendRequest<LintWorkspaceResult>(LINT_WORKSPACE_REQUEST, {}, token);
      const summary = `${result.files} files, ${result.errors} errors, ${result.warnings} warnings, ${result.findings} findings in all`;
      void window.showInformationMessage(result.cancelled ? `Shipshape: lint cancelled after ${summary}.` : `Shipshape: linted ${summary}.`);
      return result;
    } catch (err) {
      if (token.isCancellationRequested) return undefined;
      void window.showErrorMessage(`Shipshape: workspace lint failed: ${(err as Error).message}`);
      return undefined;
    } finally {
      sub.dispose();
    }
  });
}

async function showRuleDocumentation(ruleId?: string): Promise<void> {
  if (!client) return;
  const rules = await client.sendRequest<RuleListEntry[]>(RULES_REQUEST);
  let rule = ruleId ? rules.find((r) => r.id === ruleId || r.aliases.some((a) => a.toLowerCase() === ruleId.toLowerCase())) : undefined;
  if (!rule) {
    const picked = await window.showQuickPick(
      rules.map((r) => ({ label: r.id, description: r.aliases.join(', '), detail: `${r.severity} · ${r.profile} — ${r.description}`, rule: r })),
      { title: 'Shipshape: Show Rule Documentation', placeHolder: 'Rule id, alias (DL3007, kube-linter/latest-tag…) or words', matchOnDescription: true, matchOnDetail: true },
    );
    rule = picked?.rule;
  }
  if (!rule) return;
  // The docs ship inside the server, so this works offline; the link points to the published page.
  const content = `# ${rule.id}\n\n${rule.aliases.length ? `Aliases: ${rule.aliases.map((a) => `\`${a}\``).join(', ')}  \n` : ''}Severity: ${rule.severity} · Profile: ${rule.profile}\n\n${rule.description}\n\n${rule.docs}\n\n[Online documentation](${rule.url})\n`;
  const doc = await workspace.openTextDocument({ language: 'markdown', content });
  try {
    await commands.executeCommand('markdown.showPreview', doc.uri);
  } catch {
    await window.showTextDocument(doc);
  }
}

/**
 * Restarts a crashed server (up to 5 times in 3 minutes) and says so once per session in a notification; every
 * crash is logged in the output channel.
 */
function restartingErrorHandler(outputChannel: { appendLine(s: string): void }): ErrorHandler {
  const crashes: number[] = [];
  let told = false;
  return {
    error: () => ({ action: ErrorAction.Continue }),
    closed: () => {
      const now = Date.now();
      crashes.push(now);
      while (crashes.length && crashes[0] < now - 3 * 60_000) crashes.shift();
      if (crashes.length > 5) {
        void window.showErrorMessage('The Shipshape language server keeps crashing (more than 5 times in 3 minutes) and will not be restarted. See the Shipshape output for details.');
        return { action: CloseAction.DoNotRestart, handled: true };
      }
      outputChannel.appendLine(`[${new Date(now).toISOString()}] The Shipshape language server stopped unexpectedly; restarting it.`);
      if (!told) {
        told = true;
        void window.showWarningMessage('The Shipshape language server crashed and was restarted. Details are in the Shipshape output.');
      }
      return { action: CloseAction.Restart, handled: true };
    },
  };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}


