// The floor of any Node server for workload 1 (a peer for the benchmark): the song held in memory,
// one `res.end()` of the asked bytes, no access check, no validators, no file read. What nginx
// saves over it is the copy into the socket (`sendfile`), which Node does not offer.
// Usage: node node-floor.mjs <file> <port>
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';

const [file, port] = process.argv.slice(2);
if (!file || !port) throw new Error('usage: node-floor.mjs <file> <port>');
const bytes = readFileSync(file);
const size = bytes.length;

const server = createServer((req, res) => {
  if (!req.url?.startsWith('/songs/listen/')) {
    res.writeHead(404).end();
    return;
  }
  const range = /^bytes=(\d+)-(\d*)$/.exec(req.headers.range ?? '');
  const start = range ? Number(range[1]) : 0;
  const end = range?.[2] ? Math.min(Number(range[2]), size - 1) : size - 1;
  if (!range || start > end) {
    res.writeHead(200, { 'content-type': 'audio/wav', 'content-length': size }).end(bytes);
    return;
  }
  res.writeHead(206, {
    'content-type': 'audio/wav',
    'content-length': end - start + 1,
    'content-range': `bytes ${start}-${end}/${size}`,
  });
  res.end(bytes.subarray(start, end + 1));
});
server.keepAliveTimeout = 60_000;
server.listen(Number(port), '127.0.0.1');
process.on('SIGTERM', () => process.exit(0));
