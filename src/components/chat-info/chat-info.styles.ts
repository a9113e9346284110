import { css } from 'lit';

export const chatInfoStyles = css`
  :host {
    display: block;
    --_bg: var(--juzi-chat-info-background, transparent);
    --_badge-bg: var(--juzi-chat-info-badge-background, color-mix(in srgb, var(--_primary) 12%, transparent));
  }
  .base {
    display: grid;
    gap: 4px;
    padding: var(--juzi-chat-info-padding, 8px 0);
    background: var(--_bg);
    min-width: 0;
  }
  .header,
  .bot {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 4px 8px;
    min-width: 0;
  }
  .name {
    font-weight: 600;
    font-size: var(--juzi-chat-info-name-size, 1.1em);
    overflow-wrap: anywhere;
    min-width: 0;
  }
  .badge {
    padding: 0 6px;
    border-radius: var(--_radius);
    background: var(--_badge-bg);
    color: var(--_fg);
    font-size: 0.85em;
    white-space: nowrap;
  }
  .bot {
    color: var(--_muted);
    font-size: 0.92em;
  }
  .status {
    display: inline-flex;
    align-items: center;
    gap: 4px;
  }
  .status::before {
    content: '';
    width: 8px;
    height: 8px;
    border-radius: 50%;
    background: var(--_muted);
  }
  .status[data-status='online'] {
    color: var(--_success);
  }
  .status[data-status='online']::before {
    background: var(--_success);
  }
  .status[data-status='offline'] {
    color: var(--_danger);
  }
  .status[data-status='offline']::before {
    background: var(--_danger);
  }
  .loading {
    display: flex;
    align-items: center;
    gap: 8px;
    color: var(--_muted);
  }
  .error {
    display: grid;
    gap: 6px;
    justify-items: start;
    color: var(--_danger);
  }
  .error p {
    margin: 0;
    overflow-wrap: anywhere;
  }
`;
