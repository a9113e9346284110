/**
 * What `<juzi-devtools>` reads about the page, and the plain-text report it copies.
 * Reads only: no host call, nothing written.
 */
import type { ChatContext } from '../../bridge/bridge.js';
import { hostGlobals, type BridgeDiagnostics, type CallRecord, type HostGlobals } from '../../bridge/diagnostics.js';
import { VERSION } from '../../internal/version.js';

/** The page and client, as far as a page can see them. */
export interface PageEnvironment {
  url: string;
  userAgent: string;
  /** `WeCom 4.1.22`, `WeChat 8.0.50`, or undefined in a plain browser. */
  client?: string;
  iframe: boolean;
  globals: HostGlobals;
}

/** One `juzi-*` event that reached `document`. */
export interface SeenEvent {
  type: string;
  at: number;
  summary: string;
}

/** The client from the user agent: WeCom says `wxwork/<version>`, WeChat `MicroMessenger/<version>` (WeCom says both). */
export function clientOf(userAgent: string): string | undefined {
  const wecom = /wxwork\/([\w.]+)/i.exec(userAgent);
  if (wecom) return `WeCom ${wecom[1]}`;
  const wechat = /MicroMessenger\/([\w.]+)/i.exec(userAgent);
  return wechat ? `WeChat ${wechat[1]}` : undefined;
}

export function readEnvironment(): PageEnvironment {
  let iframe: boolean;
  try {
    iframe = window.self !== window.top;
  } catch {
    iframe = true; // a cross-origin parent
  }
  const userAgent = navigator.userAgent;
  const client = clientOf(userAgent);
  return { url: location.href, userAgent, ...(client && { client }), iframe, globals: hostGlobals() };
}

/** JSON for display; never throws (cycles, BigInt, throwing getters), long values cut. */
export function toJson(value: unknown, max = 2000): string {
  let text: string | undefined;
  try {
    text = JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v instanceof Error ? `${v.name}: ${v.message}` : v));
  } catch (error) {
    text = `(not JSON: ${String(error)})`;
  }
  text ??= String(value);
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/** `12:03:04.567`, local time. */
export function clock(at: number): string {
  const date = new Date(at);
  return `${date.toTimeString().slice(0, 8)}.${String(date.getMilliseconds()).padStart(3, '0')}`;
}

/** `ok`, `host-fail: <host words>`, `timeout, late after 12000 ms`, … */
export function describeCall(call: CallRecord): string {
  const parts = [call.outcome === 'pending' ? 'pending' : `${call.outcome}${call.ms === undefined ? '' : ` ${call.ms} ms`}`];
  if (call.errMsg) parts.push(`errMsg: ${call.errMsg}`);
  if (call.late) parts.push(`LATE answer after ${call.lateMs ?? '?'} ms`);
  return parts.join(', ');
}

/** When the chat was last read fine, from the recorded calls. */
export function lastChatRead(calls: readonly CallRecord[]): number | undefined {
  for (let i = calls.length - 1; i >= 0; i--) {
    const call = calls[i]!;
    if (call.api === 'getCurChatInfo' && call.outcome === 'ok') return call.startedAt + (call.ms ?? 0);
  }
  return undefined;
}

const yes = (value: boolean) => (value ? 'yes' : 'no');

/** One plain-text report of everything the panel shows, newest calls and events first, for a bug report. */
export function buildReport(
  diagnostics: BridgeDiagnostics<ChatContext>,
  env: PageEnvironment,
  events: readonly SeenEvent[],
  hints: readonly string[],
): string {
  const { host, listen, context, calls } = diagnostics;
  const read = lastChatRead(calls);
  const lines = [
    `juzi-elements ${VERSION} devtools report, ${new Date().toISOString()}`,
    '',
    '## Environment',
    `page: ${env.url}`,
    `user agent: ${env.userAgent}`,
    `client: ${env.client ?? 'plain browser'}`,
    `iframe: ${yes(env.iframe)}`,
    `host: ${host.found ? `found via ${host.via}` : 'not found'}, isJuziWx: ${yes(host.isJuziWx)}`,
    `globals: wx ${yes(env.globals.wx)} (patched ${yes(env.globals.wxPatched)}), juziWx ${yes(env.globals.juziWx)}, jweixin ${yes(env.globals.jssdk)}`,
    `listen: armed ${yes(listen.armed)}, fired ${listen.fired}`,
    ...hints.map((hint) => `hint: ${hint}`),
    '',
    '## Context',
    `status: ${context.status}`,
    `chat: ${context.chat ? toJson(context.chat) : '-'}`,
    ...(context.error ? [`error: ${context.error.code}: ${context.error.message}`] : []),
    `last read: ${read === undefined ? 'never' : new Date(read).toISOString()}`,
    '',
    `## Calls (${calls.length}, newest first)`,
    ...[...calls].reverse().flatMap((call) => [
      `#${call.id} ${clock(call.startedAt)} ${call.api}: ${describeCall(call)}`,
      `  params: ${toJson(call.params)}`,
      ...(call.answer === undefined ? [] : [`  answer: ${toJson(call.answer)}`]),
      ...(call.message && call.outcome !== 'ok' ? [`  message: ${call.message}`] : []),
    ]),
    '',
    `## Events (${events.length}, newest first)`,
    ...[...events].reverse().map((event) => `${clock(event.at)} ${event.type} ${event.summary}`),
  ];
  return `${lines.join('\n')}\n`;
}
