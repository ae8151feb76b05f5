import { act, render, screen, waitFor } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type * as ApiModule from '../api';
import type * as AuthContextModule from './AuthContext';
import type * as AuthProviderModule from './AuthProvider';

// The provider keeps the OIDC manager and the callback in module state: each test gets fresh modules.
let api: typeof ApiModule.api;
let ApiError: typeof ApiModule.ApiError;
let useAuth: typeof AuthContextModule.useAuth;
let AuthProvider: typeof AuthProviderModule.AuthProvider;

/** The OIDC library stands in for the authorization server, which cannot run in a unit test. */
const manager = {
  getUser: vi.fn(),
  signinRedirect: vi.fn(async () => {}),
  signinRedirectCallback: vi.fn(),
  signoutRedirect: vi.fn(async () => {}),
  removeUser: vi.fn(async () => {}),
};
vi.mock('./oidc', () => ({ createUserManager: () => manager }));

function aTokenUser(overrides: Record<string, unknown> = {}) {
  return {
    access_token: 'access-1',
    expired: false,
    expires_in: 3600,
    profile: { sub: 'doanhnghiep', name: 'Nguyễn Văn An' },
    state: { returnTo: '/ho-so/moi' },
    ...overrides,
  };
}

let auth: AuthContextModule.Auth;
function Probe() {
  auth = useAuth();
  const s = auth.state;
  return <p data-testid="state">{s.status === 'signedIn' ? `signedIn:${s.user.displayName}` : s.status === 'anonymous' ? `anonymous:${s.expired}` : s.status}</p>;
}

function start() {
  return render(
    <MemoryRouter>
      <AuthProvider>
        <Probe />
      </AuthProvider>
    </MemoryRouter>,
  );
}

const state = () => screen.getByTestId('state').textContent;

describe('the sign-in session', () => {
  beforeEach(async () => {
    vi.clearAllMocks();
    vi.resetModules();
    ({ api, ApiError } = await import('../api'));
    ({ useAuth } = await import('./AuthContext'));
    ({ AuthProvider } = await import('./AuthProvider'));
    vi.spyOn(api, 'publicConfig').mockResolvedValue({ issuer: 'http://localhost:8080', clientId: 'khuyencong-spa', scopes: 'openid profile', sessionIdleMinutes: 30, sessionMaxHours: 10 });
  });

  it('knows a visitor without a session is signed out, without asking the server', () => {
    start();
    expect(state()).toBe('anonymous:false');
    expect(api.publicConfig).not.toHaveBeenCalled();
  });

  it('resumes a session kept in the tab and shows the name the API gives', async () => {
    window.sessionStorage.setItem('oidc.user:http://localhost:8080:khuyencong-spa', '{}');
    manager.getUser.mockResolvedValue(aTokenUser());
    const me = vi.spyOn(api, 'me').mockResolvedValue({
      username: 'doanhnghiep',
      displayName: 'Nguyễn Thị Hà',
      roles: ['ENTERPRISE'],
      organisationName: 'HTX Côn Minh',
      agencyCode: null,
      onboarding: null,
      prefill: null,
    });
    start();
    await waitFor(() => expect(state()).toBe('signedIn:Nguyễn Thị Hà'));
    expect(me).toHaveBeenCalled();
  });

  it('treats an expired kept session as expired', async () => {
    window.sessionStorage.setItem('oidc.user:http://localhost:8080:khuyencong-spa', '{}');
    manager.getUser.mockResolvedValue(aTokenUser({ expired: true }));
    start();
    await waitFor(() => expect(state()).toBe('anonymous:true'));
  });

  it('sends people to sign in with where to come back to', async () => {
    start();
    await act(() => auth.signIn('/ho-so/moi'));
    expect(manager.signinRedirect).toHaveBeenCalledWith({ state: { returnTo: '/ho-so/moi' } });
  });

  it('says the sign-in is unavailable when the backend’s config cannot be read', async () => {
    vi.mocked(api.publicConfig).mockRejectedValue(new ApiError({ status: 0, errors: [] }));
    start();
    await act(() => auth.signIn('/ho-so'));
    expect(state()).toBe('unavailable');
  });

  it('completes the sign-in once and tells where to go', async () => {
    manager.signinRedirectCallback.mockResolvedValue(aTokenUser());
    vi.spyOn(api, 'me').mockResolvedValue({ username: 'doanhnghiep', displayName: 'Nguyễn Văn An', roles: [], organisationName: null, agencyCode: null, onboarding: null, prefill: null });
    start();
    let returnTo = '';
    await act(async () => {
      returnTo = await auth.completeSignIn();
    });
    expect(returnTo).toBe('/ho-so/moi');
    expect(state()).toBe('signedIn:Nguyễn Văn An');
  });

  it('ends the session when the API refuses the token', async () => {
    manager.signinRedirectCallback.mockResolvedValue(aTokenUser());
    vi.spyOn(api, 'me').mockResolvedValue({ username: 'doanhnghiep', displayName: 'Nguyễn Văn An', roles: [], organisationName: null, agencyCode: null, onboarding: null, prefill: null });
    vi.spyOn(window, 'fetch').mockResolvedValue(new Response('{"status":401}', { status: 401 }));
    start();
    await act(async () => {
      await auth.completeSignIn();
    });
    await act(async () => {
      await api.myDossiers().catch(() => undefined);
    });
    expect(state()).toBe('anonymous:true');
  });
});
