import { css } from 'lit';

/**
 * Shared host styles and design tokens. Each public `--juzi-*` property feeds a
 * private `--_*` one, so a page can theme every element at once or one at a time.
 *
 * - `overflow-wrap: anywhere` (inherited): long names, ids and labels wrap inside a
 *   300px sidebar instead of overflowing it.
 * - The dark scheme overrides only the colours that differ; radius, gap and on-primary stay.
 * - One `:focus-visible` ring for everything focusable in every element.
 */
export const hostStyles = css`
  :host {
    --_fg: var(--juzi-color-text, #1f2329);
    --_muted: var(--juzi-color-text-muted, #5c626b);
    --_surface: var(--juzi-color-surface, #ffffff);
    --_border: var(--juzi-color-border, #d0d3d6);
    --_primary: var(--juzi-color-primary, #0958d9);
    --_on-primary: var(--juzi-color-on-primary, #ffffff);
    --_success: var(--juzi-color-success, #1d6b0a);
    --_danger: var(--juzi-color-danger, #b42318);
    --_radius: var(--juzi-radius, 6px);
    --_gap: var(--juzi-space, 8px);
    font-family: var(--juzi-font-family, system-ui, -apple-system, 'PingFang SC', 'Microsoft YaHei', sans-serif);
    font-size: var(--juzi-font-size, 14px);
    line-height: 1.5;
    color: var(--_fg);
    box-sizing: border-box;
    overflow-wrap: anywhere;
  }
  @media (prefers-color-scheme: dark) {
    :host {
      --_fg: var(--juzi-color-text, #eceef0);
      --_muted: var(--juzi-color-text-muted, #a9afb7);
      --_surface: var(--juzi-color-surface, #1f2329);
      --_border: var(--juzi-color-border, #454b53);
      --_primary: var(--juzi-color-primary, #1d63d8);
      --_success: var(--juzi-color-success, #7ccf62);
      --_danger: var(--juzi-color-danger, #ff8a80);
    }
  }
  :host([hidden]) {
    display: none !important;
  }
  *,
  ::before,
  ::after {
    box-sizing: inherit;
  }
  :focus-visible {
    outline: 2px solid var(--_primary);
    outline-offset: 2px;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;

/**
 * The one button look shared by the acting elements (and chat-info's retry). An
 * element may set the private `--_button-bg`, `--_button-fg` and `--_button-radius`
 * (from its public `--juzi-<element>-*` properties); unset, they fall back to the tokens.
 */
export const buttonStyles = css`
  .button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 6px;
    min-height: 32px;
    max-width: 100%;
    padding: 4px 14px;
    border: 1px solid transparent;
    border-radius: var(--_button-radius, var(--_radius));
    background: var(--_button-bg, var(--_primary));
    color: var(--_button-fg, var(--_on-primary));
    font: inherit;
    text-align: center;
    cursor: pointer;
  }
  .button:disabled {
    opacity: 0.55;
    cursor: not-allowed;
  }
  :host([busy]) .button {
    cursor: progress;
  }
  .spinner {
    flex: none;
    width: 1em;
    height: 1em;
    border: 2px solid;
    border-right-color: transparent;
    border-radius: 50%;
    animation: juzi-spin 0.8s linear infinite;
  }
  @media (prefers-reduced-motion: reduce) {
    .spinner {
      animation-duration: 2.4s;
    }
  }
  @keyframes juzi-spin {
    to {
      transform: rotate(360deg);
    }
  }
`;
