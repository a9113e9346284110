import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { JuziError } from '../../bridge/errors.js';
import { JuziAuthSuccessEvent } from '../../events.js';
import { JuziButtonElement } from '../../internal/button-element.js';
import { exchangeCode, finishSignIn, startSignIn } from '../../oauth/redirect.js';
import { userInfoUrl, type FetchUserInfoOptions, type UserInfo } from '../../oauth/user-info.js';
import { authStyles } from './auth.styles.js';
import { StayController } from './stay-controller.js';

export { STATE_STORAGE_KEY } from '../../oauth/redirect.js';

/** How `<juzi-auth>` gets its code: a redirect to the region, or the host's `sidebarAuth` (JS-SDK toolbar). */
export type AuthMode = 'redirect' | 'sidebar';

/** What `<juzi-auth>` shows; also set as its `status` attribute for CSS. */
export type AuthStatus = 'signed-out' | 'signing-in' | 'signed-in' | 'error';

const ignore = () => {};

/**
 * Signs the agent in through the Juzi OAuth flow and shows who is signed in.
 *
 * `mode="redirect"` (default) sends the page to `{region-url}/oauth/connect/authorize`
 * with a fresh `state` kept in sessionStorage (`startSignIn`). When the page comes back
 * with `?code&state` and this tab has a sign-in pending, the element removes both from
 * the address bar (`history.replaceState`) before anything else, checks the state, and
 * exchanges the code exactly once per page, shared by every `<juzi-auth>` on it
 * (`finishSignIn`); a callback this tab did not start is left to the page. If the page is
 * still visible 3 s after `navigate()`, or comes back from the back-forward cache, the
 * element is signed-out again. `mode="sidebar"` asks the host's `sidebarAuth` for a code
 * instead, with no redirect. The code goes to `exchange-url` when set (the page's own
 * server, answering the region's JSON), else to the region's `getUserInfo`; an answer
 * takes at most 10 s. Once signed in, focus moves to the signed-in view when it was in
 * the element or nowhere, and the live region announces who signed in.
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
 * @csspart user - The signed-in view around the `signed-in` slot (focusable from script, focused after sign-in).
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

  /** The page's own exchange endpoint (gets `?code=`, answers the region's JSON; https, http only on localhost, or same-origin); wins over `region-url` for the exchange. */
  @property({ attribute: 'exchange-url' }) exchangeUrl?: string;

  /** `redirect` (default) or `sidebar` (the host's `sidebarAuth`, no redirect). */
  @property() mode: AuthMode = 'redirect';

  /** Starts signing in on connect; not on a callback (even a failed one), nor when `user` is set. */
  @property({ type: Boolean }) auto = false;

  /** Who is signed in: set by a successful sign-in; a page may set it to restore its own session. */
  @property({ attribute: false }) user?: UserInfo;

  /** Leaves the page for the authorize URL (default `location.assign`); replace it in tests or to open the URL elsewhere (the element is signed-out again if the page is still visible 3 s later). */
  navigate?: (url: string) => void;

  /** The fetch that exchanges the code; default `globalThis.fetch`, looked up at each call. */
  fetch?: typeof globalThis.fetch;

  /** The last failure, shown until the next attempt succeeds. */
  @state() private failure?: JuziError;

  /** Set once the page is on its way to the region; ends when the page is found to have stayed. */
  readonly #stay = new StayController(this, () => this.#stayed());

  /**
   * True while signing in, and once the page is on its way to the region until it leaves
   * or is found to have stayed (reflected as the `busy` attribute, for CSS).
   */
  override get busy(): boolean {
    return super.busy || this.#stay.watching;
  }

  /** What the element shows: `signed-out`, `signing-in`, `signed-in` or `error`. */
  get status(): AuthStatus {
    return this.busy ? 'signing-in' : this.user ? 'signed-in' : this.failure ? 'error' : 'signed-out';
  }

  /**
   * Signs in, as a click does. Sidebar mode resolves with the user; redirect mode
   * resolves undefined once `navigate()` has been called (the element shows "signing in"
   * until the page leaves, or is signed-out again if it stays), as does a disabled
   * element. Rejects with the JuziError that `juzi-error` reported.
   */
  signIn(): Promise<UserInfo | undefined> {
    if (this.disabled || this.#stay.watching) return Promise.resolve(undefined);
    return this.#attempt(
      this.mode === 'sidebar'
        ? async () => exchangeCode((await this.activeBridge.sidebarAuth()).code, this.#endpoint())
        : async () => {
            // A bad exchange-url is refused here, not after the round trip to the region.
            if (this.exchangeUrl) userInfoUrl(this.#endpoint());
            const url = startSignIn({ regionUrl: this.regionUrl as string, redirectUri: this.redirectUri });
            (this.navigate ?? ((to: string) => location.assign(to)))(url);
          },
    );
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // Started before the first render, so the first thing drawn is already "signing in";
    // after connect, so properties a page sets right after appending are in.
    if (!this.hasUpdated) {
      const callback = this.mode !== 'sidebar' && finishSignIn(this.#endpoint());
      if (callback) this.#attempt(() => callback).catch(ignore);
      else if (this.auto && !this.user) this.activate().catch(ignore);
    }
    this.setAttribute('status', this.status);
  }

  override render() {
    const { status, t, user } = this;
    return html`${status === 'error' ? html`<p part="error" class="error">${this.describeError(this.failure!)}</p>` : nothing}${
      user && status === 'signed-in'
        ? html`<span part="user" class="user" tabindex="-1"><slot name="signed-in"><span class="visually-hidden">${t.signedIn} </span><span part="name" class="name">${user.name || user.userId}</span></slot></span>`
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
    const described = error.code === 'storage-unavailable' ? this.t.storageUnavailable : super.describeError(error);
    // -5 and unlisted errcodes carry the region's own words; they are all the agent can act on.
    return error.code === 'unknown' && error.errMsg ? `${described} (${error.errMsg})` : described;
  }

  /** Where codes are exchanged, from the attributes. */
  #endpoint(): FetchUserInfoOptions {
    return { regionUrl: this.regionUrl, exchangeUrl: this.exchangeUrl, fetch: this.fetch } as FetchUserInfoOptions;
  }

  /** The page was sent to the region but is still here: offer the sign-in again. */
  #stayed(): void {
    this.failure = undefined;
    this.requestUpdate();
  }

  /** Moves focus to the signed-in view, unless the agent is busy elsewhere on the page. */
  async #focusSignedIn(): Promise<void> {
    const focused = document.activeElement;
    if (!this.matches(':focus-within') && focused && focused !== document.body) return;
    await this.updateComplete;
    this.shadowRoot?.querySelector<HTMLElement>('[part="user"]')?.focus();
  }

  /** Runs one attempt as the element's action: a user signs in; none means the page is leaving for the region. */
  #attempt(work: () => Promise<UserInfo | void>): Promise<UserInfo | undefined> {
    const t = this.t;
    return this.action.run<UserInfo | void, UserInfo | undefined>(work, {
      failed: t.signInFailed,
      done: (user) => (user ? t.signedInAs(user.name || user.userId) : t.redirecting),
      then: (user) => {
        if (!user) {
          this.#stay.watch(); // signing in until the page unloads, or is found to have stayed
          return undefined;
        }
        this.failure = undefined;
        this.user = user;
        void this.#focusSignedIn();
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
