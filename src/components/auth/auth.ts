import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { JuziError } from '../../bridge/errors.js';
import { JuziAuthSuccessEvent } from '../../events.js';
import { JuziButtonElement } from '../../internal/button-element.js';
import { OAUTH_API, oauthError } from '../../oauth/errors.js';
import { exchangeOnce, oauthExchanges } from '../../oauth/exchanges.js';
import { createState } from '../../oauth/state.js';
import { createAuthorizeUrl, readAuthCallback } from '../../oauth/urls.js';
import { fetchUserInfo, type FetchUserInfoOptions, type UserInfo } from '../../oauth/user-info.js';
import { authStyles } from './auth.styles.js';

/** How `<juzi-auth>` gets its code: a redirect to the region, or the host's `sidebarAuth` (JS-SDK toolbar). */
export type AuthMode = 'redirect' | 'sidebar';

/** What `<juzi-auth>` shows; also set as its `status` attribute for CSS. */
export type AuthStatus = 'signed-out' | 'signing-in' | 'signed-in' | 'error';

/** Where the `state` of a started redirect waits for the callback (per tab). */
export const STATE_STORAGE_KEY = 'juzi-elements.oauth-state';

const ignore = () => {};

/**
 * Runs `use` on sessionStorage, which keeps `state` across the redirect: blocked storage
 * (private mode, site data off) is `unavailable`, since a forged callback could not be told apart.
 */
function session<T>(use: (storage: Storage) => T): T {
  try {
    return use(sessionStorage);
  } catch (cause) {
    throw oauthError('unavailable', 'unavailable (sessionStorage is blocked)', { cause });
  }
}

/** The state this tab's redirect kept; each state answers one callback. */
function takeState(): string | null {
  return session((storage) => {
    const kept = storage.getItem(STATE_STORAGE_KEY);
    storage.removeItem(STATE_STORAGE_KEY);
    return kept;
  });
}

/** `url` (changed in place) without the callback parameters. */
function withoutCallback(url: URL): URL {
  url.searchParams.delete('code');
  url.searchParams.delete('state');
  return url;
}

/**
 * Signs the agent in through the Juzi OAuth flow and shows who is signed in.
 *
 * `mode="redirect"` (default) sends the page to `{region-url}/oauth/connect/authorize`
 * with a fresh `state` kept in sessionStorage. When the page comes back with `?code&state`,
 * the element removes both from the address bar (`history.replaceState`) before anything
 * else, checks the state, and exchanges the code exactly once per page, shared by every
 * `<juzi-auth>` on it. `mode="sidebar"` asks the host's `sidebarAuth` for a code instead,
 * with no redirect. The code goes to `exchange-url` when set (the page's own server,
 * answering the region's JSON), else to the region's `getUserInfo`.
 *
 * @summary OAuth sign-in (redirect or sidebarAuth) showing the signed-in agent.
 * @tag juzi-auth
 *
 * @slot - The sign-in button's label; defaults to 登录 / Sign in (重试 / Retry after an error).
 * @slot signed-in - What to show once signed in (read the `user` property); defaults to the user's name.
 *
 * @csspart base - The native sign-in / retry button (hidden once signed in).
 * @csspart spinner - The spinner shown while signing in.
 * @csspart label - The wrapper around the label slot.
 * @csspart status - The polite live region announcing the outcome (visually hidden).
 * @csspart user - The signed-in view around the `signed-in` slot.
 * @csspart name - The default signed-in content: the user's name.
 * @csspart error - The sentence saying what went wrong.
 *
 * @cssproperty --juzi-auth-background - Button background (default `--juzi-color-primary`).
 * @cssproperty --juzi-auth-color - Button text colour (default `--juzi-color-on-primary`).
 *
 * @fires juzi-auth-success - The code was exchanged, with `{ user }`.
 * @fires juzi-error - Signing in failed, with `{ error }` (`state-mismatch`, `expired-code`, `network`, …); the element offers a retry.
 */
export class JuziAuth extends JuziButtonElement {
  static override styles = [JuziButtonElement.styles, authStyles];

  /** The region's base URL (https; http only on localhost), e.g. `https://hub.juzibot.com`. */
  @property({ attribute: 'region-url' }) regionUrl?: string;

  /** Where the region sends the agent back; default this page without `code`, `state` and fragment. */
  @property({ attribute: 'redirect-uri' }) redirectUri?: string;

  /** The page's own exchange endpoint (gets `?code=`, answers the region's JSON); wins over `region-url` for the exchange. */
  @property({ attribute: 'exchange-url' }) exchangeUrl?: string;

  /** `redirect` (default) or `sidebar` (the host's `sidebarAuth`, no redirect). */
  @property() mode: AuthMode = 'redirect';

  /** Starts signing in on connect; not on a callback (even a failed one), nor when `user` is set. */
  @property({ type: Boolean }) auto = false;

  /** Who is signed in: set by a successful sign-in; a page may set it to restore its own session. */
  @property({ attribute: false }) user?: UserInfo;

  /** Leaves the page for the authorize URL (default `location.assign`); replace it in tests or to open the URL elsewhere. */
  navigate?: (url: string) => void;

