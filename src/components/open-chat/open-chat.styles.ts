import { css } from 'lit';

/**
 * Maps the public `--juzi-open-chat-*` properties onto the shared button tokens;
 * left unset, `buttonStyles` falls back to `--juzi-color-primary`, `--juzi-color-on-primary`
 * and `--juzi-radius`.
 */
export const openChatStyles = css`
  :host {
    --_button-bg: var(--juzi-open-chat-background);
    --_button-fg: var(--juzi-open-chat-color);
    --_button-radius: var(--juzi-open-chat-radius);
  }
`;
