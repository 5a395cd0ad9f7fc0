import type { ApolloServerPlugin } from '@apollo/server';
import type { ApiContext } from '../context.ts';
import { responseTooLarge } from '#store/executor.ts';
import { CLIENT_ERROR_CODES } from '../format-error.ts';

/**
 * Apollo's stringifyResult with the size ceiling: the answer is serialised once, as Apollo would,
 * and one larger than `maxBytes` in UTF-8 (or past what a string can hold) is sent as a
 * RESPONSE_TOO_LARGE error instead. The same texts repeated along many paths cost memory only
 * once in the result but once per path in the JSON, so the ceiling is on the JSON.
 */
export function sizeCheckedStringify(maxBytes: number): (value: unknown) => string {
  const tooLarge = `${JSON.stringify({
    errors: [
      {
        message: responseTooLarge(maxBytes).message,
        extensions: { code: 'RESPONSE_TOO_LARGE' },
      },
    ],
  })}\n`;
  return (value) => {
    let json: string;
    try {
      json = JSON.stringify(value);
    } catch (error) {
      if (error instanceof RangeError) return tooLarge; // longer than a string can be
      throw error;
    }
    // UTF-8 takes 1 to 3 bytes per UTF-16 unit: count the bytes only when the length leaves it open.
    if (json.length > maxBytes || (json.length * 3 > maxBytes && Buffer.byteLength(json) > maxBytes)) return tooLarge;
    return `${json}\n`;
  };
}

/**
 * Per-request limits at the answer: the request's deadline timer ends, and an answer made only
 * of client refusals (no data) is HTTP 400: Apollo answered some of them 500 (a syntax error
 * found by armor's token counter) or 200 (an unknown persisted query). The size ceiling is
 * applied where the answer is serialised (sizeCheckedStringify).
 */
export function requestLimitsPlugin(): ApolloServerPlugin<ApiContext> {
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
        },
      };
    },
  };
}
