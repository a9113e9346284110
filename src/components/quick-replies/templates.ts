/**
 * Reply templates: `{{chat.name}}`, `{{chat.botName}}`, any other `ChatInfo` field as
 * `{{chat.<field>}}`, and `{{<key>}}` from the page's `vars`. Filling is plain string
 * work: a value is text wherever it lands (Lit renders it as text, the host sends it as
 * text), and a value put into a URL field is percent-encoded, so it can add to a URL's
 * path or query but never change its scheme or host.
 */
import type { ChatInfo, SendMessage } from '../../bridge/schemas.js';

/** What placeholders are filled from. */
export interface TemplateValues {
  /** The current chat, for `{{chat.<field>}}`. */
  chat?: ChatInfo | undefined;
  /** The page's own values, for `{{<key>}}`. */
  vars?: Readonly<Record<string, unknown>> | undefined;
}

/** A filled string and the placeholders that had no value (left in the text as written). */
export interface Filled<T> {
  value: T;
  missing: string[];
}

const PLACEHOLDER = /\{\{\s*([\w.-]+)\s*\}\}/g;

/** The message fields that hold a URL (or, for `page`, a mini-program path with a query). */
const URL_FIELDS = new Set(['url', 'link', 'imgUrl', 'iconUrl', 'page']);

/**
 * The value of one placeholder name, or undefined when it has none: `chat.x` reads the
 * chat's own field `x` only; any other name reads `vars`. Blank strings, null and
 * non-scalar values count as no value, so a customer never gets an empty greeting.
 */
export function placeholderValue(name: string, { chat, vars }: TemplateValues): string | undefined {
  const [source, key] = name.startsWith('chat.') ? [chat, name.slice(5)] : [vars, name];
  // Not Object.hasOwn: Chromium 90 and Safari 15 lack it (README "Browser support").
  if (!source || !Object.prototype.hasOwnProperty.call(source, key)) return undefined;
  const value = (source as Record<string, unknown>)[key];
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return typeof value === 'string' && value.trim() ? value : undefined;
}

/** The names of the placeholders in a string, in order, repeats included. */
export function placeholdersIn(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((m) => m[1]!);
}

/** Fills one string; `encode` percent-encodes each value (for URL fields). */
export function fillText(template: string, values: TemplateValues, encode = false): Filled<string> {
  const missing: string[] = [];
  const value = template.replace(PLACEHOLDER, (whole, name: string) => {
    const found = placeholderValue(name, values);
    if (found === undefined) {
      if (!missing.includes(name)) missing.push(name);
      return whole;
    }
    return encode ? encodeURIComponent(found) : found;
  });
  return { value, missing };
}

/** A placeholder without a value, and the message field it is in. */
export interface MissingValue {
  name: string;
  path: string[];
}

/**
 * Fills every string field of a message. `missing` names each placeholder without a
 * value and where it is; a caller must refuse to send then, since the text still holds `{{…}}`.
 */
export function fillMessage(message: SendMessage, values: TemplateValues): { value: SendMessage; missing: MissingValue[] } {
  const missing: MissingValue[] = [];
  const body = bodyOf(message);
  const filled: Record<string, unknown> = {};
  for (const [field, raw] of Object.entries(body)) {
    if (typeof raw !== 'string') {
      filled[field] = raw;
      continue;
    }
    const result = fillText(raw, values, URL_FIELDS.has(field));
    filled[field] = result.value;
    for (const name of result.missing) missing.push({ name, path: [message.msgtype, field] });
  }
  return { value: { ...message, [message.msgtype]: filled } as SendMessage, missing };
}

/** True when the message reads the chat, so a send must wait for the chat to be known. */
export function readsChat(message: SendMessage): boolean {
  return Object.values(bodyOf(message)).some((v) => typeof v === 'string' && placeholdersIn(v).some((n) => n.startsWith('chat.')));
}

function bodyOf(message: SendMessage): Record<string, unknown> {
  return (message as unknown as Record<string, Record<string, unknown>>)[message.msgtype] ?? {};
}
