/** RFC 9457 problem details, read defensively: whatever the server sends, the UI gets something usable. */

export interface ProblemFieldError {
  /** The request property the message is about, e.g. "title" or "requestedSupport". */
  field: string | null;
  message: string;
}

export interface Problem {
  status: number;
  type?: string;
  title?: string;
  detail?: string;
  /** The workflow rule that refused a transition, e.g. "form-complete" or "support-cap". */
  rule?: string;
  /** Seconds to wait before trying again (429), from the Retry-After header. */
  retryAfter?: number;
  errors: ProblemFieldError[];
}

type Json = Record<string, unknown>;

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/** "#/requestedSupport" or "/requestedSupport" (JSON pointers) → "requestedSupport". */
function fieldFromPointer(pointer: string): string {
  return pointer.replace(/^#?\//, '').replace(/\//g, '.');
}

function fieldError(raw: unknown): ProblemFieldError | null {
  if (typeof raw === 'string') return text(raw) ? { field: null, message: raw } : null;
  if (typeof raw !== 'object' || raw === null) return null;
  const item = raw as Json;
  const message = text(item.message) ?? text(item.detail) ?? text(item.defaultMessage);
  if (!message) return null;
  const field =
    text(item.field) ?? text(item.name) ?? (text(item.pointer) ? fieldFromPointer(item.pointer as string) : undefined);
  return { field: field ?? null, message };
}

/**
 * Reads an error response body. Accepts `application/problem+json` and plain JSON alike;
 * a body that is not JSON (a proxy's HTML error page, an empty body) yields a problem with
 * only the HTTP status, and the UI falls back to its own message.
 */
export function parseProblem(status: number, body: string | null | undefined, retryAfter?: string | null): Problem {
  const problem: Problem = { status, errors: [] };
  const seconds = retryAfter && /^\d+$/.test(retryAfter.trim()) ? Number(retryAfter.trim()) : undefined;
  if (seconds !== undefined) problem.retryAfter = seconds;
  if (!body) return problem;
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return problem;
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return problem;
  const data = json as Json;
  if (typeof data.status === 'number' && data.status >= 400 && data.status < 600) problem.status = data.status;
  const type = text(data.type);
  const title = text(data.title);
  const detail = text(data.detail) ?? text(data.message);
  if (type) problem.type = type;
  if (title) problem.title = title;
  if (detail) problem.detail = detail;
  const rule = text(data.rule);
  if (rule) problem.rule = rule;
  const errors = Array.isArray(data.errors) ? data.errors : Array.isArray(data.violations) ? data.violations : [];
  problem.errors = errors.map(fieldError).filter((e): e is ProblemFieldError => e !== null);
  return problem;
}

/** A failed call to the backend: an HTTP error with its problem details, or no answer at all (status 0). */
export class ApiError extends Error {
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.detail ?? problem.title ?? `HTTP ${problem.status}`);
    this.name = 'ApiError';
    this.problem = problem;
  }

  get status(): number {
    return this.problem.status;
  }

  get isNetworkError(): boolean {
    return this.problem.status === 0;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}
