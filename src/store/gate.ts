import { AppError } from '#errors/app-error.ts';

/** How long a client refused by a full queue should wait before retrying, in seconds. */
export const RETRY_AFTER_SECONDS = 1;

/** An OVERLOADED error that tells Apollo to answer HTTP 503 with a Retry-After header. */
export function overloaded(): AppError {
  const error = new AppError('the database is busy: too many queries are waiting; retry shortly', 'OVERLOADED', {
    details: { retryAfterSeconds: RETRY_AFTER_SECONDS },
  });
  // Apollo reads `extensions.http` from a resolver's error (graphql-js copies the original
  // error's extensions) and sets the status and headers of the answer.
  Object.assign(error, {
    extensions: { http: { status: 503, headers: new Map([['retry-after', String(RETRY_AFTER_SECONDS)]]) } },
  });
  return error;
}

/** A counting semaphore with a bounded queue: at most `maxActive` holders, `maxQueued` waiters. */
export interface Gate {
  /**
   * Waits for a slot; resolves with its release function (call it once).
   * @throws AppError OVERLOADED when the queue is full; the signal's reason when it aborts first.
   */
  acquire(signal?: AbortSignal): Promise<() => void>;
  readonly active: number;
  readonly queued: number;
}

export function createGate(maxActive: number, maxQueued: number): Gate {
  let active = 0;
  const waiters: { grant: () => void }[] = [];
  const releaseOnce = () => {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = waiters.shift();
      if (next) next.grant();
      else active -= 1;
    };
  };
  return {
    get active() {
      return active;
    },
    get queued() {
      return waiters.length;
    },
    acquire(signal) {
      if (signal?.aborted) return Promise.reject(signal.reason);
      if (active < maxActive) {
        active += 1;
        return Promise.resolve(releaseOnce());
      }
      if (waiters.length >= maxQueued) return Promise.reject(overloaded());
      return new Promise((resolve, reject) => {
        const waiter = {
          grant: () => {
            signal?.removeEventListener('abort', onAbort);
            resolve(releaseOnce());
          },
        };
        const onAbort = () => {
          const i = waiters.indexOf(waiter);
          if (i >= 0) waiters.splice(i, 1);
          reject(signal!.reason);
        };
        signal?.addEventListener('abort', onAbort, { once: true });
        waiters.push(waiter);
      });
    },
  };
}
