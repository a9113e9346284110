import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { JuziError } from '../../bridge/errors.js';
import { JuziAuthSuccessEvent } from '../../events.js';
import { actionButtonStyles, BlankLabelController, renderActionButton } from '../../internal/action-button.js';
import { JuziActionElement, type ActionOutcome } from '../../internal/action-element.js';
import { buttonStyles, hostStyles } from '../../internal/styles.js';
import { OAUTH_API, oauthError } from '../../oauth/errors.js';
import { exchangeOnce, oauthExchanges } from '../../oauth/exchanges.js';
import { createState } from '../../oauth/state.js';
import { createAuthorizeUrl, readAuthCallback, withoutCallback } from '../../oauth/urls.js';
import { fetchUserInfo, type UserInfo } from '../../oauth/user-info.js';
import { authStyles } from './auth.styles.js';

/** How `<juzi-auth>` gets its code: a redirect to the region, or the host's `sidebarAuth` (JS-SDK toolbar). */
export type AuthMode = 'redirect' | 'sidebar';

/** What `<juzi-auth>` shows; also set as its `status` attribute for CSS. */
export type AuthStatus = 'signed-out' | 'signing-in' | 'signed-in' | 'error';

/** Where the `state` of a started redirect waits for the callback (per tab). */
export const STATE_STORAGE_KEY = 'juzi-elements.oauth-state';

const ignore = () => {};

function storageUnavailable(cause: unknown): JuziError {
  return oauthError(
    'unavailable',
    'unavailable (sessionStorage is blocked, e.g. private mode or site data off: the sign-in state cannot be kept across the redirect)',
    { cause },
  );
}

/** Keeps `state` for the callback; without it a forged callback could not be told apart. */
function keepState(value: string): void {
  try {
    globalThis.sessionStorage.setItem(STATE_STORAGE_KEY, value);
  } catch (cause) {
    throw storageUnavailable(cause);
  }
}

/** The kept `state`, removed as it is read: each one answers one callback. */
function takeState(): string | null {
  try {
    const storage = globalThis.sessionStorage;
    const value = storage.getItem(STATE_STORAGE_KEY);
    storage.removeItem(STATE_STORAGE_KEY);
    return value;
  } catch (cause) {
    throw storageUnavailable(cause);
  }
}

/** Whether a started redirect's `state` is still waiting for its callback. */
function stateIsKept(): boolean {
  try {
    return globalThis.sessionStorage.getItem(STATE_STORAGE_KEY) !== null;
  } catch {
    return false; // signIn() reports the blocked storage itself
  }
}

/**
 * This page without `code`, `state` and the fragment: a redirect URI must not carry a
 * fragment (RFC 6749 §3.1.2), and the region appends its own query to it.
 */
