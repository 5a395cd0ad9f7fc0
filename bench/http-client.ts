// A lean HTTP/1.1 client for latency figures, in the manner of wrk and autocannon: one kept-alive
// socket, the request bytes built once, the answer framed by its Content-Length. node:http's
// client costs about 0.3 ms per request on the bench machine — client work that is not the
// server's latency, and that the raw-Cypher side (the driver alone) does not pay. Like wrk and
// autocannon it hands back the answer's bytes undecoded: decoding ~40 KB of UTF-8 into a string
// took ~75 µs a request on the nested query, work of a client that here shares the server's
// thread. A caller that needs the text decodes it (`String(body)`).
import net from 'node:net';

export interface LeanClient {
  /** Sends `body` as a JSON POST to `path`; resolves with the answer's bytes, rejects unless 200. */
  post(path: string, body: string): Promise<Buffer>;
  close(): void;
}

export async function openLeanClient(port: number, host = '127.0.0.1'): Promise<LeanClient> {
  const socket = net.connect(port, host);
  socket.setNoDelay(true);
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('error', reject);
  });
  let buffered: Buffer = Buffer.alloc(0);
  const requests = new Map<string, Buffer>();
  let waiting: { resolve: (body: Buffer) => void; reject: (error: Error) => void } | null = null;
  const fail = (error: Error) => {
    const w = waiting;
    waiting = null;
    w?.reject(error);
  };
  socket.on('error', fail);
  socket.on('close', () => fail(new Error('the server closed the connection')));
  socket.on('data', (chunk: Buffer) => {
    buffered = buffered.length === 0 ? chunk : Buffer.concat([buffered, chunk]);
    const headerEnd = buffered.indexOf('\r\n\r\n');
    if (headerEnd < 0 || !waiting) return;
    const head = buffered.subarray(0, headerEnd).toString('latin1');
    const length = Number(/\r\ncontent-length: *(\d+)/i.exec(head)?.[1] ?? NaN);
    if (!Number.isFinite(length)) return fail(new Error(`an answer without Content-Length: ${head}`));
    if (buffered.length < headerEnd + 4 + length) return;
    const body = buffered.subarray(headerEnd + 4, headerEnd + 4 + length);
    buffered = buffered.subarray(headerEnd + 4 + length);
    const w = waiting;
    waiting = null;
    if (!head.startsWith('HTTP/1.1 200'))
      w.reject(new Error(`${head.split('\r\n')[0]}: ${body.subarray(0, 300).toString()}`));
    else w.resolve(body);
  });
  return {
    post(path, body) {
      if (waiting) return Promise.reject(new Error('one request at a time'));
      let request = requests.get(path + body);
      if (!request) {
        request = Buffer.from(
          `POST ${path} HTTP/1.1\r\nHost: ${host}:${port}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
        );
        requests.set(path + body, request);
      }
      return new Promise((resolve, reject) => {
        waiting = { resolve, reject };
        socket.write(request!);
      });
    },
    close: () => socket.destroy(),
  };
}
