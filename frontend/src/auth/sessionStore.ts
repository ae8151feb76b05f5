/**
 * What the app keeps about the session in this tab's storage, besides the tokens the OIDC library keeps: when the
 * person was last active (so a reload does not reset the idle limit) and that a session ended while they worked (so
 * the form they come back to restores what they typed).
 */
const LAST_ACTIVITY = 'khuyencong:session:last-activity';
const ENDED = 'khuyencong:session:ended';

function read(key: string): string | null {
  try {
    return window.sessionStorage.getItem(key);
  } catch {
    return null;
  }
}

function write(key: string, value: string | null): void {
  try {
    if (value === null) window.sessionStorage.removeItem(key);
    else window.sessionStorage.setItem(key, value);
  } catch {
    // Storage blocked: the session simply forgets.
  }
}

export function lastActivity(): number | undefined {
  const value = Number(read(LAST_ACTIVITY));
  return Number.isFinite(value) && value > 0 ? value : undefined;
}

export function rememberActivity(at: number): void {
  write(LAST_ACTIVITY, String(at));
}

/** The session of `username` ended without them signing out (idle, refused renewal, refused token). */
export function markSessionEnded(username: string): void {
  write(ENDED, username);
}

/** Whether the last session of `username` in this tab ended while they were working. */
export function sessionEndedFor(username: string): boolean {
  return read(ENDED) === username;
}

export function forgetSessionEnded(): void {
  write(ENDED, null);
}

/** Everything the app kept in this tab: drafts, session marks, the OIDC library's user and state. */
export function clearTabStorage(): void {
  try {
    window.sessionStorage.clear();
  } catch {
    // Nothing could be kept either.
  }
}

let keeping = true;

/** While signing out nothing more is kept: a draft written now would outlive the session in this tab. */
export function stopKeepingDrafts(): void {
  keeping = false;
}

export function resumeKeepingDrafts(): void {
  keeping = true;
}

export function keepingDrafts(): boolean {
  return keeping;
}
