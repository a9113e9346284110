/**
 * zod/mini checks for everything that crosses the host boundary: messages and
 * params on the way out (refused before the host is called), answers on the way in.
 */
import * as z from 'zod/mini';
import type { JuziIssue } from './errors.js';

const nonBlank = (what: string) =>
  z.string().check(z.refine((v) => v.trim() !== '', `${what} must not be blank`));

/** Only absolute http(s) URLs: never `javascript:`, `data:` or a relative path. */
export function isHttpUrl(value: string): boolean {
  if (!/^https?:\/\/[^\s]/i.test(value)) return false;
  try {
    new URL(value);
    return true;
  } catch {
    return false;
  }
}

const httpUrl = z.string().check(z.refine(isHttpUrl, 'must be an http(s) URL'));
const optionalText = z.optional(z.string());

const mediaBody = z.object({ url: httpUrl, title: optionalText });

export const TextMsg = z.object({ msgtype: z.literal('text'), text: z.object({ content: nonBlank('content') }) });
export const ImageMsg = z.object({ msgtype: z.literal('image'), image: mediaBody });
export const VideoMsg = z.object({ msgtype: z.literal('video'), video: mediaBody });
export const FileMsg = z.object({ msgtype: z.literal('file'), file: mediaBody });
export const NewsMsg = z.object({
  msgtype: z.literal('news'),
  news: z.object({ link: httpUrl, title: optionalText, desc: optionalText, imgUrl: z.optional(httpUrl) }),
});
export const MiniprogramMsg = z.object({
  msgtype: z.literal('miniprogram'),
  miniprogram: z.object({
    appid: nonBlank('appid'),
    title: nonBlank('title'),
    imgUrl: httpUrl,
    page: nonBlank('page'),
    desc: z.string(),
    iconUrl: httpUrl,
    officialAccountId: nonBlank('officialAccountId'),
  }),
});

/** The seed's `SendParams` union, checked field by field. */
export const SendMessageSchema = z.discriminatedUnion('msgtype', [
  TextMsg,
  ImageMsg,
  VideoMsg,
  FileMsg,
  NewsMsg,
  MiniprogramMsg,
]);
export type TextMsg = z.infer<typeof TextMsg>;
export type ImageMsg = z.infer<typeof ImageMsg>;
export type VideoMsg = z.infer<typeof VideoMsg>;
export type FileMsg = z.infer<typeof FileMsg>;
export type NewsMsg = z.infer<typeof NewsMsg>;
export type MiniprogramMsg = z.infer<typeof MiniprogramMsg>;
/** One message for `sendChatMessage`: exactly the host's `SendParams`. */
export type SendMessage = TextMsg | ImageMsg | VideoMsg | FileMsg | NewsMsg | MiniprogramMsg;
export type MsgType = SendMessage['msgtype'];

const idList = (what: string) =>
  z.union([nonBlank(what), z.array(nonBlank(what)).check(z.minLength(1, `${what} must not be empty`))]);

export const OpenEnterpriseChatSchema = z.object({
  userIds: idList('userIds'),
  externalUserIds: z.optional(idList('externalUserIds')),
  chatId: z.optional(nonBlank('chatId')),
});
export type OpenEnterpriseChatParams = z.input<typeof OpenEnterpriseChatSchema>;

export const PreviewImageSchema = z
  .object({
    urls: z.array(httpUrl).check(z.minLength(1, 'urls must not be empty')),
    current: z.optional(httpUrl),
  })
  .check(
    z.refine((v) => v.current === undefined || v.urls.includes(v.current), {
      message: 'current must be one of urls',
      path: ['current'],
    }),
  );
export type PreviewImageParams = z.input<typeof PreviewImageSchema>;

export const ContactSchema = z.object({ userId: nonBlank('userId') });
/** `sidebarAuth` answers a single-use OAuth code in `data.baseInfo.code`. */
export const SidebarAuthSchema = z.object({ data: z.object({ baseInfo: z.object({ code: nonBlank('code') }) }) });
export const ExternalChatSchema = z.object({ chatId: nonBlank('chatId') });

/** 0 single chat, 1 group chat; other numbers are kept and shown as unknown. */
export type ChatType = 0 | 1 | (number & {});
/** 1 offline, 2 online. */
export type BotStatus = 1 | 2 | (number & {});
/** 0 none, 1 WeChat, 2 WeCom, 3 official account, 4 WhatsApp. */
export type BotType = 0 | 1 | 2 | 3 | 4 | (number & {});

/** The current chat, normalised from the host's `getCurChatInfo` answer. */
export interface ChatInfo {
  /** Chat id (the host's `Id` or `id`). */
  id: string;
  name: string;
  type: ChatType;
  external: boolean;
  /** WeCom contact userId; single chats only. */
  wxUserId?: string;
  /** WeCom group chatId; group chats only. */
  wxChatId?: string;
  botId: string;
  botName: string;
  botStatus: BotStatus;
  botType: BotType;
  jzGroupId: string;
  jzUserId: string;
}

const optionalId = z.nullish(z.string());
const RawChatInfo = z.object({
  Id: optionalId,
  id: optionalId,
  name: z.string(),
  type: z.int(),
  external: z.boolean(),
  wxUserId: optionalId,
  wxChatId: optionalId,
  botId: z.string(),
  botName: z.string(),
  botStatus: z.int(),
  botType: z.int(),
  jzGroupId: z.string(),
  jzUserId: z.string(),
}).check(
  z.refine((v) => Boolean(v.Id || v.id), { message: 'Id or id must be a non-empty string', path: ['id'] }),
);

/**
 * Checks a `getCurChatInfo` answer and normalises it. Unknown fields are dropped.
 * `wxUserId` is kept only for single chats and `wxChatId` only for groups, since a
 * stale id from the previous chat can linger right after a switch.
 */
export function parseChatInfo(raw: unknown): { chat: ChatInfo } | { issues: JuziIssue[] } {
  const result = RawChatInfo.safeParse(raw);
  if (!result.success) return { issues: toIssues(result.error.issues) };
  const { Id, id, wxUserId, wxChatId, ...rest } = result.data;
  const chat: ChatInfo = { id: (id || Id) as string, ...rest };
  if (chat.type === 0 && wxUserId) chat.wxUserId = wxUserId;
  if (chat.type === 1 && wxChatId) chat.wxChatId = wxChatId;
  return { chat };
}

interface RawIssue {
  readonly code?: string;
  readonly path: readonly PropertyKey[];
  readonly message: string;
  readonly expected?: string;
  readonly options?: readonly unknown[];
  readonly values?: readonly unknown[];
}

/** zod/mini ships no message text; say what was expected instead of "Invalid input". */
export function toIssues(issues: readonly RawIssue[]): JuziIssue[] {
  return issues.map((issue) => {
    let message = issue.message;
    if (message === 'Invalid input' || !message) {
      if (issue.code === 'invalid_type') message = `expected ${issue.expected}`;
      else if (issue.options) message = `expected one of ${issue.options.map((o) => JSON.stringify(o)).join(', ')}`;
      else if (issue.values) message = `expected ${issue.values.map((o) => JSON.stringify(o)).join(' or ')}`;
      else message = 'invalid value';
    }
    return { path: [...issue.path], message };
  });
}
