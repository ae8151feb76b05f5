/**
 * An Idempotency-Key for every mutating request, so that nothing is done twice: the key belongs to one action (its
 * method, path and body) until that action has an answer. A retry of an action that got no answer (the network
 * failed, the server was unavailable, the first copy was still running) sends the same key, and the server replays
 * the first answer instead of doing the work again. Once answered, the same action again is a new action.
 */
const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Statuses that leave the outcome unknown or not yet reached: the next try is the same action. */
const RETRYABLE = new Set([0, 408, 425, 429, 500, 502, 503, 504]);

const pending = new Map<string, string>();

function actionOf(method: string, path: string, body: string | null): string {
  return `${method} ${path}\n${body ?? ''}`;
}

function newKey(): string {
  if (typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}-${Math.random().toString(36).slice(2)}`;
}

/** The key to send with this request, or null for a read. */
export function idempotencyKey(method: string, path: string, body: string | null): string | null {
  if (!MUTATING.has(method.toUpperCase())) return null;
  const action = actionOf(method.toUpperCase(), path, body);
  let key = pending.get(action);
  if (!key) {
    key = newKey();
    pending.set(action, key);
  }
  return key;
}

/**
 * Records the answer to a request: an action answered for good forgets its key; one without a final answer keeps
 * it for the retry. A 409 whose problem type is "idempotency-in-flight" means the first copy is still running.
 */
export function answered(method: string, path: string, body: string | null, status: number, problemType?: string): void {
  if (!MUTATING.has(method.toUpperCase())) return;
  const stillRunning = status === 409 && (problemType ?? '').endsWith('/idempotency-in-flight');
  if (RETRYABLE.has(status) || stillRunning) return;
  pending.delete(actionOf(method.toUpperCase(), path, body));
}

/** For tests: forget every pending action. */
export function forgetPendingActions(): void {
  pending.clear();
}
