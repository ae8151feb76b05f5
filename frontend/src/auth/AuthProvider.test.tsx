import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter, useLocation } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type * as ApiModule from '../api';
import type * as AuthContextModule from './AuthContext';
import type * as AuthProviderModule from './AuthProvider';
import { setupI18n } from '../i18n';

// The provider keeps the OIDC manager and the callback in module state: each test gets fresh modules.
let api: typeof ApiModule.api;
let ApiError: typeof ApiModule.ApiError;
let useAuth: typeof AuthContextModule.useAuth;
let AuthProvider: typeof AuthProviderModule.AuthProvider;

const MINUTE = 60_000;
const STORED_USER_KEY = 'oidc.user:http://localhost:8080:khuyencong-spa';

/** The OIDC library stands in for the authorization server, which cannot run in a unit test. */
let tokenExpiring: (() => void) | null = null;
const manager = {
  getUser: vi.fn(),
  signinRedirect: vi.fn(async () => {}),
  signinRedirectCallback: vi.fn(),
  signinSilent: vi.fn(),
  signoutRedirect: vi.fn(async () => {}),
  removeUser: vi.fn(async () => {}),
  revokeTokens: vi.fn(async () => {}),
  events: {
    addAccessTokenExpiring: vi.fn((callback: () => void) => {
      tokenExpiring = callback;
      return () => {
        if (tokenExpiring === callback) tokenExpiring = null;
      };
    }),
  },
};
vi.mock('./oidc', () => ({ createUserManager: () => manager }));

function aTokenUser(overrides: Record<string, unknown> = {}) {
  return {
    access_token: 'access-1',
    refresh_token: 'refresh-1',
    id_token: 'id-1',
    expired: false,
    expires_in: 300,
    expires_at: Math.floor(Date.now() / 1000) + 300,
    profile: { sub: 'doanhnghiep', name: 'An Van Nguyen', family_name: 'Nguyễn', middle_name: 'Văn', given_name: 'An' },
    state: { returnTo: '/ho-so/moi' },
    ...overrides,
  };
}

function aMe(overrides: Partial<ApiModule.Me> = {}): ApiModule.Me {
  return {
    username: 'doanhnghiep',
    displayName: 'Nguyễn Thị Hà',
    roles: ['ENTERPRISE'],
    organisationName: 'HTX Côn Minh',
    agencyCode: null,
    onboarding: null,
    prefill: null,
    ...overrides,
  };
}

let auth: AuthContextModule.Auth;
function Probe() {
  auth = useAuth();
  const location = useLocation();
  const s = auth.state;
  return (
    <>
      <p data-testid="state">
        {s.status === 'signedIn'
          ? `signedIn:${s.user.displayName}${s.user.onboarding ? `:${s.user.onboarding}` : ''}`
          : s.status === 'anonymous'
            ? `anonymous:${s.expired}`
            : s.status}
      </p>
      <p data-testid="path">{location.pathname}</p>
    </>
  );
}

function start(at = '/ho-so') {
  return render(
    <MemoryRouter initialEntries={[at]}>
      <AuthProvider>
        <Probe />
      </AuthProvider>
    </MemoryRouter>,
  );
}

const state = () => screen.getByTestId('state').textContent;

/** Signs in through the callback, as after the identity provider's redirect. */
async function signedIn(user = aTokenUser()) {
  manager.signinRedirectCallback.mockResolvedValue(user);
  start();
  await act(async () => {
    await auth.completeSignIn();
  });
}

/** The token the API client sends now. */
async function tokenSent(): Promise<string | null> {
  const fetch = vi.spyOn(window, 'fetch').mockResolvedValue(new Response('[]', { status: 200 }));
  await api.myDossiers();
  const headers = (fetch.mock.calls.at(-1)?.[1]?.headers ?? {}) as Record<string, string>;
  fetch.mockRestore();
  return headers.Authorization ?? null;
}

async function advance(ms: number) {
  await act(async () => {
    await vi.advanceTimersByTimeAsync(ms);
  });
}

