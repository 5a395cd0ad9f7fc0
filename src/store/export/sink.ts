import type { Writable } from 'node:stream';

/** Where an export writes, chunk by chunk; the promise waits while the stream's buffer is full. */
export type Sink = (chunk: string) => Promise<void>;

/** A Sink over a Node stream that respects back-pressure (waits for 'drain'). */
export function sinkFor(stream: Writable): Sink {
  return (chunk) =>
    stream.write(chunk)
      ? Promise.resolve()
      : new Promise((resolve, reject) => {
          const done = (error?: Error) => {
            stream.off('drain', done);
            stream.off('error', done);
            if (error) reject(error);
            else resolve();
          };
          stream.once('drain', done);
          stream.once('error', done);
        });
}

/** Collects what an export writes, for tests and small exports. */
export function memorySink(): { sink: Sink; text: () => string } {
  const parts: string[] = [];
  return { sink: async (chunk) => void parts.push(chunk), text: () => parts.join('') };
}
