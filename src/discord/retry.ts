/**
 * One retry of a request the connection dropped under, when sending it twice cannot do anything
 * twice. discord.js retries only errors that say ECONNRESET, and those whatever the request; undici
 * reports a dropped socket as UND_ERR_SOCKET, which it does not retry at all. This wraps its
 * request function so that:
 *
 * - an idempotent request is tried once more: GET, HEAD, PUT, PATCH and DELETE; an interaction
 *   callback (Discord acknowledges an interaction once and answers a second try with 40060, which
 *   the bot takes as answered); a channel message sent with `enforce_nonce` (Discord returns the
 *   message it already made for that nonce);
 * - any other request (a webhook follow-up, a thread creation) is not, and its error no longer says
 *   ECONNRESET, so that discord.js does not send it again either.
 */
import type { DefaultRestOptions } from 'discord.js';

/** discord.js's request function (its `makeRequest` REST option). */
export type MakeRequest = (typeof DefaultRestOptions)['makeRequest'];
type RequestInit = Parameters<MakeRequest>[1];

/** Error codes that mean the connection went away before an answer came. */
const resetCodes: ReadonlySet<string> = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'ECONNABORTED']);

/** Whether an error (or one of its causes) is a dropped connection. */
export function isConnectionReset(error: unknown): boolean {
  for (let e = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && resetCodes.has(code)) return true;
  }
  return false;
}

const idempotentMethods: ReadonlySet<string> = new Set(['GET', 'HEAD', 'PUT', 'PATCH', 'DELETE']);

/** Whether sending this request twice has the effect of sending it once. */
export function isIdempotent(url: string, init: Pick<RequestInit, 'method' | 'body'>): boolean {
  const method = (init.method ?? 'GET').toUpperCase();
  if (idempotentMethods.has(method)) return true;
  if (method !== 'POST') return false;
  const path = new URL(url).pathname;
  if (/\/interactions\/\d+\/[^/]+\/callback$/u.test(path)) return true;
  if (/\/channels\/\d+\/messages$/u.test(path) && typeof init.body === 'string') {
    try {
      const body = JSON.parse(init.body) as { nonce?: unknown; enforce_nonce?: unknown };
      return body.enforce_nonce === true && (typeof body.nonce === 'string' || typeof body.nonce === 'number');
    } catch {
      return false;
    }
  }
  return false;
}

/** A dropped connection under a request that is not sent again. */
export class ConnectionDropped extends Error {
  override name = 'ConnectionDropped';
}

/** Wraps a request function with one retry on a dropped connection, for idempotent requests only. */
export function retryOnReset(request: MakeRequest, onRetry: (method: string, path: string) => void = () => undefined): MakeRequest {
  return async (url, init) => {
    try {
      return await request(url, init);
    } catch (error) {
      if (!isConnectionReset(error)) throw error;
      const method = (init.method ?? 'GET').toUpperCase();
      if (!isIdempotent(url, init)) throw new ConnectionDropped(`${method}: the connection dropped before Discord answered; not sent again`, { cause: error });
      onRetry(method, new URL(url).pathname);
      return request(url, init);
    }
  };
}
