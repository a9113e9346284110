import { css } from 'lit';

/** Maps the public `--juzi-send-button-*` properties onto the shared button tokens. */
export const sendButtonStyles = css`
  :host {
    --_button-bg: var(--juzi-send-button-background, var(--_primary));
    --_button-fg: var(--juzi-send-button-color, var(--_on-primary));
    --_button-radius: var(--juzi-send-button-radius, var(--_radius));
  }
`;
