import { connect, createServer, type Server, type Socket } from 'node:net';

/**
 * A loopback TCP proxy in front of a test redis-server, to simulate network faults that keep the
 * server's data: `cut()` drops every connection and refuses new ones, `hang()` accepts but forwards
 * nothing (a hung server), `heal()` goes back to normal.
 */
export interface TcpProxy {
  readonly port: number;
  cut(): void;
  hang(): void;
  heal(): void;
  close(): Promise<void>;
}

export async function startTcpProxy(targetPort: number): Promise<TcpProxy> {
  let mode: 'ok' | 'cut' | 'hang' = 'ok';
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.on('error', () => undefined);
    if (mode === 'cut') {
      client.destroy();
      return;
    }
    if (mode === 'hang') return; // swallow everything
    const upstream = connect(targetPort, '127.0.0.1');
    sockets.add(upstream);
    upstream.on('close', () => {
      sockets.delete(upstream);
      client.destroy();
    });
    upstream.on('error', () => client.destroy());
    client.on('close', () => upstream.destroy());
    client.on('data', (data) => {
      if (mode === 'ok') upstream.write(data);
    });
    upstream.on('data', (data) => {
      if (mode === 'ok') client.write(data);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    port,
    cut() {
      mode = 'cut';
      for (const socket of sockets) socket.destroy();
    },
    hang() {
      mode = 'hang';
    },
    heal() {
      // Bytes swallowed while hanging would desynchronise replies: start clean connections.
      if (mode === 'hang') for (const socket of sockets) socket.destroy();
      mode = 'ok';
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
