import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, request, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

/**
 * The accounts contract the worker relies on, in front of a server that does not have it yet:
 * `GET /api/auth/offline-key` answers `{ userId, key, createdAt }` for one test user while the
 * "session" is valid; otherwise it and every private request (`/api/*` but health, `/songs/*`) get
 * `401 { error, reason }`. Everything else is passed through, streamed. When the accounts routes
 * are on main, the browser tests sign in for real and this stub goes.
 */
export type StubSession = 'signed-in' | 'session-expired' | 'account-removed';

export interface AccountsStub {
  readonly userId: string;
  session: StubSession;
  /** A password change: the user gets a new key. */
  rotateKey(): void;
  listen(port: number): Promise<void>;
  /** Stops listening and cuts every open connection (as a stopped server does). */
  close(): Promise<void>;
}

export function createAccountsStub(upstreamPort: number, userId = 'test-user'): AccountsStub {
  let key = randomBytes(32);
  let createdAt = new Date().toISOString();
  const sockets = new Set<Socket>();
  const stub: AccountsStub = {
    userId,
    session: 'signed-in',
    rotateKey() {
      key = randomBytes(32);
      createdAt = new Date().toISOString();
    },
    listen: (port) =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, '127.0.0.1', () => resolve());
      }),
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };

  const json = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
    res.end(JSON.stringify(body));
  };
  const server = createServer((req: IncomingMessage, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    const isPrivate =
      (path.startsWith('/api/') && path !== '/api/health') || path.startsWith('/songs/');
    if (isPrivate && stub.session !== 'signed-in')
      return json(res, 401, { error: 'sign in again', reason: stub.session });
    if (path === '/api/auth/offline-key')
      return json(res, 200, { userId, key: key.toString('base64url'), createdAt });
    const outgoing = request(
      {
        host: '127.0.0.1',
        port: upstreamPort,
        method: req.method,
        path: req.url,
        headers: req.headers,
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
        res.on('close', () => answer.destroy());
      },
    );
    // The server is down: the browser must see a network error, not an answer.
    outgoing.on('error', () => req.socket.destroy());
    req.pipe(outgoing);
  });
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  return stub;
}
