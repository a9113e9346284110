import { css } from 'lit';

/**
 * Maps the public `--juzi-send-button-*` properties onto the shared button tokens;
 * left unset, `buttonStyles` falls back to `--juzi-color-primary`, `--juzi-color-on-primary`
 * and `--juzi-radius`.
 */
export const sendButtonStyles = css`
  :host {
    --_button-bg: var(--juzi-send-button-background);
    --_button-fg: var(--juzi-send-button-color);
    --_button-radius: var(--juzi-send-button-radius);
  }
`;
