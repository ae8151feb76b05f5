import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { AuthContext, type Auth, type AuthState } from '../auth/AuthContext';

/** Named fixtures for page tests: a signed-in enterprise user, or nobody. */
export function anEnterpriseUser(): AuthState {
  return {
    status: 'signedIn',
    user: { username: 'doanhnghiep', displayName: 'Nguyễn Văn An', roles: ['ENTERPRISE'], organisationName: 'HTX Miến dong Côn Minh' },
  };
}

export function nobody(): AuthState {
  return { status: 'anonymous', expired: false };
}

export function fakeAuth(state: AuthState = anEnterpriseUser(), overrides: Partial<Auth> = {}): Auth {
  return {
    state,
    signIn: async () => {},
    signOut: async () => {},
    completeSignIn: async () => '/ho-so',
    reloadMe: async () => {},
    ...overrides,
  };
}

function CurrentPath() {
  const location = useLocation();
  return (
    <>
      <div data-testid="current-path">{location.pathname}</div>
      <div data-testid="current-search">{location.search}</div>
    </>
  );
}

/** Renders a page at a URL, inside a router and an auth context, as the app would. */
export function renderPage(
  page: ReactElement,
  { path, at, auth = fakeAuth() }: { path: string; at: string; auth?: Auth },
) {
  return render(
    <AuthContext.Provider value={auth}>
      <MemoryRouter initialEntries={[at]}>
        <Routes>
          <Route path={path} element={page} />
          <Route path="*" element={<p>Trang khác</p>} />
        </Routes>
        <CurrentPath />
      </MemoryRouter>
    </AuthContext.Provider>,
  );
}
