import * as path from 'node:path';
import { workspace, type ExtensionContext } from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { SERVER_NODE_OPTIONS } from '../../server/src/nodeOptions';

const DEFAULT_LANGUAGES = ['press-article', 'plaintext', 'markdown'];

let client: LanguageClient | undefined;

function createClient(context: ExtensionContext): LanguageClient {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_OPTIONS] } },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_OPTIONS, '--nolazy', '--inspect=6009'] } },
  };
  const languages = workspace.getConfiguration('pressMarkup').get<string[]>('languages', DEFAULT_LANGUAGES);
  // Any scheme: the server only reads text, so virtual and untitled documents work too.
  const clientOptions: LanguageClientOptions = { documentSelector: languages.map((language) => ({ language })) };
  return new LanguageClient('pressMarkup', 'Press Markup', serverOptions, clientOptions);
}

/** Starts the language server for the languages the user chose; all analysis happens there. */
export async function activate(context: ExtensionContext): Promise<void> {
  context.subscriptions.push(
    workspace.onDidChangeConfiguration(async (event) => {
      // The document selector is fixed when a client starts: restart it when the languages change.
      if (!event.affectsConfiguration('pressMarkup.languages')) return;
      await client?.stop();
      client = createClient(context);
      await client.start();
    }),
  );
  client = createClient(context);
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
