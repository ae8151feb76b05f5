/**
 * Keeps a signed-in session alive through a working day while the person works, and ends it when they leave.
 *
 * The access token lives a few minutes; shortly before it expires the keeper renews it (the refresh token grant),
 * but only when the person did something since the last renewal: a tab left open on a shared computer at the
 * commune office must not stay signed in all day. Some time before the idle limit it warns, and at the limit (or
 * at the session's longest life) it ends the session. Times are compared, not only counted by timers, because a
 * sleeping laptop or a background tab delays timers.
 */
export type SessionEnd = 'idle' | 'max' | 'refused';

/** The library says the token is expiring this long before it does (`accessTokenExpiringNotificationTimeInSeconds`). */
export const EXPIRING_NOTICE_SECONDS = 30;
/** How long before the idle limit the warning shows. */
export const WARNING_MS = 2 * 60_000;

export interface SessionKeeperOptions {
  idleMs: number;
  maxMs: number;
  /** When the person signed in (ms since the epoch): the session ends `maxMs` later. */
  startedAt: number;
  /** The last activity recorded in this tab before a reload, if any. */
  lastActivity?: number;
  /** When the access token expires (ms since the epoch), if known. */
  tokenExpiresAt: () => number | undefined;
  /** Gets a new access token; rejects when it cannot. */
  renew: () => Promise<void>;
  /** Whether a failed renewal means the session is over (a refused refresh token), not a passing network failure. */
  isRefusal?: (error: unknown) => boolean;
  /** Shows the warning with the time the session ends, or hides it (null). */
  onWarning: (endsAt: number | null) => void;
  onEnd: (reason: SessionEnd) => void;
  /** Told each activity, to remember it across a reload. */
  onActivity?: (at: number) => void;
  now?: () => number;
}

export interface SessionKeeper {
  start(): void;
  /** A sign that the person is working in the page. */
  activity(): void;
  /** The access token is about to expire. */
  tokenExpiring(): void;
  /** The person answered the warning: they go on working, and the token is renewed at once. */
  keepWorking(): Promise<void>;
  /** Renews the token now, without counting it as activity (a tab reopened after the token expired). */
  renew(): Promise<void>;
  /** Stops every timer without ending anything (sign-out, a refused token, unmounting). */
  stop(): void;
}

export function keepSession(options: SessionKeeperOptions): SessionKeeper {
  const now = options.now ?? Date.now;
  const isRefusal = options.isRefusal ?? (() => true);
  const maxEndsAt = options.startedAt + options.maxMs;
  let lastActivity = options.lastActivity ?? now();
  let lastRenewal = now();
  let warned = false;
  let ended = false;
  let renewing: Promise<void> | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const idleEndsAt = () => lastActivity + options.idleMs;

  function warn(endsAt: number | null) {
    warned = endsAt !== null;
    options.onWarning(endsAt);
  }

  function end(reason: SessionEnd) {
    if (ended) return;
    ended = true;
    clearTimeout(timer);
    if (warned) warn(null);
    options.onEnd(reason);
  }

  function check() {
    if (ended) return;
    const at = now();
    if (at >= maxEndsAt) return end('max');
    if (at >= idleEndsAt()) return end('idle');
    const warnAt = idleEndsAt() - WARNING_MS;
    if (at >= warnAt && !warned) warn(idleEndsAt());
    const next = Math.min(maxEndsAt, warned ? idleEndsAt() : warnAt);
    clearTimeout(timer);
    timer = setTimeout(check, Math.max(0, next - at));
  }

  function renew(): Promise<void> {
    if (ended) return Promise.resolve();
    if (!renewing) {
      const startedAt = now();
      renewing = options
        .renew()
        .then(
          () => {
            lastRenewal = startedAt;
          },
          (error: unknown) => {
            // Offline for a moment: the next activity tries again while the session lasts.
            if (isRefusal(error)) end('refused');
          },
        )
        .finally(() => {
          renewing = null;
        });
    }
    return renewing;
  }

  function record(at: number) {
    lastActivity = at;
    options.onActivity?.(at);
  }

  return {
    start: check,

    activity() {
      if (ended) return;
      const at = now();
      if (at >= maxEndsAt || at >= idleEndsAt()) return check();
      // Once warned, only the warning's own button keeps the session: a stray touch must not hide it.
      if (warned) return;
      record(at);
      // Someone back after a pause longer than the token's life gets a new token before their next call.
      const expiresAt = options.tokenExpiresAt();
      if (expiresAt !== undefined && expiresAt - at <= EXPIRING_NOTICE_SECONDS * 1000) void renew();
    },

    tokenExpiring() {
      if (ended || warned) return;
      if (lastActivity > lastRenewal && now() < idleEndsAt()) void renew();
    },

    keepWorking() {
      if (ended) return Promise.resolve();
      const at = now();
      if (at >= maxEndsAt || at >= idleEndsAt()) {
        check();
        return Promise.resolve();
      }
      record(at);
      if (warned) warn(null);
      check();
      return renew();
    },

    renew,

    stop() {
      ended = true;
      clearTimeout(timer);
    },
  };
}
