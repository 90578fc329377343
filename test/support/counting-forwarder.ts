// A TCP forwarder to a registry that counts connections: proof that a step made no request.
import { connect, createServer, type Socket } from 'node:net';

export interface CountingForwarder {
  /** `127.0.0.1:PORT`, to use in place of the registry's host. */
  host: string;
  connections(): number;
  stop(): Promise<void>;
}

export async function startCountingForwarder(target: { port: number }): Promise<CountingForwarder> {
  let count = 0;
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    count++;
    const upstream = connect(target.port, '127.0.0.1');
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => {
        client.destroy();
        upstream.destroy();
      });
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('forwarder: no TCP address');
  return {
    host: `127.0.0.1:${address.port}`,
    connections: () => count,
    async stop() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
