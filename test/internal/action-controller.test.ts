import { expect, fixture, html as testHtml } from '@open-wc/testing';
import { html, LitElement } from 'lit';
import { JuziError } from '../../src/bridge/index.js';
import { JuziSentEvent } from '../../src/events.js';
import { ActionController, type ActionOutcome } from '../../src/internal/action-controller.js';
import { rejection, tick } from '../helpers.js';

/** A deferred host answer the test settles by hand. */
function answer<T = void>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

const outcome = (extra: Partial<ActionOutcome<unknown, unknown>> = {}): ActionOutcome<unknown, unknown> => ({
  failed: 'Sending failed',
  done: 'Sent',
  event: () => new JuziSentEvent({ message: { msgtype: 'text', text: { content: 'row' } } }),
  ...extra,
});

/** A list whose every row acts through one controller, as the reply library does. */
class TestRows extends LitElement {
  readonly action = new ActionController(this, (error) => `because ${error.code}`);
  rows = ['a', 'b'];

  override render() {
    return html`<ul>
        ${this.rows.map((row) => html`<li data-row=${row}>${row}: ${this.action.state(row)?.status ?? 'idle'}</li>`)}
      </ul>
      <p role="status">${this.action.announcement}</p>`;
  }
}
customElements.define('test-action-rows', TestRows);

const rowText = (el: TestRows, row: string) => el.shadowRoot!.querySelector(`[data-row="${row}"]`)!.textContent!.trim();
const announced = (el: TestRows) => el.shadowRoot!.querySelector('[role="status"]')!.textContent!.trim();

describe('ActionController', () => {
  let el: TestRows;
  beforeEach(async () => {
    el = await fixture<TestRows>(testHtml`<test-action-rows lang="en"></test-action-rows>`);
  });

  it('is busy while the work is pending, and shows each row its own state', async () => {
    const host = answer();
    const run = el.action.run(() => host.promise, outcome(), 'a');
    expect(el.action.busy).to.be.true;
    expect(el.action.pendingKey).to.equal('a');
    await el.updateComplete;
    expect(rowText(el, 'a')).to.equal('a: pending');
    expect(rowText(el, 'b')).to.equal('b: idle');
    host.resolve();
    await run;
    await el.updateComplete;
    expect(el.action.busy).to.be.false;
    expect(rowText(el, 'a')).to.equal('a: done');
    expect(announced(el)).to.equal('Sent');
  });

  it('runs one action at a time: a second run, of any row, joins the pending one', async () => {
    const host = answer<string>();
    let calls = 0;
    const first = el.action.run(() => (calls++, host.promise), outcome(), 'a');
    const second = el.action.run(() => (calls++, Promise.resolve('other')), outcome(), 'b');
    expect(second).to.equal(first);
    host.resolve('first');
    expect(await second).to.equal('first');
    expect(calls).to.equal(1);
    expect(el.action.state('b')).to.be.undefined;
  });

  it('keeps the outcome of every row: one sent, one failed with its error', async () => {
    await el.action.run(() => Promise.resolve(), outcome(), 'a');
    const error = await rejection(
      el.action.run(() => Promise.reject(new JuziError('timeout', 'sendChatMessage')), outcome(), 'b'),
    );
    await el.updateComplete;
    expect(rowText(el, 'a')).to.equal('a: done');
    expect(rowText(el, 'b')).to.equal('b: failed');
    expect(el.action.state('b')).to.deep.equal({ status: 'failed', error });
    expect(announced(el)).to.equal('Sending failed: because timeout');
    el.action.clear();
    await el.updateComplete;
    expect([rowText(el, 'a'), rowText(el, 'b')]).to.deep.equal(['a: idle', 'b: idle']);
  });

  it('is ready again when the outcome event fires, so a listener can act at once', async () => {
    let busyWhenSent: boolean | undefined;
    el.addEventListener('juzi-sent', () => (busyWhenSent = el.action.busy));
    await el.action.run(() => Promise.resolve(), outcome(), 'a');
    expect(busyWhenSent).to.equal(false);
  });

  it('reports a failure as juzi-error from the host, ready again, and rejects with the same error', async () => {
    const seen: { error: JuziError; busy: boolean }[] = [];
    el.addEventListener('juzi-error', (event) => seen.push({ error: event.detail.error, busy: el.action.busy }));
    const error = await rejection(el.action.run(() => Promise.reject(new JuziError('host-fail', 'x')), outcome()));
    expect(seen).to.deep.equal([{ error, busy: false }]);
  });

  it('labels what page code throws as invalid-params with the exception as cause, never host-fail', async () => {
    const thrown = new Error('navigation blocked');
    const error = await rejection(el.action.run(() => { throw thrown; }, outcome()));
    expect(error).to.include({ code: 'invalid-params', api: 'test-action-rows', cause: thrown });
    expect(error.errMsg).to.be.undefined;
    expect(error.issues).to.deep.equal([{ path: [], message: 'Error: navigation blocked' }]);
  });

  it('resolves with what `then` returns, after the work', async () => {
    expect(await el.action.run(() => Promise.resolve(2), outcome({ then: (value) => (value as number) * 10 }))).to.equal(20);
  });

  it('lets `before` cancel: nothing is called, reported or announced, and the row keeps its last state', async () => {
    await el.action.run(() => Promise.resolve(), outcome(), 'a');
    let calls = 0;
    let events = 0;
    el.addEventListener('juzi-sent', () => (events += 1));
    const run = el.action.run(() => (calls++, Promise.resolve()), outcome({ before: () => false }), 'a');
    expect(el.action.busy).to.be.false;
    expect(await run).to.be.undefined;
    expect([calls, events]).to.deep.equal([0, 0]);
    await el.updateComplete;
    expect(el.action.state('a')?.status).to.equal('done');
    expect(announced(el)).to.equal('Sent');
  });

  it('is pending while `before` runs, so a run started there joins this one', async () => {
    let inner: Promise<unknown> | undefined;
    let calls = 0;
    const run = el.action.run(
      () => (calls++, Promise.resolve('once')),
      outcome({
        before: () => {
          inner = el.action.run(() => (calls++, Promise.resolve('twice')), outcome());
          return true;
        },
      }),
    );
    expect(inner).to.equal(run);
    expect(await run).to.equal('once');
    expect(calls).to.equal(1);
  });

  it('aborts the signal it handed to the work when the element is removed', async () => {
    let signal: AbortSignal | undefined;
    const host = answer();
    const run = el.action.run((given) => ((signal = given), host.promise), outcome());
    await tick();
    expect(signal!.aborted).to.be.false;
    el.remove();
    expect(signal!.aborted).to.be.true;
    expect((signal!.reason as DOMException).name).to.equal('AbortError');
    host.resolve();
    await run;
  });

  it('reports nothing for a work that stopped because the element was removed', async () => {
    let events = 0;
    el.addEventListener('juzi-error', () => (events += 1));
    const run = el.action.run(
      (signal) => new Promise((_, reject) => signal.addEventListener('abort', () => reject(signal.reason))),
      outcome(),
      'a',
    );
    el.remove();
    let stopped: unknown;
    await run.catch((error: unknown) => (stopped = error));
    expect((stopped as DOMException).name).to.equal('AbortError');
    expect(events).to.equal(0);
    expect(el.action.state('a')).to.be.undefined;
    expect(el.action.busy).to.be.false;
  });
});
