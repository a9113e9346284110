import * as z from 'zod/mini';
import { isJuziError, type JuziError, type JuziErrorCode } from '../bridge/errors.js';
import { toIssues } from '../bridge/schemas.js';
import { oauthError, refused } from './errors.js';
import { regionBase } from './urls.js';

/** Who signed in, as the region's `getUserInfo` answers it. */
export interface UserInfo {
  /** The bot account's WeCom userId, in plain text. */
  userId: string;
  /** The bot account's WeCom corpId, in plain text. */
  corpId: string;
  /** The bot account id. */
  botId: string;
  /** The Juzi organisation id. */
  orgId: string;
  /** The Juzi member id of the signed-in agent. */
  uid: string;
  /** The member's e-mail, when the region has one. */
  email?: string;
  /** The member's name, when the region has one. */
  name?: string;
}

/** Where the code is exchanged: the region itself, or the page's own server answering the same JSON. */
export type UserInfoEndpoint =
  | {
      /** The region's base URL; the code goes to `{regionUrl}/api/v1/oauth/getUserInfo?code=…`. */
      regionUrl: string;
      exchangeUrl?: undefined;
    }
  | {
      /** The page's own endpoint (absolute, or relative to the page); `code` is appended as a query parameter. */
      exchangeUrl: string;
      regionUrl?: undefined;
    };

/** How `fetchUserInfo` makes its request. */
export interface FetchUserInfoRequest {
  /** The fetch to use (default `globalThis.fetch`), e.g. a stub in tests. */
  fetch?: typeof globalThis.fetch;
  /** Milliseconds without an answer before it is a `network` failure (default 10000). */
  timeout?: number;
}

/** The options of `fetchUserInfo`: one endpoint, and optionally how to request it. */
export type FetchUserInfoOptions = UserInfoEndpoint & FetchUserInfoRequest;

const DEFAULT_TIMEOUT = 10000;

const text = z.string();
const optionalText = z.nullish(z.string());

/** The envelope first: on a failure `data` is usually absent, and only `errcode` matters. */
const Envelope = z.object({ errcode: z.number(), errmsg: optionalText });
const UserInfoSchema = z.object({
  userId: text,
  corpId: text,
  botId: text,
  orgId: text,
  uid: text,
  email: optionalText,
  name: optionalText,
});
const Success = z.object({ data: UserInfoSchema });

const ERRCODES: Readonly<Record<number, JuziErrorCode>> = {
  [-1]: 'invalid-code',
  [-2]: 'expired-code',
  [-4]: 'code-not-found',
};

function endpointFor(code: string, options: UserInfoEndpoint): URL {
  const { regionUrl, exchangeUrl } = options;
  if (regionUrl !== undefined && exchangeUrl !== undefined) {
    throw refused('exchangeUrl', 'give regionUrl or exchangeUrl, not both');
  }
  if (exchangeUrl === undefined) {
    if (regionUrl === undefined) throw refused('regionUrl', 'expected regionUrl or exchangeUrl');
    const url = new URL(`${regionBase(regionUrl)}/api/v1/oauth/getUserInfo`);
    url.searchParams.set('code', code);
    return url;
  }
  let url: URL;
  try {
    url = new URL(exchangeUrl, globalThis.location?.href);
  } catch {
    throw refused('exchangeUrl', `expected a URL, got ${JSON.stringify(exchangeUrl)}`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw refused('exchangeUrl', 'must be an http(s) URL');
  // Appended rather than set through searchParams, which would re-encode the page's own parameters.
  url.search = `${url.search ? `${url.search}&` : '?'}code=${encodeURIComponent(code)}`;
  return url;
}

/**
 * Exchanges a single-use code for who signed in: a GET to the region's `getUserInfo`
 * (or to `exchangeUrl`), its JSON checked. Rejects with a JuziError (api `oauth`):
 * errcode -1 `invalid-code`, -2 `expired-code`, -4 `code-not-found`, any other
 * `unknown`; no HTTP answer `network`; non-JSON or a wrong shape `invalid-response`;
 * a refused input `invalid-params` (nothing is sent). Each code works once: never
 * call this twice with the same code.
 */
export async function fetchUserInfo(
  code: string,
  options: FetchUserInfoOptions,
  request: FetchUserInfoRequest = {},
): Promise<UserInfo> {
  if (typeof code !== 'string' || code.trim() === '') throw refused('code', 'expected the code from the callback');
  if (typeof options !== 'object' || options === null) throw refused('regionUrl', 'expected regionUrl or exchangeUrl');
  const url = endpointFor(code, options);
  const timeout = request.timeout ?? options.timeout ?? DEFAULT_TIMEOUT;
  if (typeof timeout !== 'number' || !(timeout > 0) || !Number.isFinite(timeout)) {
    throw refused('timeout', `expected a positive number of ms, got ${String(timeout)}`);
  }
  const doFetch = request.fetch ?? options.fetch ?? globalThis.fetch;
  if (typeof doFetch !== 'function') throw refused('fetch', 'no fetch in this environment; pass one');

  // The code is a credential until used: keep it out of every error message.
  const where = `${url.origin}${url.pathname}`;
  const { status, body } = await getText(doFetch, url, where, timeout);
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (cause) {
    throw oauthError('invalid-response', `invalid-response (${where} answered HTTP ${status} with no JSON)`, { cause });
  }
  const envelope = Envelope.safeParse(json);
  if (!envelope.success) throw invalidResponse(envelope.error.issues);
  const { errcode, errmsg } = envelope.data;
  if (errcode !== 0) {
    throw oauthError(ERRCODES[errcode] ?? 'unknown', undefined, { errMsg: errmsg || `errcode ${errcode}` });
  }
  const success = Success.safeParse(json);
  if (!success.success) throw invalidResponse(success.error.issues);
  const { email, name, ...user } = success.data.data;
  return { ...user, ...(email != null && { email }), ...(name != null && { name }) };
}

function invalidResponse(issues: Parameters<typeof toIssues>[0]): JuziError {
  return oauthError('invalid-response', undefined, { issues: toIssues(issues) });
}

/** One GET, bounded by `timeout`; anything short of a whole answer is a `network` failure. */
async function getText(
  doFetch: typeof globalThis.fetch,
  url: URL,
  where: string,
  timeout: number,
): Promise<{ status: number; body: string }> {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(oauthError('network', `network (no answer from ${where} within ${timeout} ms)`));
    }, timeout);
  });
  try {
    const response = await Promise.race([
      doFetch(url.href, { method: 'GET', headers: { Accept: 'application/json' }, signal: controller.signal }),
      expired,
    ]);
    const body = await Promise.race([response.text(), expired]);
    return { status: response.status, body };
  } catch (cause) {
    if (isJuziError(cause)) throw cause;
    throw oauthError('network', `network (no answer from ${where}: ${String(cause)})`, { cause });
  } finally {
    clearTimeout(timer);
  }
}
