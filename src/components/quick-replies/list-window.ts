/**
 * Which rows of a long list of fixed-height rows to put in the DOM: those in the
 * scrolled viewport plus a few either side, so scrolling a little never shows a gap.
 * Rows outside it are only the height of a spacer.
 */
export interface ListWindow {
  /** Index of the first row rendered. */
  first: number;
  /** Index after the last row rendered. */
  end: number;
}

/** Rows rendered beyond each edge of the viewport. */
export const OVERSCAN = 4;

export function listWindow(scrollTop: number, viewport: number, rowHeight: number, count: number): ListWindow {
  if (count <= 0 || !(rowHeight > 0)) return { first: 0, end: Math.min(count, 1) };
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - OVERSCAN);
  const end = Math.min(count, Math.ceil((scrollTop + Math.max(viewport, 0)) / rowHeight) + OVERSCAN);
  return { first: Math.min(first, end), end };
}
