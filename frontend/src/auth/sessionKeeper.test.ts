import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { keepSession, type SessionKeeperOptions } from './sessionKeeper';

const MINUTE = 60_000;
const T0 = new Date('2026-12-01T01:00:00Z').getTime();

/** A session with a 5-minute token, a 30-minute idle limit and a 10-hour life, started at T0. */
function aSession(overrides: Partial<SessionKeeperOptions> = {}) {
  let expiresAt = T0 + 5 * MINUTE;
  const renew = vi.fn(async () => {
    expiresAt = Date.now() + 5 * MINUTE;
  });
  const onWarning = vi.fn();
  const onEnd = vi.fn();
  const keeper = keepSession({
    idleMs: 30 * MINUTE,
    maxMs: 10 * 60 * MINUTE,
    startedAt: T0,
    tokenExpiresAt: () => expiresAt,
    renew,
    onWarning,
    onEnd,
    ...overrides,
  });
  keeper.start();
  return { keeper, renew, onWarning, onEnd };
}

/** Moves the clock on, running the timers due meanwhile, and lets the renewals settle. */
async function after(ms: number) {
  await vi.advanceTimersByTimeAsync(ms);
}

describe('keeping a session through a working day', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(T0);
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('renews the expiring token of someone who worked since the last renewal', async () => {
    const { keeper, renew } = aSession();
    await after(2 * MINUTE);
    keeper.activity();
    await after(2.5 * MINUTE);
    keeper.tokenExpiring();
    await after(0);
    expect(renew).toHaveBeenCalledOnce();

    // Nothing done since that renewal: the next expiring token is not renewed.
    await after(4.5 * MINUTE);
    keeper.tokenExpiring();
    await after(0);
    expect(renew).toHaveBeenCalledOnce();
  });

  it('does not renew for a tab nobody touched, and renews at once when the person comes back', async () => {
    const { keeper, renew, onEnd } = aSession();
    await after(4.5 * MINUTE);
    keeper.tokenExpiring();
    expect(renew).not.toHaveBeenCalled();

    await after(10 * MINUTE);
    keeper.activity();
    expect(renew).toHaveBeenCalledOnce();
    // A burst of activity while the renewal runs asks once.
    keeper.activity();
    keeper.activity();
    await after(0);
    expect(renew).toHaveBeenCalledOnce();
    expect(onEnd).not.toHaveBeenCalled();
  });

  it('warns two minutes before the idle limit and ends the session at the limit', async () => {
    const { onWarning, onEnd } = aSession();
    await after(28 * MINUTE - 1);
    expect(onWarning).not.toHaveBeenCalled();
    await after(1);
    expect(onWarning).toHaveBeenCalledWith(T0 + 30 * MINUTE);
    expect(onEnd).not.toHaveBeenCalled();
    await after(2 * MINUTE);
    expect(onEnd).toHaveBeenCalledWith('idle');
    expect(onWarning).toHaveBeenLastCalledWith(null);
  });

  it('keeps warning through a stray touch, and goes on when the person chooses to', async () => {
    const { keeper, renew, onWarning, onEnd } = aSession();
    await after(29 * MINUTE);
    keeper.activity();
    expect(onWarning).toHaveBeenCalledTimes(1);
    expect(renew).not.toHaveBeenCalled();

    await keeper.keepWorking();
    expect(onWarning).toHaveBeenLastCalledWith(null);
    expect(renew).toHaveBeenCalledOnce();
    await after(27 * MINUTE);
    expect(onEnd).not.toHaveBeenCalled();
    await after(1 * MINUTE);
    expect(onWarning).toHaveBeenLastCalledWith(T0 + 59 * MINUTE);
  });

  it('ends the session when the identity provider refuses the refresh token', async () => {
    const { keeper, onEnd } = aSession({ renew: () => Promise.reject(new Error('invalid_grant')) });
    await after(MINUTE);
    keeper.activity();
    await after(3.5 * MINUTE);
    keeper.tokenExpiring();
    await after(0);
    expect(onEnd).toHaveBeenCalledWith('refused');
  });

  it('tries again later when a renewal fails for want of a network', async () => {
    const renew = vi.fn().mockRejectedValueOnce(new TypeError('Failed to fetch')).mockResolvedValue(undefined);
    const { keeper, onEnd } = aSession({ renew, isRefusal: (error) => !(error instanceof TypeError) });
    await after(6 * MINUTE);
    keeper.activity();
    await after(0);
    expect(onEnd).not.toHaveBeenCalled();
    keeper.activity();
    await after(0);
    expect(renew).toHaveBeenCalledTimes(2);
  });

  it('ends the session at its longest life, however active the person is', async () => {
    const { keeper, onEnd } = aSession({ maxMs: 60 * MINUTE });
    for (let minute = 0; minute < 59; minute += 1) {
      await after(MINUTE);
      keeper.activity();
    }
    expect(onEnd).not.toHaveBeenCalled();
    await after(MINUTE);
    expect(onEnd).toHaveBeenCalledWith('max');
  });

  it('ends the session rather than count the activity of someone back after the limit (a sleeping laptop)', async () => {
    const { keeper, renew, onEnd } = aSession();
    // The clock moves on while no timer ran.
    vi.setSystemTime(T0 + 45 * MINUTE);
    keeper.activity();
    expect(onEnd).toHaveBeenCalledWith('idle');
    expect(renew).not.toHaveBeenCalled();
  });

  it('remembers the activity of the tab before a reload', async () => {
    const { onEnd } = aSession({ lastActivity: T0 - 31 * MINUTE });
    await after(0);
    expect(onEnd).toHaveBeenCalledWith('idle');
  });

  it('does nothing more once stopped', async () => {
    const { keeper, renew, onWarning, onEnd } = aSession();
    keeper.stop();
    keeper.activity();
    await after(31 * MINUTE);
    keeper.tokenExpiring();
    expect(renew).not.toHaveBeenCalled();
    expect(onWarning).not.toHaveBeenCalled();
    expect(onEnd).not.toHaveBeenCalled();
  });
});
