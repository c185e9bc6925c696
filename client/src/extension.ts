// Starts the Shipshape language server; everything else happens in the server.
import * as path from 'node:path';
import { workspace, window, type ExtensionContext } from 'vscode';
import {
  CloseAction,
  ErrorAction,
  LanguageClient,
  TransportKind,
  type ErrorHandler,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';

let client: LanguageClient | undefined;

export async function activate(context: ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
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
      // What the project index and cross-file rules read: manifests, workflows, actions, Dockerfiles, .dockerignore.
      fileEvents: [
        '**/*.{yaml,yml}',
        '**/{Dockerfile,Containerfile,Dockerfile.*,Containerfile.*,*.dockerfile,*.Dockerfile,*.containerfile}',
        '**/.dockerignore',
        '**/.shipshape.{yaml,yml}',
      ].map((glob) => workspace.createFileSystemWatcher(glob)),
    },
    errorHandler: restartingErrorHandler(outputChannel),
    outputChannel,
  };
  client = new LanguageClient('shipshape', 'Shipshape', serverOptions, clientOptions);
  context.subscriptions.push(outputChannel);
  await client.start();
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
