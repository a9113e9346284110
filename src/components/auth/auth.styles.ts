import { css } from 'lit';

/**
 * Maps the public `--juzi-auth-*` properties onto the shared button tokens (left unset,
 * `buttonStyles` falls back to `--juzi-color-primary` and `--juzi-color-on-primary`);
 * signed in, the button leaves the layout and the accessibility tree.
 */
export const authStyles = css`
  :host {
    --_button-bg: var(--juzi-auth-background);
    --_button-fg: var(--juzi-auth-color);
  }
  :host([status='signed-in']) .button {
    display: none;
  }
  .error {
    margin: 0 0 4px;
    color: var(--_danger);
  }
  .name {
    font-weight: 600;
  }
`;
