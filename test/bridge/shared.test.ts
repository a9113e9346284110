import { expect } from '@open-wc/testing';
import { createBridge, getBridge, isJuziError, JuziBridge, JuziError } from '../../src/bridge/index.js';
import { createSimulatedHost } from '../../src/dev/index.js';
import { rejection } from '../helpers.js';

describe('shared bridge and options', () => {
  it('keeps one bridge on globalThis under Symbol.for, first writer wins', () => {
    const slot = globalThis as Record<symbol, unknown>;
    const key = Symbol.for('juzi-elements.bridge');
    const first = getBridge();
    expect(getBridge()).to.equal(first);
    expect(slot[key]).to.equal(first);
  });

  it('uses a bridge another copy of the bundle stored first', () => {
    const slot = globalThis as Record<symbol, unknown>;
    const key = Symbol.for('juzi-elements.bridge');
    const saved = slot[key];
    const other = createBridge();
    try {
      slot[key] = other;
      expect(getBridge()).to.equal(other);
    } finally {
      slot[key] = saved;
    }
  });

  it('configure() changes the timeout of a bridge already made', async () => {
    const host = createSimulatedHost({ faults: { getCurChatInfo: { kind: 'never' } } });
    const bridge = createBridge({ host, timeout: 5000 });
    bridge.configure({ timeout: 30 });
    const started = performance.now();
    expect((await rejection(bridge.getCurChatInfo())).code).to.equal('timeout');
    expect(performance.now() - started).to.be.below(3000);
  });

  it('configure() and createBridge() refuse a timeout that is not a positive number', () => {
    for (const timeout of [0, -1, Number.NaN, Infinity, '100' as unknown as number]) {
      expect(() => createBridge({ timeout })).to.throw(JuziError, /timeout/);
      expect(() => getBridge().configure({ readyTimeout: timeout })).to.throw(JuziError, /readyTimeout/);
    }
  });

  it('JuziError carries code, api and the host words, and is recognised across copies', () => {
    const error = new JuziError('host-fail', 'sendChatMessage', undefined, { errMsg: 'text content is empty' });
    expect(error).to.be.instanceOf(Error);
    expect(error).to.include({ name: 'JuziError', code: 'host-fail', api: 'sendChatMessage', errMsg: 'text content is empty' });
    expect(error.message).to.equal('sendChatMessage: host-fail (text content is empty)');
    const foreign = Object.assign(new Error('x'), { name: 'JuziError', code: 'timeout' });
    expect(isJuziError(error)).to.equal(true);
    expect(isJuziError(foreign)).to.equal(true);
    expect(isJuziError(new Error('x'))).to.equal(false);
    expect(isJuziError(Object.assign(new Error('x'), { name: 'JuziError' })), 'named so, but no code').to.equal(false);
    expect(isJuziError(Object.assign(new Error('x'), { code: 'timeout' })), 'a code, but another name').to.equal(false);
    expect(isJuziError({ name: 'JuziError', code: 'timeout', message: 'x' }), 'not an Error').to.equal(false);
    // Without host words or issues, the error has no such field at all (a copy or a log shows none).
    const bare = new JuziError('timeout', 'getCurChatInfo');
    expect(Object.keys(bare)).to.not.include.members(['errMsg']);
    expect(Object.keys(bare)).to.not.include.members(['issues']);
    expect(new JuziBridge()).to.be.instanceOf(JuziBridge);
  });
});
