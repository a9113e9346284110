const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/**
 * A fresh `state` for one sign-in: 32 characters of `[A-Za-z0-9]` from
 * `crypto.getRandomValues` (browsers and Node 20). Bytes of 248 and up (the
 * largest multiple of 62 below 256) are drawn again, so every character is equally likely.
 */
export function createState(): string {
  let state = '';
  while (state.length < 32) {
    for (const byte of crypto.getRandomValues(new Uint8Array(32))) if (byte < 248) state += ALPHABET[byte % 62];
  }
  return state.slice(0, 32);
}
