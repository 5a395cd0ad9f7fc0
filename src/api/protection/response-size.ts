import type { ApolloServerPlugin } from '@apollo/server';
import type { ApiContext } from '../context.ts';
import { CLIENT_ERROR_CODES } from '../format-error.ts';

/** True when `value` takes more than `max` bytes as JSON (estimated; stops counting at the limit). */
export function isLargerThan(value: unknown, max: number): boolean {
  let left = max;
  const walk = (v: unknown): boolean => {
    if (typeof v === 'string') left -= Buffer.byteLength(v) + 2;
    else if (v === null || typeof v !== 'object') left -= 8;
    else if (Array.isArray(v)) {
      left -= 2;
      for (const x of v) if (walk(x)) return true;
    } else {
      left -= 2;
      for (const k in v) {
        left -= k.length + 4;
        if (walk((v as Record<string, unknown>)[k])) return true;
      }
    }
    return left < 0;
  };
  return walk(value);
}

/**
 * Per-request limits at the answer: a result larger than `maxBytes` (MAX_RESPONSE_BYTES) is
 * replaced by a RESPONSE_TOO_LARGE error before it is serialised (the same texts repeated along
 * many paths cost memory only once in the result, but once per path in the JSON); and the
 * request's deadline timer ends. An answer made only of client refusals (no data) is HTTP 400:
 * Apollo answered some of them 500 (a syntax error found by armor's token counter) or 200
 * (an unknown persisted query).
 */
export function requestLimitsPlugin(maxBytes: number): ApolloServerPlugin<ApiContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue }) {
          contextValue.dispose?.();
          if (response.body.kind !== 'single') return;
          const { data, errors } = response.body.singleResult;
          if (
            data === undefined &&
            errors?.length &&
            errors.every((e) => CLIENT_ERROR_CODES.has(String(e.extensions?.code))) &&
            (response.http.status === undefined || response.http.status === 200 || response.http.status >= 500)
          )
            response.http.status = 400;
          if (!isLargerThan(response.body.singleResult, maxBytes)) return;
          response.body.singleResult = {
            errors: [
              {
                message: `the answer would be larger than ${maxBytes} bytes (MAX_RESPONSE_BYTES): ask for fewer items or fewer texts`,
                extensions: { code: 'RESPONSE_TOO_LARGE' },
              },
            ],
          };
        },
      };
    },
  };
}
