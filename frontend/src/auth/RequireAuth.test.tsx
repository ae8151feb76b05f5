import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { fakeAuth, nobody, renderPage } from '../test/render';
import type { AuthState } from './AuthContext';
import { RequireAuth } from './RequireAuth';

const protectedPage = (
  <RequireAuth>
    <h1>Hồ sơ của tôi</h1>
  </RequireAuth>
);

describe('pages that need a signed-in person', () => {
  it('show their content to a signed-in person', () => {
    renderPage(protectedPage, { path: '/ho-so/*', at: '/ho-so/moi' });
    expect(screen.getByRole('heading', { name: 'Hồ sơ của tôi' })).toBeTruthy();
  });

  it('send someone signed out to sign in, to come back to the same page', () => {
    const signIn = vi.fn(async () => {});
    renderPage(protectedPage, { path: '/ho-so/*', at: '/ho-so/moi?x=1', auth: fakeAuth(nobody(), { signIn }) });
    expect(signIn).toHaveBeenCalledWith('/ho-so/moi?x=1');
    expect(screen.getByRole('status').textContent).toBe('Đang chuyển đến trang đăng nhập…');
    expect(screen.queryByRole('heading', { name: 'Hồ sơ của tôi' })).toBeNull();
  });

  it('tell someone whose session expired, and let them choose when to sign in again', async () => {
    const user = userEvent.setup();
    const signIn = vi.fn(async () => {});
    renderPage(protectedPage, {
      path: '/ho-so/*',
      at: '/ho-so',
      auth: fakeAuth({ status: 'anonymous', expired: true }, { signIn }),
    });
    expect(screen.getByRole('alert').textContent).toContain('Phiên đăng nhập đã hết hạn');
    expect(document.activeElement).toBe(screen.getByRole('alert'));
    expect(signIn).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'Đăng nhập' }));
    expect(signIn).toHaveBeenCalledWith('/ho-so');
  });
});

describe('people who must take a step first', () => {
  const aPersonWithoutOrganisation = (): AuthState => ({
    status: 'signedIn',
    user: {
      username: 'vneid-001',
      displayName: 'Trần Thị Mai',
      roles: ['ENTERPRISE'],
      organisationName: null,
      onboarding: 'ORGANISATION_REQUIRED',
      prefill: { taxCode: '0100109106', organisationName: 'HTX Côn Minh' },
    },
  });

  it('send an enterprise person without an organisation to register it, keeping where they were going', () => {
    renderPage(protectedPage, { path: '/ho-so/*', at: '/ho-so/moi?x=1', auth: fakeAuth(aPersonWithoutOrganisation()) });
    expect(screen.queryByRole('heading', { name: 'Hồ sơ của tôi' })).toBeNull();
    expect(screen.getByTestId('current-path').textContent).toBe('/dang-ky-to-chuc');
    expect(screen.getByTestId('current-search').textContent).toBe('?tiep=%2Fho-so%2Fmoi%3Fx%3D1');
  });

  it('show the registration step itself to that person', () => {
    renderPage(
      <RequireAuth step="ORGANISATION_REQUIRED">
        <h1>Đăng ký tổ chức</h1>
      </RequireAuth>,
      { path: '/dang-ky-to-chuc', at: '/dang-ky-to-chuc', auth: fakeAuth(aPersonWithoutOrganisation()) },
    );
    expect(screen.getByRole('heading', { name: 'Đăng ký tổ chức' })).toBeTruthy();
  });

  it('show an officer whose agency is unknown the page that says so, instead of the officer pages', () => {
    const officer: AuthState = {
      status: 'signedIn',
      user: { username: 'canbo', displayName: 'Lê Văn Bình', roles: ['REVIEWER'], organisationName: null, onboarding: 'AGENCY_UNKNOWN' },
    };
    renderPage(protectedPage, { path: '/can-bo', at: '/can-bo', auth: fakeAuth(officer) });
    expect(screen.getByTestId('current-path').textContent).toBe('/chua-gan-co-quan');
  });
});
