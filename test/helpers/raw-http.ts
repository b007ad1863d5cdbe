import { connect, type Socket } from 'node:net';

/** A response read off a raw socket: what a kept-alive client would take from the wire. */
export interface WireResponse {
  /** 0 when the connection closed before a whole response head arrived. */
  status: number;
  headers: Record<string, string>;
  /** Body bytes received before the server closed the connection (or Content-Length was reached). */
  body: Buffer;
  /** Everything after the head, including any bytes past Content-Length (a pipelined answer). */
  rest: Buffer;
  /** The server closed the connection. */
  closed: boolean;
}

/**
 * Sends `requests` (raw request heads) on one connection and reads the first response's head. Then
 * `between()` runs with the socket paused (the client reads nothing: the server's writes back up),
 * the socket resumes, and everything is read until the server closes it or `idleMs` passes with
 * Content-Length bytes received. Bounded: rejects after `timeoutMs`.
 */
export function wireExchange(
  port: number,
  requests: string[],
  between: () => Promise<void> = async () => {},
  { idleMs = 300, timeoutMs = 15_000 } = {},
): Promise<WireResponse> {
  return new Promise((resolve, reject) => {
    const socket: Socket = connect(port, '127.0.0.1');
    // Pieces are kept and joined once: concatenating on every read is quadratic over megabytes.
    const pieces: Buffer[] = [];
    let total = 0;
    let data = Buffer.alloc(0); // only until the head is complete
    let head: { status: number; headers: Record<string, string>; start: number } | null = null;
    let idle: NodeJS.Timeout | undefined;
    const deadline = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no end within ${timeoutMs} ms (${total} bytes read)`));
    }, timeoutMs);
    const settle = (closed: boolean) => {
      clearTimeout(deadline);
      clearTimeout(idle);
      if (!head) {
        // Closed before a whole head: status 0, nothing received.
        resolve({ status: 0, headers: {}, body: Buffer.alloc(0), rest: Buffer.alloc(0), closed });
        return void socket.destroy();
      }
      const after = Buffer.concat(pieces).subarray(head.start);
      const length = Number(head.headers['content-length'] ?? Number.NaN);
      resolve({
        status: head.status,
        headers: head.headers,
        body: after.subarray(0, Number.isNaN(length) ? after.length : length),
        rest: after,
        closed,
      });
      socket.destroy();
    };
    socket.on('connect', () => socket.write(requests.join('')));
    socket.on('error', () => settle(true));
    socket.on('close', () => settle(true));
    socket.on('data', (piece: Buffer) => {
      pieces.push(piece);
      total += piece.length;
      if (!head) {
        data = Buffer.concat([data, piece]);
        const end = data.indexOf('\r\n\r\n');
        if (end === -1) return;
        head = parseHead(data.subarray(0, end).toString('latin1'), end + 4);
        socket.pause();
        between().then(() => socket.resume(), reject);
      }
      const length = Number(head.headers['content-length'] ?? Number.NaN);
      clearTimeout(idle);
      // Complete and still open: wait a moment to see whether more comes (a pipelined answer).
      if (total - head.start >= length) idle = setTimeout(() => settle(false), idleMs);
    });
  });
}

function parseHead(text: string, start: number) {
  const [statusLine, ...lines] = text.split('\r\n');
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { status: Number(statusLine!.split(' ')[1]), headers, start };
}

export function requestHead(path: string, headers: Record<string, string> = {}): string {
  const lines = Object.entries({ host: '127.0.0.1', ...headers }).map(([k, v]) => `${k}: ${v}`);
  return `GET ${path} HTTP/1.1\r\n${lines.join('\r\n')}\r\n\r\n`;
}
