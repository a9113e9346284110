import { css } from 'lit';

/**
 * Elements are selected by tag: each is the only one of its kind in the shadow root.
 * A thumbnail is never wider than the sidebar, however large the page sets the size.
 */
export const imagePreviewStyles = css`
  :host {
    display: block;
  }
  ul {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_gap);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  ul[hidden] {
    display: none;
  }
  li {
    width: min(var(--juzi-image-preview-size, 64px), 100%);
  }
  button {
    position: relative;
    display: grid;
    place-items: center;
    width: 100%;
    aspect-ratio: 1;
    padding: 2px;
    overflow: hidden;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--juzi-image-preview-background, var(--_surface));
    color: var(--_muted);
    font: inherit;
    font-size: 12px;
    line-height: 1.25;
    cursor: zoom-in;
  }
  button:hover {
    border-color: var(--_primary);
  }
  button[aria-disabled='true'] {
    opacity: 0.55;
    cursor: not-allowed;
    border-color: var(--_border);
  }
  :host([busy]) button {
    cursor: progress;
  }
  img {
    position: absolute;
    inset: 0;
    width: 100%;
    height: 100%;
    object-fit: cover;
  }
  img.broken {
    display: none;
  }
  [role='status']:not(:empty) {
    margin-top: var(--_gap);
    color: var(--_danger);
  }
`;
