// The sign-in demo: <juzi-auth> in redirect mode against the region stand-in that the
// dev server mounts at /region, and in sidebar mode against the simulated host.
import { STATE_STORAGE_KEY, type JuziAuth } from '../src/components/auth/auth.js';
import '../src/define/auth.js';
import { installSimulatedHost } from '../src/dev/index.js';

const regionUrl = `${location.origin}/region`;

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const log = (line: string) => {
  $('log').textContent = `${(performance.now() / 1000).toFixed(2)}s ${line}\n${$('log').textContent ?? ''}`;
};

// Module code runs before the elements' first update, so they start with these set.
for (const id of ['redirect-auth', 'redirect-auth-en', 'sidebar-auth']) $<JuziAuth>(id).regionUrl = regionUrl;

// The real host gets each sidebarAuth code from the region; the simulated one asks the
// local stand-in for a fresh code before each answer.
const host = installSimulatedHost({
  latency: 150,
  authCode: async () => ((await (await fetch(`${regionUrl}/dev/code`, { method: 'POST' })).json()) as { code: string }).code,
});
host.onCall((call) => log(`host ${call.api} ${JSON.stringify(call.params)}`));

let failing = false;
$('sidebar-fail').addEventListener('click', () => {
  failing = !failing;
  host.setFault('sidebarAuth', failing ? { kind: 'fail' } : undefined);
  $('sidebar-fail-state').textContent = failing ? 'on' : 'off';
});

// A sign-in is pending in this tab, but the callback carries another state: state-mismatch.
// (Without a pending sign-in the element would leave the callback to the page.)
$('forged').addEventListener('click', () => {
  sessionStorage.setItem(STATE_STORAGE_KEY, `demo${Date.now()}`);
  location.assign(`?code=${'0'.repeat(32)}&state=forged`);
});

// A code someone already exchanged: the region answers -4, code-not-found.
$('reused').addEventListener('click', async () => {
  const { code } = (await (await fetch(`${regionUrl}/dev/code`, { method: 'POST' })).json()) as { code: string };
  await fetch(`${regionUrl}/api/v1/oauth/getUserInfo?code=${code}`);
  const state = `demo${Date.now()}`;
  sessionStorage.setItem(STATE_STORAGE_KEY, state); // as a sign-in started here would have
  location.assign(`?code=${code}&state=${state}`);
});

document.addEventListener('juzi-auth-success', ({ detail }) => {
  $('user').textContent = JSON.stringify(detail.user, null, 2);
  $('welcome').textContent = `Welcome back, ${detail.user.name ?? detail.user.userId}`;
  log(`event juzi-auth-success ${JSON.stringify(detail.user)}`);
});
document.addEventListener('juzi-error', ({ detail }) => log(`event juzi-error ${detail.error.message}`));
