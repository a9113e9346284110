const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const STATE_LENGTH = 32;
/** The largest multiple of 62 below 256: bytes at or above it are drawn again, so every character is equally likely. */
const UNBIASED_LIMIT = 256 - (256 % ALPHABET.length);

/** The host allows `state` of `[A-Za-z0-9]`, at most 128 bytes. */
export const STATE_PATTERN = /^[A-Za-z0-9]{1,128}$/;

/**
 * A fresh `state` for one sign-in: 32 characters of `[A-Za-z0-9]` from
 * `crypto.getRandomValues` (browsers and Node 20).
 */
export function createState(): string {
  let state = '';
  const bytes = new Uint8Array(STATE_LENGTH * 2);
  while (state.length < STATE_LENGTH) {
    globalThis.crypto.getRandomValues(bytes);
    for (const byte of bytes) {
      if (byte < UNBIASED_LIMIT && state.length < STATE_LENGTH) state += ALPHABET[byte % ALPHABET.length];
    }
  }
  return state;
}
