import { css } from 'lit';

export const imagePreviewStyles = css`
  :host {
    display: block;
    --_size: var(--juzi-image-preview-size, 64px);
    --_thumbnail-background: var(--juzi-image-preview-background, var(--_surface));
  }
  .base {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_gap);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .base[hidden] {
    display: none;
  }
  .item {
    display: block;
    /* Never wider than the sidebar, however large the page sets the size. */
    width: min(var(--_size), 100%);
  }
  .thumbnail {
    position: relative;
    display: flex;
    align-items: center;
    justify-content: center;
    width: 100%;
    aspect-ratio: 1 / 1;
    padding: 2px;
    overflow: hidden;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_thumbnail-background);
    color: var(--_muted);
    font: inherit;
    font-size: 12px;
    line-height: 1.25;
    cursor: zoom-in;
  }
  .thumbnail:hover {
    border-color: var(--_primary);
  }
  .thumbnail:focus-visible {
    outline: 2px solid var(--_primary);
    outline-offset: 2px;
  }
  .thumbnail[aria-disabled='true'] {
    opacity: 0.55;
    cursor: not-allowed;
    border-color: var(--_border);
  }
  :host([busy]) .thumbnail {
    cursor: progress;
  }
  .image {
    position: absolute;
    inset: 0;
    display: block;
    width: 100%;
    height: 100%;
    object-fit: cover;
  }
  .thumbnail.broken .image {
    display: none;
  }
  .label {
    overflow: hidden;
    overflow-wrap: anywhere;
    text-align: center;
  }
  .status:not(:empty) {
    margin-top: var(--_gap);
    color: var(--_danger);
  }
`;
