/**
 * The reply library's data: the `QuickReply` shape, its check (zod/mini), and what
 * each reply shows and is searched by.
 */
import * as z from 'zod/mini';
import type { JuziIssue } from '../../bridge/errors.js';
import { isHttpUrl, SendMessageSchema, toIssues, type SendMessage } from '../../bridge/schemas.js';

/** One prepared reply. `message` is what is sent; a string is a text message. */
export interface QuickReply {
  /** Unique within the library. */
  id: string;
  /** The short name shown on the row. */
  title: string;
  /** The group the reply is listed under, e.g. 开场白. */
  group?: string;
  /** Extra words the search matches. */
  keywords?: string[];
  /** The message, with `{{chat.name}}`-style placeholders; a string is a text message. */
  message: SendMessage | string;
}

const nonBlank = z.string().check(z.refine((v) => v.trim() !== '', 'must not be blank'));

const ReplyFields = z.object({
  id: nonBlank,
  title: nonBlank,
  group: z.optional(z.string()),
  keywords: z.optional(z.array(z.string())),
  message: z.unknown(),
});

/** The message as sent: a string becomes a text message. */
export function messageOf(reply: QuickReply): SendMessage {
  return typeof reply.message === 'string' ? { msgtype: 'text', text: { content: reply.message } } : reply.message;
}

/**
 * Keeps the valid replies and names what is wrong with each other item: its index and
 * field (`3.message.image.url: must be an http(s) URL`). A repeated `id` is an issue too,
 * since rows and their send state are keyed by it.
 */
export function checkReplies(items: readonly unknown[]): { replies: QuickReply[]; issues: JuziIssue[] } {
  const replies: QuickReply[] = [];
  const issues: JuziIssue[] = [];
  const ids = new Set<string>();
  // A plain loop that allocates nothing for a valid item: this runs before a 10,000-reply library first shows.
  for (let index = 0; index < items.length; index++) {
    const item = items[index];
    const found = itemIssues(item);
    if (found) {
      for (const issue of found) issues.push({ path: [index, ...issue.path], message: issue.message });
      continue;
    }
    const { id } = item as QuickReply;
    if (ids.has(id)) issues.push({ path: [index, 'id'], message: 'repeats an earlier id' });
    else {
      ids.add(id);
      replies.push(item as QuickReply);
    }
  }
  return { replies, issues };
}

/** The schema's `trim() !== ''` without making a trimmed copy: `\s` is the very set `trim()` removes. */
const isNonBlank = (value: unknown) => typeof value === 'string' && /\S/.test(value);

/**
 * True for a reply the schema certainly accepts, decided by hand: a library of 10,000
 * replies is mostly text with some pictures and files, and zod's parse of each would cost
 * more than the first render. Anything else goes through the schema, which names the problem.
 */
function surelyValid(item: unknown): boolean {
  if (typeof item !== 'object' || item === null) return false;
  const { id, title, group, keywords, message } = item as Record<string, unknown>;
  return (
    isNonBlank(id) &&
    isNonBlank(title) &&
    (isNonBlank(message) || surelyValidMedia(message)) &&
    (group === undefined || typeof group === 'string') &&
    (keywords === undefined || (Array.isArray(keywords) && keywords.every((k) => typeof k === 'string')))
  );
}

/** An image, video or file message as the schema's `mediaBody` accepts it: an http(s) `url`, a text `title` if any. */
function surelyValidMedia(message: unknown): boolean {
  const type = (message as { msgtype?: unknown } | null)?.msgtype;
  if (type !== 'image' && type !== 'video' && type !== 'file') return false;
  const body = (message as Record<string, unknown>)[type] as { url?: unknown; title?: unknown } | null;
  return (
    typeof body === 'object' &&
    body !== null &&
    typeof body.url === 'string' &&
    isHttpUrl(body.url) &&
    (body.title === undefined || typeof body.title === 'string')
  );
}

/** What is wrong with one item, or undefined for a valid reply. */
function itemIssues(item: unknown): JuziIssue[] | undefined {
  try {
    if (surelyValid(item)) return undefined;
    const found = replyIssues(item);
    return found.length ? found : undefined;
  } catch (cause) {
    // A hostile item (a throwing getter) is just one more bad item.
    return [{ path: [], message: String(cause) }];
  }
}

/** What the schema finds wrong with one item (none for a valid reply), paths from the item. */
export function replyIssues(item: unknown): JuziIssue[] {
  const fields = ReplyFields.safeParse(item);
  if (!fields.success) return toIssues(fields.error.issues);
  const { message } = fields.data;
  if (typeof message === 'string') return message.trim() ? [] : [{ path: ['message'], message: 'must not be blank' }];
  const checked = SendMessageSchema.safeParse(message);
  return checked.success ? [] : toIssues(checked.error.issues).map((i) => ({ ...i, path: ['message', ...i.path] }));
}

/** The library from a fetched JSON document: an array, or `{ replies: [...] }`. */
export function libraryItems(json: unknown): unknown[] | undefined {
  if (Array.isArray(json)) return json;
  const replies = (json as { replies?: unknown } | null)?.replies;
  return Array.isArray(replies) ? replies : undefined;
}

/** The words of a message a row shows and the search reads (placeholders unfilled). */
export function messageText(message: SendMessage): string {
  switch (message.msgtype) {
    case 'text':
      return message.text.content;
    case 'news':
      return [message.news.title, message.news.desc].filter(Boolean).join(' · ');
    case 'miniprogram':
      return [message.miniprogram.title, message.miniprogram.desc].filter(Boolean).join(' · ');
    default: {
      const body = (message as unknown as Record<'image' | 'video' | 'file', { url: string; title?: string }>)[message.msgtype];
      return body.title || fileName(body.url);
    }
  }
}

/** The picture a row shows, if the message has one (not yet checked: see the element). */
export function thumbnailOf(message: SendMessage): string | undefined {
  if (message.msgtype === 'image') return message.image.url;
  if (message.msgtype === 'news') return message.news.imgUrl;
  if (message.msgtype === 'miniprogram') return message.miniprogram.imgUrl;
  return undefined;
}

function fileName(url: string): string {
  const last = url.split(/[?#]/)[0]!.split('/').filter(Boolean).pop() ?? url;
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}
