import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { api } from '../../api';
import { AuthContext } from '../../auth/AuthContext';
import { anEnterpriseUser, fakeAuth, nobody } from '../../test/render';
import { Header } from './Header';

function renderHeader(auth = fakeAuth(), at = '/') {
  return render(
    <AuthContext.Provider value={auth}>
      <MemoryRouter initialEntries={[at]}>
        <Header />
      </MemoryRouter>
    </AuthContext.Provider>,
  );
}

describe('the header', () => {
  it('offers the server’s registration page to someone signed out, when there is one', async () => {
    vi.mocked(api.publicConfig).mockResolvedValue({ issuer: 'x', clientId: 'y', scopes: 'openid', registrationUrl: '/register', sessionIdleMinutes: 30, sessionMaxHours: 10 });
    renderHeader(fakeAuth(nobody()));
    expect((await screen.findByRole('link', { name: 'Đăng ký tài khoản' })).getAttribute('href')).toBe('/register');
  });

  it('leads officers to the dossiers they process instead of their own', () => {
    renderHeader(fakeAuth({ status: 'signedIn', user: { username: 'thamdinh', displayName: 'Cán bộ', roles: ['REVIEWER'], organisationName: null } }));
    const nav = screen.getByRole('navigation', { name: 'Điều hướng chính' });
    expect(within(nav).getByRole('link', { name: 'Hồ sơ cần xử lý' }).getAttribute('href')).toBe('/can-bo');
    expect(within(nav).getByRole('link', { name: 'Bảng điều khiển' }).getAttribute('href')).toBe('/can-bo/thong-ke');
    expect(within(nav).queryByRole('link', { name: 'Hồ sơ của tôi' })).toBeNull();
  });

  it('names the service and offers the main destinations', () => {
    renderHeader(fakeAuth(nobody()));
    const banner = screen.getByRole('banner');
    expect(within(banner).getByRole('link', { name: /^Khuyến công Online/ }).getAttribute('href')).toBe('/');
    const nav = within(banner).getByRole('navigation', { name: 'Điều hướng chính' });
    expect(within(nav).getAllByRole('link').map((a) => [a.textContent, a.getAttribute('href')])).toEqual([
      ['Trang chủ', '/'],
      ['Tra cứu hồ sơ', '/tra-cuu'],
      ['Thống kê', '/thong-ke'],
      ['Hồ sơ của tôi', '/ho-so'],
    ]);
    expect(within(nav).getByRole('link', { name: 'Trang chủ' }).getAttribute('aria-current')).toBe('page');
  });

  it('signs in towards my dossiers from the home page, and back to the same page elsewhere', async () => {
    const user = userEvent.setup();
    const signIn = vi.fn(async () => {});
    const { unmount } = renderHeader(fakeAuth(nobody(), { signIn }), '/');
    await user.click(screen.getByRole('button', { name: 'Đăng nhập' }));
    expect(signIn).toHaveBeenLastCalledWith(undefined);
    unmount();

    renderHeader(fakeAuth(nobody(), { signIn }), '/tra-cuu/ABC');
    await user.click(screen.getByRole('button', { name: 'Đăng nhập' }));
    expect(signIn).toHaveBeenLastCalledWith('/tra-cuu/ABC');
  });

  it('shows the signed-in person’s name and a sign-out button', async () => {
    const user = userEvent.setup();
    const signOut = vi.fn(async () => {});
    renderHeader(fakeAuth(anEnterpriseUser(), { signOut }));
    expect(screen.getByText('Nguyễn Văn An')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Đăng nhập' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Đăng xuất' }));
    expect(signOut).toHaveBeenCalledOnce();
  });
});
