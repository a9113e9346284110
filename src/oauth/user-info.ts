import * as z from 'zod/mini';
import { isJuziError, type JuziErrorCode } from '../bridge/errors.js';
import { toIssues } from '../bridge/schemas.js';
import { check, oauthError, toUrl } from './errors.js';
import { isSecureEndpoint, regionBase, SECURE_URL } from './urls.js';

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
      /**
       * The page's own endpoint, answering the region's JSON; gets `code` as a query parameter.
       * https (http only on localhost), or in a browser the page's own origin (a relative URL is read against the page).
       */
      exchangeUrl: string;
      regionUrl?: undefined;
    };

/** How `fetchUserInfo` makes its request. */
export interface FetchUserInfoRequest {
  /** The fetch to use (default `globalThis.fetch`), e.g. a stub in tests. */
  fetch?: typeof globalThis.fetch;
  /** How long to wait for the whole answer, in ms (1 … 2147483647, default 10000); then `network`. */
  timeout?: number;
}

/** How long an exchange may take by default: the same 10 s the bridge gives the host. */
export const EXCHANGE_TIMEOUT = 10_000;

/** The options of `fetchUserInfo`: one endpoint, and optionally how to request it. */
export type FetchUserInfoOptions = UserInfoEndpoint & FetchUserInfoRequest;

const text = z.string();
const optionalText = z.optional(text);

/** The whole answer; `null`s were dropped while parsing, so on a failure `data` is simply absent. */
const Answer = z.object({
  errcode: z.number(),
  errmsg: optionalText,
  data: z.optional(
    z.object({ userId: text, corpId: text, botId: text, orgId: text, uid: text, email: optionalText, name: optionalText }),
  ),
});

const ERRCODES: Readonly<Record<number, JuziErrorCode>> = {
  [-1]: 'invalid-code',
  [-2]: 'expired-code',
  [-4]: 'code-not-found',
};

/**
 * The URL a code is exchanged at (`code` not yet added), or `invalid-params` on
 * `exchangeUrl` / `regionUrl`. An exchange URL follows the region's rule (https, http only
 * on localhost) unless it is on the page's own origin, which the page's server answers.
 */
export function userInfoUrl(endpoint: UserInfoEndpoint): URL {
  const { exchangeUrl } = endpoint;
  if (!exchangeUrl) return new URL(`${regionBase(endpoint.regionUrl as string)}/api/v1/oauth/getUserInfo`);
  const page = globalThis.location;
  const url = toUrl(exchangeUrl, page?.href);
  const sameOrigin = url !== undefined && url.origin === page?.origin && /^https?:$/.test(url.protocol);
  check(url && (sameOrigin || isSecureEndpoint(url)), 'exchangeUrl', `${SECURE_URL}, or this page's origin`);
  return url;
}

/**
 * Exchanges a single-use code for who signed in: a GET to the region's `getUserInfo`
 * (or to `exchangeUrl`), its JSON checked. Rejects with a JuziError (api `oauth`):
 * errcode -1 `invalid-code`, -2 `expired-code`, -4 `code-not-found`, any other
 * `unknown`; no HTTP answer, or no whole answer within `timeout` (default 10 s),
 * `network`; non-JSON or a wrong shape `invalid-response`; a refused input
 * `invalid-params` (nothing is sent). Each code works once: never call this twice
 * with the same code.
 */
export async function fetchUserInfo(
  code: string,
  options: FetchUserInfoOptions,
  request: FetchUserInfoRequest = {},
): Promise<UserInfo> {
  check(typeof code === 'string' && code.trim(), 'code', 'expected the code from the callback');
  const url = userInfoUrl(options);
  const timeout = request.timeout ?? options.timeout ?? EXCHANGE_TIMEOUT;
  check(Number.isInteger(timeout) && timeout >= 1 && timeout <= 2_147_483_647, 'timeout', 'expected 1 … 2147483647 ms');
  url.searchParams.set('code', code);

  const body = await withTimeout(timeout, async (signal) => (await (request.fetch ?? options.fetch ?? fetch)(url, { signal })).text());
  let json: unknown;
  try {
    json = JSON.parse(body, (_key, value: unknown) => value ?? undefined);
  } catch (cause) {
    throw oauthError('invalid-response', undefined, { cause });
  }
  const answer = Answer.safeParse(json);
  if (!answer.success) throw oauthError('invalid-response', undefined, { issues: toIssues(answer.error.issues) });
  const { errcode, errmsg, data } = answer.data;
  if (errcode) throw oauthError(ERRCODES[errcode] ?? 'unknown', undefined, { errMsg: errmsg || `errcode ${errcode}` });
  if (!data) throw oauthError('invalid-response', undefined, { errMsg: 'no data' });
  return data;
}

/**
 * Runs `request` with an abort signal; `network` when it fails or has not finished
 * within `ms`. The race, not only the signal, ends it: a fetch may ignore its signal.
 */
async function withTimeout<T>(ms: number, request: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const expired = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => {
      reject(oauthError('network', `network (no answer within ${ms} ms)`));
      controller.abort();
    }, ms);
  });
  try {
    return await Promise.race([request(controller.signal), expired]);
  } catch (cause) {
    // The code is a credential until used: it stays out of every error message.
    throw isJuziError(cause) ? cause : oauthError('network', undefined, { cause });
  } finally {
    clearTimeout(timer);
  }
}
