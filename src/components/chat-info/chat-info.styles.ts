import { css } from 'lit';

/**
 * `.base > div` are the header and bot lines. An unset `--juzi-chat-info-background`
 * makes the background invalid, so transparent. The bot status is in words, after a
 * dot in the same colour.
 */
export const chatInfoStyles = css`
  :host {
    display: block;
  }
  .base {
    display: grid;
    gap: 4px;
    padding: var(--juzi-chat-info-padding, 8px 0);
    background: var(--juzi-chat-info-background);
  }
  .base > div {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 4px 8px;
  }
  [part='name'] {
    font-weight: 600;
    font-size: var(--juzi-chat-info-name-size, 1.1em);
  }
  [part~='badge'] {
    padding: 0 6px;
    border-radius: var(--_radius);
    background: var(--juzi-chat-info-badge-background, var(--_border));
    font-size: 0.85em;
    white-space: nowrap;
  }
  [part='bot'] {
    color: var(--_muted);
    font-size: 0.92em;
  }
  [data-status] {
    display: inline-flex;
    align-items: center;
    gap: 4px;
  }
  [data-status]::before {
    content: '';
    width: 8px;
    height: 8px;
    border-radius: 50%;
    background: currentColor;
  }
  [data-status='online'] {
    color: var(--_success);
  }
  [data-status='offline'] {
    color: var(--_danger);
  }
  .loading {
    display: flex;
    align-items: center;
    gap: 8px;
    color: var(--_muted);
  }
  .error {
    justify-items: start;
    color: var(--_danger);
  }
  .notice {
    margin: 0;
    color: var(--_muted);
    font-size: 0.92em;
  }
  .retry {
    min-height: 24px;
    padding: 0 8px;
  }
`;
