import { LSPErrorCodes, type ConnectionOptions, type ResponseMessage } from 'vscode-languageserver/node';

/**
 * A request the editor cancels while it still waits its turn (behind the analysis of a large document)
 * is answered "cancelled" at once and never runs: its answer would describe text that has since changed,
 * and running it could start another analysis. Requests already running are short and finish.
 */
export const cancelWaitingRequests: ConnectionOptions = {
  connectionStrategy: {
    cancelUndispatched: (): ResponseMessage => ({
      jsonrpc: '2.0',
      id: null, // the connection fills in the cancelled request's id
      error: { code: LSPErrorCodes.RequestCancelled, message: 'The editor cancelled this request before it ran.' },
    }),
  },
};
