// The host adapter on its own: how one call settles, whatever the host does with its call-backs.
import { expect } from '@open-wc/testing';
import sinon from 'sinon';
import { callHost, callHostMethod, invokeHost, listenForSwitch, resolveHost, type HostCallback, type JuziHost } from '../../src/bridge/host.js';
import { rejection, tick } from '../helpers.js';

/** A call whose host keeps its call-backs, for the test to answer when it likes. */
function held(options: { timeout?: number; grace?: number; isSuccess?: (res: Record<string, unknown>) => boolean } = {}) {
  let ok!: HostCallback;
  let fail!: HostCallback;
  const late: unknown[] = [];
  const promise = callHost(
    'getCurChatInfo',
    options.timeout ?? 1000,
    (success, failure) => {
      ok = success;
      fail = failure;
    },
    options.isSuccess,
    (res) => late.push(res),
    options.grace,
  );
  return { promise, ok: (res: unknown) => ok(res as never), fail: (res: unknown) => fail(res as never), late };
}

describe('host adapter', () => {
  describe('callHost', () => {
    it('settles on the first call-back: a failure after success is ignored', async () => {
      const call = held();
      call.ok({ a: 1 });
      call.fail({ err_msg: 'late' });
      expect(await call.promise).to.deep.equal({ a: 1 });
      expect(call.late).to.deep.equal([]);
    });

    it('settles on the first call-back: a success after failure is ignored', async () => {
      const call = held();
      call.fail({ err_msg: 'getCurChatInfo:fail no chat' });
      call.ok({ a: 1 });
      const error = await rejection(call.promise);
      expect(error.code).to.equal('host-fail');
      expect(error.errMsg).to.equal('getCurChatInfo:fail no chat');
    });

    it('an answer the success test refuses is a host failure with the host words', async () => {
      const call = held({ isSuccess: (res) => res['err_msg'] === 'x:ok' });
      call.ok({ err_msg: 'x:fail nope' });
      const error = await rejection(call.promise);
      expect(error.code).to.equal('host-fail');
      expect(error.errMsg).to.equal('x:fail nope');
      expect(error.cause).to.deep.equal({ err_msg: 'x:fail nope' });
    });

    it('no answer is an empty answer; a non-object answer is invalid-response naming what came', async () => {
      const empty = held();
      empty.ok(undefined);
      expect(await empty.promise).to.deep.equal({});
      const none = held();
      none.ok(null);
      expect(await none.promise).to.deep.equal({});
      for (const [res, got] of [
        ['text', '"text"'],
        [[1], '[1]'],
        [7, '7'],
        [() => 1, 'function'],
      ] as const) {
        const call = held();
        call.ok(res);
        const error = await rejection(call.promise);
        expect(error.code).to.equal('invalid-response');
        expect(error.issues).to.deep.equal([{ path: [], message: `expected an object, got ${got}` }]);
      }
    });

    it('times out with the timeout named, then reports only the first late answer', async () => {
      const call = held({ timeout: 30 });
      const error = await rejection(call.promise);
      expect(error.code).to.equal('timeout');
      expect(error.message).to.contain('no answer within 30 ms');
      call.ok({ first: true });
      call.fail({ second: true });
      expect(call.late).to.deep.equal([{ first: true }]);
    });

    it('arms one timer for the calls in flight, and leaves none once their deadline has passed', async () => {
      const clock = sinon.useFakeTimers();
      try {
        const calls = [held({ timeout: 30 }), held({ timeout: 30 }), held({ timeout: 40 })];
        expect(clock.countTimers()).to.equal(1);
        for (const call of calls) call.ok({ a: 1 });
        await Promise.all(calls.map((call) => call.promise));
        await clock.tickAsync(30);
        expect(clock.countTimers()).to.equal(0);
      } finally {
        clock.restore();
      }
    });

    it('times each call out at its own deadline, a shorter one started after a longer one too', async () => {
      const clock = sinon.useFakeTimers();
      try {
        const long = held({ timeout: 100 });
        const short = held({ timeout: 30 });
        const later = held({ timeout: 60 });
        expect(clock.countTimers()).to.equal(1); // the short call's timer replaced the long one's
        const outcomes: string[] = [];
        for (const [name, call] of [['long', long], ['short', short], ['later', later]] as const) {
          call.promise.catch(() => outcomes.push(`${name} ${Date.now()}`));
        }
        await clock.tickAsync(29);
        expect(outcomes).to.deep.equal([]);
        await clock.tickAsync(1);
        expect(outcomes).to.deep.equal(['short 30']);
        await clock.tickAsync(70);
        expect(outcomes).to.deep.equal(['short 30', 'later 60', 'long 100']);
      } finally {
        clock.restore();
      }
    });

    it('a timeout still comes when the clock was swapped since the timer was armed (a fake clock in a test)', async () => {
      const before = held({ timeout: 60000 }); // armed on the real clock
      before.promise.catch(() => {});
      const clock = sinon.useFakeTimers({ now: Date.now() });
      try {
        const after = held({ timeout: 70000 }); // due after the real timer: only its own timer on this clock comes
        await clock.tickAsync(70000);
        expect((await rejection(after.promise)).code).to.equal('timeout');
      } finally {
        clock.restore();
      }
    });

    it('an answer after a timeout with nobody listening for late answers is ignored quietly', async () => {
      let ok!: HostCallback;
      const promise = callHost('getCurChatInfo', 20, (success) => (ok = success));
      expect((await rejection(promise)).code).to.equal('timeout');
      expect(() => ok({})).not.to.throw();
    });

    it('does not time out an answered call', async () => {
      const call = held({ timeout: 30 });
      call.ok({ a: 1 });
      await call.promise;
      await tick(60);
      call.ok({ again: true });
      expect(call.late).to.deep.equal([]);
    });

    it('with a grace, no answer by then is success; an answer before it is the answer', async () => {
      const silent = held({ timeout: 5000, grace: 30 });
      const started = performance.now();
      expect(await silent.promise).to.deep.equal({});
      expect(performance.now() - started).to.be.below(1000);
      silent.ok({ after: true });
      expect(silent.late).to.deep.equal([{ after: true }]);
      const quick = held({ timeout: 5000, grace: 30 });
      quick.ok({ before: true });
      expect(await quick.promise).to.deep.equal({ before: true });
    });

    it('a start that throws is a host failure carrying the error', async () => {
      const boom = new Error('no bridge');
      const error = await rejection(
        callHost('previewImage', 1000, () => {
          throw boom;
        }),
      );
      expect(error.code).to.equal('host-fail');
      expect(error.errMsg).to.equal('no bridge');
      expect(error.cause).to.equal(boom);
    });

    it('takes the host words from err_msg, else errMsg, else the value itself', async () => {
      const words = async (res: unknown) => {
        const call = held();
        call.fail(res);
        return (await rejection(call.promise)).errMsg;
      };
      expect(await words({ err_msg: 'a:fail x', errMsg: 'other' })).to.equal('a:fail x');
      expect(await words({ err_msg: 3, errMsg: 'jweixin words' })).to.equal('jweixin words');
      expect(await words({ errMsg: 4 })).to.equal(undefined);
      expect(await words('plain words')).to.equal('plain words');
      expect(await words(undefined)).to.equal(undefined);
      expect(await words(new Error('thrown'))).to.equal('thrown');
    });
  });

  describe('resolveHost', () => {
    it('takes an object, and nothing else, from a host function', () => {
      const host = { invoke() {} } as unknown as JuziHost;
      expect(resolveHost(() => host)).to.equal(host);
      expect(resolveHost(host)).to.equal(host);
      for (const value of [null, undefined, 'wx', 1, true]) expect(resolveHost(() => value as never)).to.equal(undefined);
    });
  });

  describe('invokeHost', () => {
    const invoking = (answer: unknown) =>
      ({ invoke: (_api: string, _params: object, cb: HostCallback) => cb(answer as never) }) as unknown as JuziHost;

    it('succeeds only on "<api>:ok", in err_msg or jweixin\'s errMsg', async () => {
      expect(await invokeHost(invoking({ err_msg: 'getCurExternalContact:ok', userId: 'u' }), 'getCurExternalContact', {}, 1000)).to.deep.equal({
        err_msg: 'getCurExternalContact:ok',
        userId: 'u',
      });
      expect(await invokeHost(invoking({ errMsg: 'getCurExternalContact:ok' }), 'getCurExternalContact', {}, 1000)).to.deep.equal({
        errMsg: 'getCurExternalContact:ok',
      });
      const error = await rejection(invokeHost(invoking({ err_msg: 'sendChatMessage:ok' }), 'getCurExternalContact', {}, 1000));
      expect(error.code).to.equal('host-fail');
      expect(error.api).to.equal('getCurExternalContact');
    });

    it('passes the api and params to invoke', async () => {
      const seen: unknown[] = [];
      const host = {
        invoke: (api: string, params: object, cb: HostCallback) => {
          seen.push(api, params);
          cb({ err_msg: `${api}:ok` });
        },
      } as unknown as JuziHost;
      await invokeHost(host, 'sendChatMessage', { msgtype: 'text' }, 1000);
      expect(seen).to.deep.equal(['sendChatMessage', { msgtype: 'text' }]);
    });
  });

  describe('callHostMethod', () => {
    it('calls the method on the host with the params and both call-backs', async () => {
      const selves: unknown[] = [];
      let options: Record<string, unknown> = {};
      const host = {
        previewImage(this: unknown, o: Record<string, unknown>) {
          selves.push(this);
          options = o;
          (o['fail'] as HostCallback)({ errMsg: 'previewImage:fail cancel' });
        },
      } as unknown as JuziHost;
      const error = await rejection(callHostMethod(host, 'previewImage', { urls: ['https://a/b.png'] }, 1000));
      expect(selves).to.deep.equal([host]);
      expect(options['urls']).to.deep.equal(['https://a/b.png']);
      expect(options['success']).to.be.a('function');
      expect(error.errMsg).to.equal('previewImage:fail cancel');
    });

    it('a host without the method is a host failure saying so', async () => {
      const error = await rejection(callHostMethod({} as JuziHost, 'openEnterpriseChat', {}, 1000));
      expect(error.code).to.equal('host-fail');
      expect(error.errMsg).to.equal('the host has no openEnterpriseChat()');
    });
  });

  describe('listenForSwitch', () => {
    it('hears the first answer only, and tells ok from not', () => {
      let answer!: HostCallback;
      const seen: boolean[] = [];
      const host = { invoke: (_api: string, _params: object, cb: HostCallback) => (answer = cb) } as unknown as JuziHost;
      expect(listenForSwitch(host, (ok) => seen.push(ok))).to.equal(true);
      answer({ err_msg: 'updateBaseInfo:ok' });
      answer({ err_msg: 'updateBaseInfo:ok' });
      expect(seen).to.deep.equal([true]);
      for (const res of [{ err_msg: 'updateBaseInfo:fail' }, 'updateBaseInfo:ok', null]) {
        listenForSwitch(host, (ok) => seen.push(ok));
        answer(res as never);
      }
      expect(seen).to.deep.equal([true, false, false, false]);
    });

    it('asks for a listen, and is false when the host throws', () => {
      const asked: unknown[] = [];
      const host = { invoke: (api: string, params: object) => asked.push(api, params) } as unknown as JuziHost;
      listenForSwitch(host, () => {});
      expect(asked).to.deep.equal(['updateBaseInfo', { reqType: 'listen' }]);
      const throwing = {
        invoke: () => {
          throw new Error('no');
        },
      } as unknown as JuziHost;
      expect(listenForSwitch(throwing, () => {})).to.equal(false);
    });
  });
});
