/** What went wrong, in one word a page can switch on. */
export type JuziErrorCode =
  /** No juzi-helper host was found within `readyTimeout`. */
  | 'unavailable'
  /** The host never answered within `timeout`. */
  | 'timeout'
  /** Our own check refused the call; the host was not called. */
  | 'invalid-params'
  /** The host answered data of the wrong shape. */
  | 'invalid-response'
  /** The host said no; `errMsg` holds its words. */
  | 'host-fail'
  /** OAuth: the code is malformed (errcode -1). */
  | 'invalid-code'
  /** OAuth: the code is older than 5 minutes (errcode -2). */
  | 'expired-code'
  /** OAuth: the code is unknown or was already used (errcode -4). */
  | 'code-not-found'
  /** OAuth: any other failure the region reported (errcode -5 or unknown). */
  | 'unknown'
  /** OAuth: the callback's `state` is not the one we sent. */
  | 'state-mismatch'
  /** OAuth: the request never got an HTTP answer (or none within its timeout). */
  | 'network'
  /** OAuth: sessionStorage is blocked, so a redirect sign-in cannot keep its `state`. */
  | 'storage-unavailable';

/** One problem found by a zod check: where (`path`) and what (`message`). */
export interface JuziIssue {
  readonly path: readonly PropertyKey[];
  readonly message: string;
}

export interface JuziErrorOptions {
  errMsg?: string | undefined;
  issues?: readonly JuziIssue[] | undefined;
  cause?: unknown;
}

/** The one error type every juzi-elements promise rejects with. */
export class JuziError extends Error {
  override readonly name = 'JuziError';
  /** What went wrong. */
  readonly code: JuziErrorCode;
  /** The host API (e.g. `sendChatMessage`) or `oauth` that failed. */
  readonly api: string;
  /** The host's own words, for `host-fail` (e.g. `text content is empty`). */
  readonly errMsg?: string;
  /** Each problem our checks found, for `invalid-params` and `invalid-response`. */
  readonly issues?: readonly JuziIssue[];

  constructor(code: JuziErrorCode, api: string, message?: string, options: JuziErrorOptions = {}) {
    super(`${api}: ${message ?? describe(code, options)}`, { cause: options.cause });
    this.code = code;
    this.api = api;
    if (options.errMsg !== undefined) this.errMsg = options.errMsg;
    if (options.issues !== undefined) this.issues = options.issues;
  }
}

function describe(code: JuziErrorCode, { errMsg, issues }: JuziErrorOptions): string {
  if (issues?.length) {
    const list = issues.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message));
    return `${code} (${list.join('; ')})`;
  }
  return errMsg ? `${code} (${errMsg})` : code;
}

/**
 * True for a JuziError, also one made by another copy of the library on the page
 * (where `instanceof` fails).
 */
export function isJuziError(value: unknown): value is JuziError {
  return value instanceof JuziError || (value instanceof Error && value.name === 'JuziError' && 'code' in value);
}