function defaultRedirectUri(): string {
  const url = withoutCallback(location.href);
  url.hash = '';
  return url.href;
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
 * @cssproperty --juzi-auth-radius - Button corner radius (default `--juzi-radius`).
 * @cssproperty --juzi-auth-gap - Space between the error sentence and the button (default 4px).
 * @cssproperty --juzi-auth-user-color - Text colour of the signed-in view (default `--juzi-color-text`).
 * @cssproperty --juzi-auth-error-color - Text colour of the error sentence (default `--juzi-color-danger`).
 *
 * @fires juzi-auth-success - The code was exchanged, with `{ user }`.
 * @fires juzi-error - Signing in failed, with `{ error }` (`state-mismatch`, `expired-code`, `network`, …); the element offers a retry.
 */
export class JuziAuth extends JuziActionElement {
  static override styles = [hostStyles, buttonStyles, actionButtonStyles, authStyles];

  static override shadowRootOptions = { ...JuziActionElement.shadowRootOptions, delegatesFocus: true };

  readonly #blankLabel = new BlankLabelController(this);

  /** The region's base URL (https; http only on localhost), e.g. `https://hub.juzibot.com`. */
  @property({ attribute: 'region-url' }) regionUrl?: string;

  /** Where the region sends the agent back; default this page without `code`, `state` and fragment. */
  @property({ attribute: 'redirect-uri' }) redirectUri?: string;

  /** The page's own exchange endpoint (gets `?code=`, answers the region's JSON); wins over `region-url` for the exchange. */
  @property({ attribute: 'exchange-url' }) exchangeUrl?: string;

  /** `redirect` (default) or `sidebar` (the host's `sidebarAuth`, no redirect). */
  @property() mode: AuthMode = 'redirect';

  /** Starts signing in on connect; not on a callback (even a failed one), nor after the back button from the region. */
  @property({ type: Boolean }) auto = false;

  /** Who is signed in: set by a successful sign-in; a page may set it to restore its own session. */
  @property({ attribute: false }) user?: UserInfo;

  /** Leaves the page for the authorize URL; replace it in tests or to open the URL elsewhere. */
  @property({ attribute: false }) navigate: (url: string) => void = (url) => location.assign(url);

  /** The fetch that exchanges the code; default `globalThis.fetch`, looked up at each call. */
  @property({ attribute: false }) fetch: typeof globalThis.fetch = (input, init) => globalThis.fetch(input, init);

  /** The last failure, shown until the next attempt succeeds. */
  @state() private failure?: JuziError;

  /** Set once the page is on its way to the region: the element stays busy until it unloads. */
  #redirecting = false;

  /** What the element shows: `signed-out`, `signing-in`, `signed-in` or `error`. */
  get status(): AuthStatus {
    if (this.busy) return 'signing-in';
    if (this.user) return 'signed-in';
    return this.failure ? 'error' : 'signed-out';
  }

  /**
   * Signs in, as a click does. Sidebar mode resolves with the user; redirect mode
   * resolves undefined once the page is leaving, as does a disabled element. Rejects
   * with the JuziError that `juzi-error` reported.
   */
  signIn(): Promise<UserInfo | undefined> {
    if (this.disabled || this.#redirecting) return Promise.resolve(undefined);
    if (this.pending) return this.pending as Promise<UserInfo | undefined>;
    if (this.mode === 'sidebar') return this.#attempt(() => this.#sidebarSignIn(), this.#signedInOutcome());
    return this.#attempt(() => this.#redirect(), {
      done: this.t.redirecting,
      failed: this.t.signInFailed,
      then: () => {
        this.#redirecting = true;
        this.busy = true;
        return undefined;
      },
    });
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('pageshow', this.#onPageShow);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('pageshow', this.#onPageShow);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // Started before the first render, so the first thing drawn is already "signing in";
    // after connect, so properties a page sets right after appending are in.
    if (!this.hasUpdated) this.#start();
    this.setAttribute('status', this.status);
  }

  override render() {
    const status = this.status;
    const t = this.t;
    const name = this.user ? this.user.name || this.user.userId : '';
    return html`
      ${status === 'error' && this.failure
        ? html`<p part="error" class="error">${this.describeError(this.failure)}</p>`
        : nothing}
      ${status === 'signed-in'
        ? html`<span part="user" class="user" tabindex="-1"
            ><slot name="signed-in"
              ><span class="visually-hidden">${t.signedIn} </span><span part="name" class="name">${name}</span></slot
            ></span
          >`
        : nothing}
      ${renderActionButton({
        label: status === 'error' ? t.retry : status === 'signing-in' ? t.signingIn : t.signIn,
        blankLabel: this.#blankLabel.blank,
        busy: this.busy,
        disabled: this.disabled,
        announcement: this.announcement,
        onClick: this.#handleClick,
      })}
    `;
  }

  protected override describeError(error: JuziError): string {
    if (error.api === OAUTH_API && error.code === 'unavailable') return this.t.storageUnavailable;
    const described = super.describeError(error);
    // -5 and unlisted errcodes carry the region's own words; they are all the agent can act on.
    return error.api === OAUTH_API && error.code === 'unknown' && error.errMsg ? `${described} (${error.errMsg})` : described;
  }

  // juzi-error has already told the page about a failure; the click has no one else to tell.
  #handleClick = (): void => void this.signIn().catch(ignore);

  /** A page restored from the back-forward cache never left: offer the sign-in again. */
  #onPageShow = (event: PageTransitionEvent): void => {
    if (!event.persisted || !this.#redirecting) return;
    this.#redirecting = false;
    this.busy = false;
    this.announcement = '';
  };

  #start(): void {
    const redirect = this.mode !== 'sidebar';
    if (redirect && this.#joinCallback()) return;
    if (!this.auto || this.disabled || this.user) return;
    // A state still waiting means this tab left for the region and came back without a
    // callback (the back button): sending the agent forward again would trap them.
    if (redirect && stateIsKept()) return;
    this.signIn().catch(ignore);
  }

  /**
   * Handles the redirect back, once per page load: the first element takes `code` and
   * `state` out of the address bar and starts the exchange; any later one joins it.
   * Returns false when this page load is not a callback. Only both parameters together
   * make a callback: a page's own `?code=` (a product code, a campaign) is left alone.
   */
  #joinCallback(): boolean {
    const registry = oauthExchanges();
    if (!registry.callback) {
      const here = new URL(location.href);
      if (!here.searchParams.has('code') || !here.searchParams.has('state')) return false;
      // Before anything that can fail or wait: a reload, a copied link or the history must never replay the code.
      history.replaceState(history.state, '', withoutCallback(here).href);
      registry.callback = this.#verifyAndExchange(here.href);
      registry.callback.catch(ignore);
    }
    const callback = registry.callback;
    this.#attempt(() => callback, this.#signedInOutcome()).catch(ignore);
    return true;
  }

  async #verifyAndExchange(href: string): Promise<UserInfo> {
    const callback = readAuthCallback(href, takeState());
    if (!callback) throw oauthError('invalid-code', 'invalid-code (the callback carries no code)');
    const { code } = callback;
    return exchangeOnce(code, () => this.#exchange(code));
  }

  async #sidebarSignIn(): Promise<UserInfo> {
    const { code } = await this.activeBridge.sidebarAuth();
    return exchangeOnce(code, () => this.#exchange(code));
  }

  #exchange(code: string): Promise<UserInfo> {
    const endpoint = this.exchangeUrl ? { exchangeUrl: this.exchangeUrl } : { regionUrl: this.regionUrl as string };
    return fetchUserInfo(code, { ...endpoint, fetch: this.fetch });
  }

  async #redirect(): Promise<void> {
    const state = createState();
    const url = createAuthorizeUrl({
      regionUrl: this.regionUrl as string,
      redirectUri: this.redirectUri || defaultRedirectUri(),
      state,
    });
    keepState(state);
    try {
      this.navigate(url);
    } catch (cause) {
      throw oauthError('unknown', `unknown (could not open the sign-in page: ${String(cause)})`, { cause });
    }
  }

  /** Runs one attempt through `exclusive`, remembering its failure for the error view. */
  #attempt<T, R>(work: () => Promise<T>, outcome: ActionOutcome<T, R>): Promise<R> {
    return this.exclusive(work, outcome).catch((error: JuziError) => {
      this.failure = error;
      throw error;
    });
  }

  #signedInOutcome(): ActionOutcome<UserInfo, UserInfo> {
    return {
      done: this.t.signedIn,
      failed: this.t.signInFailed,
      then: (user) => {
        // Signed in, the focused button disappears; keep the keyboard user's place on what replaced it.
        const hadFocus = this.shadowRoot?.activeElement != null;
        this.failure = undefined;
        this.user = user;
        this.announcement = this.t.signedInAs(user.name || user.userId);
        if (hadFocus) this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('.user')?.focus(), ignore);
        this.emit(new JuziAuthSuccessEvent({ user }));
        return user;
      },
    };
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'juzi-auth': JuziAuth;
  }
}
