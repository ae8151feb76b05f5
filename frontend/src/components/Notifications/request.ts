import { answered, idempotencyKey } from '../../api/idempotency';
import i18n from 'i18next';
import { ApiError, parseProblem } from '../../api/problem';

/**
 * The signed-in user's access token, as the sign-in library keeps it for the tab (session storage), or null
 * when nobody is signed in or the token has expired.
 */
export function storedAccessToken(): string | null {
  try {
    for (let i = 0; i < window.sessionStorage.length; i++) {
      const key = window.sessionStorage.key(i);
      if (!key?.startsWith('oidc.user:')) continue;
      const user = JSON.parse(window.sessionStorage.getItem(key) ?? 'null') as {
        access_token?: string;
        expires_at?: number;
      } | null;
      if (user?.access_token && (!user.expires_at || user.expires_at * 1000 > Date.now())) return user.access_token;
    }
  } catch {
    // no storage (private mode) or unreadable: anonymous
  }
  return null;
}

function headers(json: boolean): Record<string, string> {
  const result: Record<string, string> = {
    Accept: 'application/json, application/problem+json',
    'Accept-Language': i18n.language || 'vi',
  };
  if (json) result['Content-Type'] = 'application/json';
  const token = storedAccessToken();
  if (token) result.Authorization = `Bearer ${token}`;
  return result;
}

/** A call to /api/v1; a failure becomes an {@link ApiError} with the server's problem details. */
export async function apiRequest<T>(method: string, path: string, body?: unknown): Promise<T> {
  let response: Response;
  const json = body === undefined ? null : JSON.stringify(body);
  const key = idempotencyKey(method, path, json);
  try {
    response = await fetch(`/api/v1${path}`, {
      method,
      headers: { ...headers(body !== undefined), ...(key ? { 'Idempotency-Key': key } : {}) },
      body: json,
      credentials: 'same-origin',
    });
  } catch {
    answered(method, path, json, 0);
    throw new ApiError({ status: 0, errors: [] });
  }
  const text = await response.text().catch(() => '');
  if (!response.ok) {
    const problem = parseProblem(response.status, text);
    answered(method, path, json, response.status, problem.type);
    throw new ApiError(problem);
  }
  answered(method, path, json, response.status);
  return (text ? JSON.parse(text) : null) as T;
}

/** Downloads a file of the API with the user's token and hands it to the browser under {@code fileName}. */
export async function downloadFile(path: string, fileName: string): Promise<void> {
  let response: Response;
  try {
    response = await fetch(`/api/v1${path}`, { headers: headers(false), credentials: 'same-origin' });
  } catch {
    throw new ApiError({ status: 0, errors: [] });
  }
  if (!response.ok) throw new ApiError(parseProblem(response.status, await response.text().catch(() => '')));
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
