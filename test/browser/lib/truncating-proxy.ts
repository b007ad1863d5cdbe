import { createServer, type IncomingMessage, request, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** Which request to cut short, and after how many body bytes. */
export interface TruncateRule {
  /** Path (with query) and Range header of a request; true to cut this one. */
  match: (url: string, range: string | null) => boolean;
  /** Body bytes sent before the socket is destroyed. */
  keepBytes: number;
  /** How many matching requests to cut (then the proxy behaves). Default 1. */
  times?: number;
}

export interface ProxiedRequest {
  url: string;
  range: string | null;
  status: number;
  /** Body bytes sent before the socket was destroyed, or null for a complete answer. */
  cutAfter: number | null;
}

export interface TruncatingProxy {
  /** `http://127.0.0.1:<port>`: the origin the page should load the app from. */
  readonly origin: string;
  /** Every request passed on, in order. */
  readonly log: ProxiedRequest[];
  arm(rule: TruncateRule): void;
  close(): Promise<void>;
}

/**
 * A loopback HTTP proxy in front of `target` that passes everything through, except requests
 * matching the armed rule: their status and headers (Content-Length included) go out as the
 * server sent them, then only `keepBytes` of the body, then the connection is destroyed, as a
 * network that drops mid-response would do.
 */
export async function startTruncatingProxy(target: string): Promise<TruncatingProxy> {
  const upstream = new URL(target);
  const log: ProxiedRequest[] = [];
  const sockets = new Set<Socket>();
  let rule: (TruncateRule & { left: number }) | null = null;

  const server: Server = createServer((req: IncomingMessage, res) => {
    const url = req.url ?? '/';
    const range = typeof req.headers.range === 'string' ? req.headers.range : null;
    const cut = rule && rule.left > 0 && rule.match(url, range) ? rule : null;
    if (cut) cut.left--;
    const outgoing = request(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: req.method,
        path: url,
        headers: { ...req.headers, host: upstream.host },
      },
      (answer) => {
        const entry: ProxiedRequest = {
          url,
          range,
          status: answer.statusCode ?? 0,
          cutAfter: null,
        };
        log.push(entry);
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        if (!cut) {
          answer.pipe(res);
          return;
        }
        let sent = 0;
        answer.on('data', (piece: Buffer) => {
          if (entry.cutAfter !== null) return;
          const room = cut.keepBytes - sent;
          const kept = piece.subarray(0, Math.max(0, room));
          sent += kept.length;
          if (sent < cut.keepBytes) {
            res.write(kept);
            return;
          }
          entry.cutAfter = sent;
          answer.destroy();
          // The connection drops once the kept bytes are handed to the socket (not after a guess).
          res.write(kept, () => res.socket?.destroy());
        });
        answer.on('end', () => {
          if (entry.cutAfter === null) res.end();
        });
      },
    );
    outgoing.on('error', (error) => {
      log.push({ url, range, status: 502, cutAfter: null });
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
      res.end(`proxy: ${error.message}`);
    });
    req.pipe(outgoing);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    origin: `http://127.0.0.1:${port}`,
    log,
    arm(next) {
      rule = { ...next, left: next.times ?? 1 };
    },
    close() {
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
