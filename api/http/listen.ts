import type { Server } from 'node:http';
import { Server as HttpsServer } from 'node:https';

/** Starts listening and resolves with the URL, or rejects with the listen error (EADDRINUSE …). */
export function listen(server: Server, port: number, host: string): Promise<string> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const address = server.address();
      const actualPort = typeof address === 'object' && address ? address.port : port;
      const shownHost = host.includes(':') ? `[${host}]` : host;
      const scheme = server instanceof HttpsServer ? 'https' : 'http';
      resolve(`${scheme}://${shownHost}:${actualPort}/`);
    });
  });
}
