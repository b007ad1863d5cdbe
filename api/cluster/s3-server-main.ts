import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { startS3Server } from './s3-server.ts';

/**
 * s3rver as a process of its own (the cluster's object store, and the tests'). Run with
 * `node --openssl-legacy-provider`: s3rver's listing continuation tokens use DES. Arguments:
 * `<port> <directory> <bucket>`. Prints `s3 ready <port>`. For tests and the bench:
 * - S3_EVENTS=1 prints one JSON line per request and per closed connection;
 * - `GET /__stats` answers `{ "gets", "bytes" }`: object GETs served so far, and their body bytes;
 * - `GET /__throttle?bps=N` slows every response body from then on to N bytes per second (a store
 *   far away; 0 for full speed).
 */
const [port, directory, bucket] = process.argv.slice(2);
const server = await startS3Server({
  port: Number(port),
  directory: directory!,
  buckets: [bucket!],
});
const http = server.httpServer;
let gets = 0;
let bytes = 0;
let throttle = 0;
const [koa] = http.listeners('request') as ((req: IncomingMessage, res: ServerResponse) => void)[];
http.removeAllListeners('request');
http.on('request', (req: IncomingMessage, res: ServerResponse) => {
  if (req.url === '/__stats') return void res.end(JSON.stringify({ gets, bytes }));
  if (req.url?.startsWith('/__throttle?')) {
    throttle = Number(new URLSearchParams(req.url.slice(12)).get('bps')) || 0;
    return void res.end(JSON.stringify({ throttle }));
  }
  if (throttle > 0) slowDown(res, throttle);
  if (req.method === 'GET' && !req.url?.includes('?')) {
    gets++;
    res.once('finish', () => (bytes += Number(res.getHeader('content-length') ?? 0)));
  }
  koa!(req, res);
});
if (process.env.S3_EVENTS === '1') printEvents();
console.log(`s3 ready ${port}`);
const stop = () => void server.close().finally(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);

function printEvents() {
  let nextId = 0;
  const ids = new WeakMap<Socket, number>();
  http.on('connection', (socket: Socket) => {
    const id = nextId++;
    ids.set(socket, id);
    socket.once('close', () => {
      console.log(JSON.stringify({ event: 'close', socket: id, sent: socket.bytesWritten }));
    });
  });
  http.prependListener('request', (req: IncomingMessage) => {
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
