import { css } from 'lit';

/**
 * The reply library. Public `--juzi-quick-replies-*` properties feed private `--_qr-*`
 * ones, which fall back to the shared tokens (so light and dark come from `hostStyles`).
 * Everything wraps or shrinks inside a 300px sidebar; the list scrolls on its own.
 */
export const quickRepliesStyles = css`
  :host {
    --_qr-height: var(--juzi-quick-replies-height, 420px);
    --_qr-bg: var(--juzi-quick-replies-background, var(--_surface));
    --_qr-row-hover: var(--juzi-quick-replies-row-hover-background, color-mix(in srgb, var(--_primary) 6%, transparent));
    --_qr-row-active: var(--juzi-quick-replies-row-active-background, color-mix(in srgb, var(--_primary) 14%, transparent));
    --_qr-thumb: var(--juzi-quick-replies-thumbnail-size, 40px);
    --_qr-radius: var(--juzi-quick-replies-radius, var(--_radius));
    /* Every row has this height (a title line and two lines of text), so a long list can be windowed. */
    --_qr-row-height: var(--juzi-quick-replies-row-height, 5.5em);
    display: block;
    min-width: 0;
    max-width: 100%;
  }
  .base {
    display: grid;
    gap: var(--_gap);
    min-width: 0;
    padding: var(--_gap);
    border: 1px solid var(--_border);
    border-radius: var(--_qr-radius);
    background: var(--_qr-bg);
  }
  .search {
    width: 100%;
    min-width: 0;
    min-height: 32px;
    padding: 4px 8px;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_fg);
    font: inherit;
  }
  .groups {
    display: flex;
    flex-wrap: wrap;
    gap: 4px;
  }
  .group {
    min-height: 28px;
    padding: 2px 10px;
    border: 1px solid var(--_border);
    border-radius: 999px;
    background: transparent;
    color: var(--_fg);
    font: inherit;
    font-size: 0.9em;
    cursor: pointer;
  }
  .group[aria-pressed='true'] {
    border-color: var(--_primary);
    background: var(--_primary);
    color: var(--_on-primary);
  }
  .list {
    position: relative;
    height: var(--_qr-height);
    min-width: 0;
    overflow-y: auto;
    overscroll-behavior: contain;
    border-top: 1px solid var(--_border);
  }
  .spacer {
    position: relative;
  }
  .row {
    position: absolute;
    left: 0;
    right: 0;
    display: flex;
    gap: var(--_gap);
    height: var(--_qr-row-height);
    padding: 0.5em 4px;
    overflow: hidden;
    border-bottom: 1px solid var(--_border);
    cursor: pointer;
  }
  .row:hover {
    background: var(--_qr-row-hover);
  }
  .row[aria-selected='true'] {
    background: var(--_qr-row-active);
    box-shadow: inset 3px 0 0 var(--_primary);
  }
  :host([disabled]) .row,
  :host([busy]) .row {
    cursor: default;
  }
  .thumbnail {
    flex: none;
    width: var(--_qr-thumb);
    height: var(--_qr-thumb);
    border-radius: 4px;
    object-fit: cover;
    background: var(--_border);
  }
  .body {
    display: flex;
    flex-direction: column;
    min-width: 0;
    flex: 1;
  }
  .head {
    display: flex;
    align-items: baseline;
    gap: 6px;
    min-width: 0;
    height: 1.5em;
    white-space: nowrap;
    overflow-wrap: normal;
  }
  .title {
    min-width: 0;
    overflow: hidden;
    text-overflow: ellipsis;
    font-weight: 600;
  }
  .badge {
    flex: none;
    max-width: 6em;
    overflow: hidden;
    text-overflow: ellipsis;
    padding: 0 4px;
    border: 1px solid var(--_border);
    border-radius: 4px;
    font-size: 0.8em;
    color: var(--_muted);
  }
  .row-status {
    flex: none;
    margin-left: auto;
    font-size: 0.85em;
  }
  .text {
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: 2;
    max-height: 3em;
    overflow: hidden;
    margin: 0;
    color: var(--_muted);
  }
  .text.row-status {
    font-size: 1em;
  }
  .row[data-state='sent'] .row-status {
    color: var(--_success);
  }
  .row[data-state='failed'] .row-status,
  .error {
    color: var(--_danger);
  }
  .notice {
    margin: 0;
    color: var(--_muted);
  }
  .error {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_gap);
    margin: 0;
  }
`;