beforeEach(async () => {
  vi.clearAllMocks();
  vi.resetModules();
  tokenExpiring = null;
  ({ api, ApiError } = await import('../api'));
  ({ useAuth } = await import('./AuthContext'));
  ({ AuthProvider } = await import('./AuthProvider'));
  vi.spyOn(api, 'publicConfig').mockResolvedValue({
    issuer: 'http://localhost:8080',
    clientId: 'khuyencong-spa',
    scopes: 'openid profile offline_access',
    sessionIdleMinutes: 30,
    sessionMaxHours: 10,
  });
  manager.signinSilent.mockImplementation(async () => aTokenUser({ access_token: 'access-2', refresh_token: 'refresh-2' }));
});

afterEach(() => {
  vi.useRealTimers();
});

describe('the sign-in session', () => {
  it('knows a visitor without a session is signed out, without asking the server', () => {
    start();
    expect(state()).toBe('anonymous:false');
    expect(api.publicConfig).not.toHaveBeenCalled();
  });

  it('resumes a session kept in the tab and shows the name the API gives', async () => {
    window.sessionStorage.setItem(STORED_USER_KEY, '{}');
    manager.getUser.mockResolvedValue(aTokenUser());
    const me = vi.spyOn(api, 'me').mockResolvedValue(aMe());
    start();
    await waitFor(() => expect(state()).toBe('signedIn:Nguyễn Thị Hà'));
    expect(me).toHaveBeenCalled();
  });

  it('names the person in Vietnamese order from the ID token while the API cannot say', async () => {
    window.sessionStorage.setItem(STORED_USER_KEY, '{}');
    manager.getUser.mockResolvedValue(aTokenUser());
    vi.spyOn(api, 'me').mockRejectedValue(new ApiError({ status: 503, errors: [] }));
    start();
    await waitFor(() => expect(state()).toBe('signedIn:Nguyễn Văn An'));
  });

  it('treats an expired kept session without a refresh token as expired', async () => {
    window.sessionStorage.setItem(STORED_USER_KEY, '{}');
    manager.getUser.mockResolvedValue(aTokenUser({ expired: true, refresh_token: undefined }));
    start();
    await waitFor(() => expect(state()).toBe('anonymous:true'));
  });

  it('renews the expired token of a tab reopened within the idle limit', async () => {
    window.sessionStorage.setItem(STORED_USER_KEY, '{}');
    window.sessionStorage.setItem('khuyencong:session:last-activity', String(Date.now() - 10 * MINUTE));
    manager.getUser
      .mockResolvedValueOnce(aTokenUser({ expired: true }))
      .mockResolvedValue(aTokenUser({ access_token: 'access-2' }));
    vi.spyOn(api, 'me').mockResolvedValue(aMe());
    start();
    await waitFor(() => expect(state()).toBe('signedIn:Nguyễn Thị Hà'));
    expect(manager.signinSilent).toHaveBeenCalledOnce();
    expect(await tokenSent()).toBe('Bearer access-2');
  });

  it('ends the session of a tab reopened after the idle limit, and revokes its refresh token', async () => {
    window.sessionStorage.setItem(STORED_USER_KEY, '{}');
    window.sessionStorage.setItem('khuyencong:session:last-activity', String(Date.now() - 31 * MINUTE));
    manager.getUser.mockResolvedValue(aTokenUser());
    const me = vi.spyOn(api, 'me');
    start();
    await waitFor(() => expect(state()).toBe('anonymous:true'));
    await waitFor(() => expect(manager.removeUser).toHaveBeenCalled());
    expect(manager.revokeTokens).toHaveBeenCalledWith(['refresh_token']);
    expect(me).not.toHaveBeenCalled();
  });

  it('sends people to sign in with where to come back to, in the language of the interface', async () => {
    start();
    await act(() => auth.signIn('/ho-so/moi'));
    expect(manager.signinRedirect).toHaveBeenCalledWith({ state: { returnTo: '/ho-so/moi' }, ui_locales: 'vi' });
    setupI18n('en');
    await act(() => auth.signIn('/tra-cuu'));
    expect(manager.signinRedirect).toHaveBeenLastCalledWith({ state: { returnTo: '/tra-cuu' }, ui_locales: 'en' });
  });

  it('says the sign-in is unavailable when the backend’s config cannot be read', async () => {
    vi.mocked(api.publicConfig).mockRejectedValue(new ApiError({ status: 0, errors: [] }));
    start();
    await act(() => auth.signIn('/ho-so'));
    expect(state()).toBe('unavailable');
  });

  it('completes the sign-in once and tells where to go', async () => {
    manager.signinRedirectCallback.mockResolvedValue(aTokenUser());
    vi.spyOn(api, 'me').mockResolvedValue(aMe({ displayName: 'Nguyễn Văn An', roles: [], organisationName: null }));
    start();
    let returnTo = '';
    await act(async () => {
      returnTo = await auth.completeSignIn();
    });
    expect(returnTo).toBe('/ho-so/moi');
    expect(state()).toBe('signedIn:Nguyễn Văn An');
  });

  it('starts a new sign-in with a fresh idle limit, whatever an earlier session left in the tab', async () => {
    window.sessionStorage.setItem('khuyencong:session:last-activity', String(Date.now() - 120 * MINUTE));
    vi.spyOn(api, 'me').mockResolvedValue(aMe());
    await signedIn();
    expect(state()).toBe('signedIn:Nguyễn Thị Hà');
  });

  it('ends the session when the API refuses the token, and remembers that it ended', async () => {
    vi.spyOn(api, 'me').mockResolvedValue(aMe());
    await signedIn();
    vi.spyOn(window, 'fetch').mockResolvedValue(new Response('{"status":401}', { status: 401 }));
    await act(async () => {
      await api.myDossiers().catch(() => undefined);
    });
    expect(state()).toBe('anonymous:true');
    expect(window.sessionStorage.getItem('khuyencong:session:ended')).toBe('doanhnghiep');
  });

  it('renews the token and reads /me again when asked, after the person registered an organisation', async () => {
    const me = vi.spyOn(api, 'me').mockResolvedValue(aMe({ onboarding: 'ORGANISATION_REQUIRED', organisationName: null }));
    await signedIn();
    expect(state()).toBe('signedIn:Nguyễn Thị Hà:ORGANISATION_REQUIRED');
    me.mockResolvedValue(aMe());
    await act(() => auth.reloadMe());
    expect(state()).toBe('signedIn:Nguyễn Thị Hà');
    // The token read before the registration named no organisation: a new one does.
    expect(manager.signinSilent).toHaveBeenCalledOnce();
    expect(await tokenSent()).toBe('Bearer access-2');
  });
});

