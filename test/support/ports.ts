// Free loopback ports: ask the kernel for one, then give it back for the caller to bind.
import { createServer } from 'node:net';

/** A TCP port on 127.0.0.1 that was free a moment ago (the caller should retry if it is taken by then). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      if (address === null || typeof address === 'string') {
        server.close();
        reject(new Error('could not read the port of a listening socket'));
        return;
      }
      server.close(() => resolve(address.port));
    });
  });
}
