import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * An HTTP proxy in front of the Tally simulator that remembers every answer by request body and replays
 * it. A warm-up sync fills it; measured syncs then spend no CPU on the simulator rendering XML, so the
 * two cores belong to the sync as they would with TallyPrime on another thread of the machine.
 */
export interface ReplayProxy {
  port: number;
  /** Requests answered from memory since the start. */
  replayed: number;
  stop(): Promise<void>;
}

export async function startReplayProxy(target: { host: string; port: number }): Promise<ReplayProxy> {
  const answers = new Map<string, { status: number; headers: http.IncomingHttpHeaders; body: Buffer }>();
  const state = { replayed: 0 };
  const server = http.createServer((req, res) => {
    const parts: Buffer[] = [];
    req.on('data', (c: Buffer) => parts.push(c));
    req.on('end', () => {
      const body = Buffer.concat(parts);
      const key = body.toString('latin1');
      const known = answers.get(key);
      if (known) {
        state.replayed++;
        res.writeHead(known.status, { 'content-type': known.headers['content-type'] ?? 'text/xml' });
        res.end(known.body);
        return;
      }
      const upstream = http.request(
        { host: target.host, port: target.port, method: 'POST', path: req.url, headers: req.headers },
        (up) => {
          const chunks: Buffer[] = [];
          up.on('data', (c: Buffer) => chunks.push(c));
          up.on('end', () => {
            const answer = { status: up.statusCode ?? 200, headers: up.headers, body: Buffer.concat(chunks) };
            answers.set(key, answer);
            res.writeHead(answer.status, { 'content-type': answer.headers['content-type'] ?? 'text/xml' });
            res.end(answer.body);
          });
        },
      );
      upstream.on('error', () => res.destroy());
      upstream.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    get replayed() {
      return state.replayed;
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