describe('renewing the access token', () => {
  beforeEach(() => {
    vi.spyOn(api, 'me').mockResolvedValue(aMe());
  });

  it('renews it with the refresh token when the person worked since the last renewal', async () => {
    await signedIn();
    expect(tokenExpiring).not.toBeNull();
    fireEvent.keyDown(document.body, { key: 'a' });
    await act(async () => {
      tokenExpiring?.();
    });
    expect(manager.signinSilent).toHaveBeenCalledOnce();
    expect(await tokenSent()).toBe('Bearer access-2');
    expect(state()).toBe('signedIn:Nguyễn Thị Hà');
  });

  it('lets the token of an untouched tab expire without renewing it, and renews when the person comes back', async () => {
    await signedIn(aTokenUser({ expires_at: Math.floor(Date.now() / 1000) + 20 }));
    await act(async () => {
      tokenExpiring?.();
    });
    expect(manager.signinSilent).not.toHaveBeenCalled();

    await act(async () => {
      fireEvent.pointerDown(document.body);
    });
    expect(manager.signinSilent).toHaveBeenCalledOnce();
    expect(await tokenSent()).toBe('Bearer access-2');
  });

  it('ends the session when the identity provider refuses the refresh token', async () => {
    manager.signinSilent.mockRejectedValue(Object.assign(new Error('invalid_grant'), { name: 'ErrorResponse' }));
    await signedIn();
    fireEvent.scroll(window);
    await act(async () => {
      tokenExpiring?.();
    });
    await waitFor(() => expect(state()).toBe('anonymous:true'));
    expect(manager.removeUser).toHaveBeenCalled();
    expect(await tokenSent()).toBeNull();
  });
});

