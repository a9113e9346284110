/**
 * The reply library's data: the `QuickReply` shape, its check (zod/mini), and what
 * each reply shows and is searched by.
 */
import * as z from 'zod/mini';
import type { JuziIssue } from '../../bridge/errors.js';
import { SendMessageSchema, toIssues, type SendMessage } from '../../bridge/schemas.js';

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

/** A library's check so far: the valid replies, what is wrong with the rest, and the ids seen. */
export interface LibraryCheck {
  replies: QuickReply[];
  issues: JuziIssue[];
  ids: Set<string>;
}

/**
 * Keeps the valid replies of `items[from, to)` and names what is wrong with each other
 * item: its index and field (`3.message.image.url: must be an http(s) URL`). A repeated `id`
 * is an issue too, since rows and their send state are keyed by it. Adds to `check`, so a
 * library can be checked a slice at a time.
 */
export function checkReplies(
  items: readonly unknown[],
  from = 0,
  to = items.length,
  check: LibraryCheck = { replies: [], issues: [], ids: new Set() },
): LibraryCheck {
  const { replies, issues, ids } = check;
  for (let index = from; index < to; index++) {
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
  return check;
}

/** What is wrong with one item, or undefined for a valid reply. */
function itemIssues(item: unknown): JuziIssue[] | undefined {
  try {
    const found = replyIssues(item);
    return found.length ? found : undefined;
  } catch (cause) {
    // A hostile item (a throwing getter) is just one more bad item.
    return [{ path: [], message: String(cause) }];
  }
}

/** What the schema finds wrong with one item (none for a valid reply), paths from the item. */
function replyIssues(item: unknown): JuziIssue[] {
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
