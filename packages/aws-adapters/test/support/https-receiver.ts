/**
 * Local HTTPS servers on 127.0.0.1 standing in for webhook endpoints, recording what they receive.
 */
import { createServer, type Server } from 'node:https';
import type { IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { TEST_TLS_CERT, TEST_TLS_KEY } from '@org/emulators';

/** One request a receiver got. */
export interface ReceivedRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

/** A running receiver. */
export interface HttpsReceiver {
  readonly port: number;
  /** Requests received so far, in order. */
  readonly requests: ReceivedRequest[];
  close(): Promise<void>;
}

/** The status and headers to answer a request with. */
export interface ReceiverAnswer {
  readonly status: number;
  readonly headers?: Readonly<Record<string, string>>;
}

/**
 * Starts an HTTPS server on 127.0.0.1 (a free port) with the test certificate; `answer` decides
 * each response (default 204).
 *
 * @example
 * ```ts
 * const receiver = await startHttpsReceiver(() => ({ status: 204 }));
 * // … deliver to https://hooks.test:${receiver.port}/h resolved to 127.0.0.1 …
 * await receiver.close();
 * ```
 */
export async function startHttpsReceiver(
  answer: (request: ReceivedRequest) => ReceiverAnswer = () => ({ status: 204 }),
): Promise<HttpsReceiver> {
  const requests: ReceivedRequest[] = [];
  const server: Server = createServer({ key: TEST_TLS_KEY, cert: TEST_TLS_CERT }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const received = {
        method: req.method ?? '',
        path: req.url ?? '/',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      requests.push(received);
      const { status, headers = {} } = answer(received);
      res.writeHead(status, headers).end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  return {
    port: (server.address() as AddressInfo).port,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