describe('a tab left idle', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
    vi.spyOn(api, 'me').mockResolvedValue(aMe());
  });

  it('is warned two minutes before the idle limit, and goes on working at once with the button', async () => {
    await signedIn();
    await advance(28 * MINUTE - 1000);
    expect(screen.queryByRole('alertdialog')).toBeNull();
    await advance(1000);
    const dialog = screen.getByRole('alertdialog', { name: 'Phiên làm việc sắp kết thúc' });
    expect(within(dialog).getByRole('timer').textContent).toBe('Thời gian còn lại: 2 phút 0 giây');
    await advance(30_000);
    expect(within(dialog).getByRole('timer').textContent).toBe('Thời gian còn lại: 1 phút 30 giây');

    await act(async () => {
      within(dialog).getByRole('button', { name: 'Tiếp tục làm việc' }).click();
    });
    expect(manager.signinSilent).toHaveBeenCalledOnce();
    expect(screen.queryByRole('alertdialog')).toBeNull();
    await advance(3 * MINUTE);
    expect(state()).toBe('signedIn:Nguyễn Thị Hà');
  });

  it('ends at the idle limit: the refresh token is revoked, the user removed, the session shown expired', async () => {
    manager.revokeTokens.mockRejectedValue(new Error('No revocation endpoint'));
    await signedIn();
    await advance(30 * MINUTE);
    expect(state()).toBe('anonymous:true');
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(manager.revokeTokens).toHaveBeenCalledWith(['refresh_token']);
    expect(manager.removeUser).toHaveBeenCalled();
    expect(manager.signoutRedirect).not.toHaveBeenCalled();
  });

  it('follows the idle limit the server sets', async () => {
    vi.mocked(api.publicConfig).mockResolvedValue({
      issuer: 'http://localhost:8080',
      clientId: 'khuyencong-spa',
      scopes: 'openid',
      sessionIdleMinutes: 5,
      sessionMaxHours: 10,
    });
    await signedIn();
    await advance(3 * MINUTE);
    expect(screen.getByRole('alertdialog')).toBeTruthy();
    await advance(2 * MINUTE);
    expect(state()).toBe('anonymous:true');
  });
});

describe('signing out', () => {
  beforeEach(() => {
    vi.spyOn(api, 'me').mockResolvedValue(aMe());
  });

  it('revokes the refresh token, forgets what the tab kept, and ends the session at the identity provider', async () => {
    await signedIn();
    manager.getUser.mockResolvedValue(aTokenUser());
    window.sessionStorage.setItem('khuyencong:draft:doanhnghiep:new', '{"title":"Đề án"}');
    window.sessionStorage.setItem(STORED_USER_KEY, '{}');
    await act(() => auth.signOut());
    expect(manager.revokeTokens).toHaveBeenCalledWith(['refresh_token']);
    expect(manager.removeUser).toHaveBeenCalled();
    expect(window.sessionStorage.length).toBe(0);
    expect(manager.signoutRedirect).toHaveBeenCalledWith({
      id_token_hint: 'id-1',
      post_logout_redirect_uri: `${window.location.origin}/`,
    });
    expect(await tokenSent()).toBeNull();
  });

  it('still signs out here and goes home when the identity provider cannot be reached', async () => {
    await signedIn();
    manager.getUser.mockResolvedValue(aTokenUser());
    manager.revokeTokens.mockRejectedValue(new TypeError('Failed to fetch'));
    manager.signoutRedirect.mockRejectedValue(new Error('No end session endpoint'));
    await act(() => auth.signOut());
    expect(state()).toBe('anonymous:false');
    expect(screen.getByTestId('path').textContent).toBe('/');
    expect(manager.removeUser).toHaveBeenCalled();
  });
});
