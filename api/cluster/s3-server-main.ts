import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { startS3Server } from './s3-server.ts';

/**
 * s3rver as a process of its own (the cluster's object store, and the tests'). Run with
 * `node --openssl-legacy-provider`: s3rver's listing continuation tokens use DES. Arguments:
 * `<port> <directory> <bucket>`. Prints `s3 ready <port>`; with S3_EVENTS=1 also one JSON line per
 * request and per closed connection, so tests can watch what reached the store. S3_THROTTLE_BPS
 * slows every response body to that many bytes per second (a store far away, for the cluster test).
 */
const [port, directory, bucket] = process.argv.slice(2);
const server = await startS3Server({
  port: Number(port),
  directory: directory!,
  buckets: [bucket!],
});
if (process.env.S3_EVENTS === '1') {
  let nextId = 0;
  const ids = new WeakMap<Socket, number>();
  server.httpServer.on('connection', (socket: Socket) => {
    const id = nextId++;
    ids.set(socket, id);
    socket.once('close', () => {
      console.log(JSON.stringify({ event: 'close', socket: id, sent: socket.bytesWritten }));
    });
  });
  server.httpServer.on('request', (req: IncomingMessage) => {
    const { range, authorization } = req.headers;
    const socket = ids.get(req.socket);
    const line = {
      event: 'request',
      socket,
      method: req.method,
      url: req.url,
      range,
      authorization,
    };
    console.log(JSON.stringify(line));
  });
}
const throttle = Number(process.env.S3_THROTTLE_BPS || 0);
if (throttle > 0)
  server.httpServer.prependListener('request', (_req, res) => slowDown(res, throttle));
console.log(`s3 ready ${port}`);
const stop = () => void server.close().finally(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);

/**
 * Each body write waits its turn at `bps` before it reaches the socket, and the writer is told to
 * wait ("drain") only once it has: a response streams at that rate whatever its size.
 */
function slowDown(res: ServerResponse, bps: number) {
  const write = res.write.bind(res) as (chunk: Uint8Array) => boolean;
  const end = res.end.bind(res) as (...args: unknown[]) => void;
  let queue = Promise.resolve();
  res.write = ((chunk: Uint8Array) => {
    queue = queue
      .then(() => new Promise((resolve) => setTimeout(resolve, (chunk.length / bps) * 1000)))
      .then(() => {
        if (res.destroyed) return;
        if (write(chunk)) res.emit('drain'); // otherwise the socket's own drain follows
      });
    return false;
  }) as ServerResponse['write'];
  res.end = ((...args: unknown[]) => {
    queue = queue.then(() => end(...args));
    return res;
  }) as ServerResponse['end'];
}
