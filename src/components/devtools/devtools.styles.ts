import { css } from 'lit';

/**
 * Fixed in a corner, above the page, and all inside the shadow root: nothing here can
 * reach the page's own markup. The panel fits a 300px sidebar and scrolls inside itself.
 */
export const devtoolsStyles = css`
  :host {
    position: fixed;
    z-index: var(--juzi-devtools-z-index, 2147483000);
    right: 8px;
    bottom: 8px;
    display: flex;
    flex-direction: column;
    align-items: flex-end;
    gap: 6px;
    max-width: calc(100vw - 16px);
    font-size: 12px;
  }
  :host([position^='top']) {
    top: 8px;
    bottom: auto;
    flex-direction: column-reverse;
  }
  :host([position$='left']) {
    left: 8px;
    right: auto;
    align-items: flex-start;
  }
  button {
    font: inherit;
    color: inherit;
    cursor: pointer;
  }
  .toggle {
    padding: 4px 10px;
    border: 1px solid var(--_border);
    border-radius: 999px;
    background: var(--_surface);
    box-shadow: 0 1px 4px #0003;
  }
  .panel {
    display: flex;
    flex-direction: column;
    width: var(--juzi-devtools-width, 300px);
    max-width: calc(100vw - 16px);
    max-height: var(--juzi-devtools-max-height, 70vh);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    box-shadow: 0 2px 12px #0004;
  }
  .header {
    display: flex;
    align-items: center;
    gap: 4px;
    padding: 4px 4px 4px 8px;
    border-bottom: 1px solid var(--_border);
  }
  h2 {
    flex: 1;
    margin: 0;
    font-size: 12px;
  }
  .icon {
    min-width: 28px;
    min-height: 28px;
    border: 0;
    border-radius: var(--_radius);
    background: none;
  }
  .body {
    overflow: auto;
    padding: 0 8px 8px;
  }
  .section {
    border-bottom: 1px solid var(--_border);
    padding: 4px 0;
  }
  summary {
    cursor: pointer;
    font-weight: 600;
  }
  .call summary,
  .event {
    font-weight: normal;
  }
  .table {
    display: grid;
    grid-template-columns: minmax(72px, max-content) 1fr;
    gap: 2px 8px;
    margin: 4px 0;
  }
  dt {
    color: var(--_muted);
  }
  dd {
    margin: 0;
    min-width: 0;
  }
  .log {
    margin: 4px 0;
    padding: 0;
    list-style: none;
  }
  .log > li {
    padding: 2px 0;
    border-top: 1px dashed var(--_border);
  }
  .call dl {
    margin: 4px 0 4px 8px;
  }
  pre {
    margin: 0;
    font: 11px/1.4 ui-monospace, monospace;
    white-space: pre-wrap;
  }
  .muted {
    color: var(--_muted);
  }
  .badge {
    padding: 0 4px;
    border-radius: var(--_radius);
    border: 1px solid currentColor;
    white-space: nowrap;
  }
  .ok {
    color: var(--_success);
  }
  .fail,
  .late {
    color: var(--_danger);
  }
  .late {
    font-weight: 600;
  }
  .hint {
    margin: 4px 0;
    padding: 4px 6px;
    border-left: 3px solid var(--_primary);
  }
  .button {
    margin: 4px 0;
    padding: 2px 10px;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  textarea {
    width: 100%;
    font: 11px/1.4 ui-monospace, monospace;
  }
`;
