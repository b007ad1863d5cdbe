// A plain node:http server that answers /songs/listen/:id with `send` (a peer for the benchmark).
// Usage: node send-server.mjs <file> <port>
import { createServer } from 'node:http';
import { basename, dirname } from 'node:path';
import send from 'send';

const [file, port] = process.argv.slice(2);
if (!file || !port) throw new Error('usage: send-server.mjs <file> <port>');
const root = dirname(file);
const name = basename(file);

const server = createServer((req, res) => {
  if (!req.url?.startsWith('/songs/listen/')) {
    res.statusCode = 404;
    res.end();
    return;
  }
  // send keeps a Content-Type that is already set; mime-types would say audio/wave.
  res.setHeader('Content-Type', 'audio/wav');
  send(req, name, { root })
    .on('error', (err) => {
      res.statusCode = err.status ?? 500;
      res.end();
    })
    .pipe(res);
});
server.keepAliveTimeout = 60_000;
server.listen(Number(port), '127.0.0.1');
process.on('SIGTERM', () => process.exit(0));
