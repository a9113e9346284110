import { css } from 'lit';

/** Maps the public `--juzi-auth-*` properties onto the shared button tokens, and lays out the states. */
export const authStyles = css`
  :host {
    display: inline-flex;
    flex-direction: column;
    align-items: flex-start;
    gap: var(--juzi-auth-gap, 4px);
    --_button-bg: var(--juzi-auth-background, var(--_primary));
    --_button-fg: var(--juzi-auth-color, var(--_on-primary));
    --_button-radius: var(--juzi-auth-radius, var(--_radius));
  }
  /* Signed in, the button leaves the layout and the accessibility tree; the live region beside it stays. */
  :host([status='signed-in']) .button {
    display: none;
  }
  .user {
    display: inline-flex;
    align-items: center;
    gap: 6px;
    min-width: 0;
    color: var(--juzi-auth-user-color, var(--_fg));
    overflow-wrap: anywhere;
  }
  .user:focus-visible {
    outline: 2px solid var(--_primary);
    outline-offset: 2px;
  }
  .name {
    font-weight: 600;
  }
  .error {
    margin: 0;
    max-width: 100%;
    color: var(--juzi-auth-error-color, var(--_danger));
    overflow-wrap: anywhere;
  }
`;