  /** The fetch that exchanges the code; default `globalThis.fetch`, looked up at each call. */
  fetch?: typeof globalThis.fetch;

  /** The last failure, shown until the next attempt succeeds. */
  @state() private failure?: JuziError;

  /** Set once the page is on its way to the region: signing in until it unloads. */
  #leaving = false;

  /** True while signing in, until the page has left for the region (reflected as the `busy` attribute, for CSS). */
  override get busy(): boolean {
    return super.busy || this.#leaving;
  }

  /** What the element shows: `signed-out`, `signing-in`, `signed-in` or `error`. */
  get status(): AuthStatus {
    return this.busy ? 'signing-in' : this.user ? 'signed-in' : this.failure ? 'error' : 'signed-out';
  }

  /**
   * Signs in, as a click does. Sidebar mode resolves with the user; redirect mode
   * resolves undefined once the page is leaving, as does a disabled element. Rejects
   * with the JuziError that `juzi-error` reported.
   */
  signIn(): Promise<UserInfo | undefined> {
    if (this.disabled || this.#leaving) return Promise.resolve(undefined);
    return this.#attempt(
      this.mode === 'sidebar'
        ? async () => this.#exchange((await this.activeBridge.sidebarAuth()).code)
        : async () => {
            const state = createState();
            const here = withoutCallback(new URL(location.href));
            here.hash = ''; // a redirect URI carries no fragment (RFC 6749 §3.1.2)
            const url = createAuthorizeUrl({ regionUrl: this.regionUrl as string, redirectUri: this.redirectUri || here.href, state });
            session((storage) => storage.setItem(STATE_STORAGE_KEY, state));
            (this.navigate ?? ((to: string) => location.assign(to)))(url);
          },
    );
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // Started before the first render, so the first thing drawn is already "signing in";
    // after connect, so properties a page sets right after appending are in.
    if (!this.hasUpdated) {
      const callback = this.mode !== 'sidebar' && this.#joinCallback();
      if (!callback && this.auto && !this.user) this.activate().catch(ignore);
    }
    this.setAttribute('status', this.status);
  }

  override render() {
    const { status, t, user } = this;
    return html`${status === 'error' ? html`<p part="error" class="error">${this.describeError(this.failure!)}</p>` : nothing}${
      user && status === 'signed-in'
        ? html`<span part="user"><slot name="signed-in"><span class="visually-hidden">${t.signedIn} </span><span part="name" class="name">${user.name || user.userId}</span></slot></span>`
        : nothing
    }${this.renderButton()}`;
  }

  protected override get label(): string {
    const { status, t } = this;
    return status === 'error' ? t.retry : status === 'signing-in' ? t.signingIn : t.signIn;
  }

  protected override activate(): Promise<UserInfo | undefined> {
    return this.signIn();
  }

  protected override describeError(error: JuziError): string {
    const described =
      error.api === OAUTH_API && error.code === 'unavailable' ? this.t.storageUnavailable : super.describeError(error);
    // -5 and unlisted errcodes carry the region's own words; they are all the agent can act on.
    return error.code === 'unknown' && error.errMsg ? `${described} (${error.errMsg})` : described;
  }

  /**
   * Handles the redirect back, once per page load: the first element takes `code` and
   * `state` out of the address bar, before anything that can fail or wait, and starts
   * the exchange; any later one joins it. Returns false when this page load is not a
   * callback. Only both parameters together make one: a page's own `?code=` is left alone.
   */
  #joinCallback(): boolean {
    const registry = oauthExchanges();
    if (!registry.callback) {
      const url = new URL(location.href);
      const { href, searchParams } = url;
      if (!searchParams.has('code') || !searchParams.has('state')) return false;
      history.replaceState(history.state, '', withoutCallback(url));
      registry.callback = Promise.resolve().then(() => {
        const { code } = readAuthCallback(href, takeState())!;
        return this.#exchange(code);
      });
    }
    this.#attempt(() => registry.callback!).catch(ignore);
    return true;
  }

  #exchange(code: string): Promise<UserInfo> {
    return exchangeOnce(code, () =>
      fetchUserInfo(code, { regionUrl: this.regionUrl, exchangeUrl: this.exchangeUrl, fetch: this.fetch } as FetchUserInfoOptions),
    );
  }

  /** Runs one attempt as the element's action: a user signs in; none means the page is leaving for the region. */
  #attempt(work: () => Promise<UserInfo | void>): Promise<UserInfo | undefined> {
    const t = this.t;
    return this.action.run<UserInfo | void, UserInfo | undefined>(work, {
      failed: t.signInFailed,
      done: (user) => (user ? t.signedInAs(user.name || user.userId) : t.redirecting),
      then: (user) => {
        if (!user) {
          this.#leaving = true;
          return undefined;
        }
        this.failure = undefined;
        this.user = user;
        return user;
      },
      event: (user) => (user ? new JuziAuthSuccessEvent({ user }) : undefined),
    }).catch((error: JuziError) => {
      this.failure = error;
      throw error;
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'juzi-auth': JuziAuth;
  }
}
