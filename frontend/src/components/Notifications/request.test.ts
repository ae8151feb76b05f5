import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../api/problem';
import { apiRequest, storedAccessToken } from './request';

afterEach(() => vi.unstubAllGlobals());

describe('calls to the API from these components', () => {
  it('use the token the sign-in library keeps for the tab, while it is valid', () => {
    expect(storedAccessToken()).toBeNull();
    window.sessionStorage.setItem('oidc.user:http://localhost:8080:khuyencong-spa',
      JSON.stringify({ access_token: 'abc', expires_at: Date.now() / 1000 + 60 }));
    expect(storedAccessToken()).toBe('abc');
    window.sessionStorage.setItem('oidc.user:http://localhost:8080:khuyencong-spa',
      JSON.stringify({ access_token: 'old', expires_at: Date.now() / 1000 - 60 }));
    expect(storedAccessToken()).toBeNull();
  });

  it('send the bearer token and turn a problem into an ApiError', async () => {
    window.sessionStorage.setItem('oidc.user:x:y', JSON.stringify({ access_token: 'tok' }));
    const fetchMock = vi.fn(async () => new Response(JSON.stringify({ status: 409, detail: 'Đã đánh giá', rule: 'rated-once' }),
      { status: 409, headers: { 'Content-Type': 'application/problem+json' } }));
    vi.stubGlobal('fetch', fetchMock);
    const failure = await apiRequest('POST', '/dossiers/d1/satisfaction', {}).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ApiError);
    expect((failure as ApiError).problem.rule).toBe('rated-once');
    const init = (fetchMock.mock.calls[0] as unknown as [string, RequestInit])[1];
    expect((init.headers as Record<string, string>).Authorization).toBe('Bearer tok');
  });
});
