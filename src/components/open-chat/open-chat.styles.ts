import { css } from 'lit';

/** Maps the public `--juzi-open-chat-*` properties onto the shared button tokens. */
export const openChatStyles = css`
  :host {
    --_button-bg: var(--juzi-open-chat-background, var(--_primary));
    --_button-fg: var(--juzi-open-chat-color, var(--_on-primary));
    --_button-radius: var(--juzi-open-chat-radius, var(--_radius));
  }
`;
