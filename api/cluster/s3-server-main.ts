import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import { startS3Server } from './s3-server.ts';

/**
 * s3rver as a process of its own (the cluster's object store, and the tests'). Run with
 * `node --openssl-legacy-provider`: s3rver's listing continuation tokens use DES. Arguments:
 * `<port> <directory> <bucket>`. Prints `s3 ready <port>`; with S3_EVENTS=1 also one JSON line per
 * request and per closed connection, so tests can watch what reached the store.
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
console.log(`s3 ready ${port}`);
const stop = () => void server.close().finally(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
