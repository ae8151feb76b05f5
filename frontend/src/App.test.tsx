import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { api } from './api';
import { AppRoutes } from './App';
import { AuthContext, type AuthState } from './auth/AuthContext';
import { fakeAuth, nobody } from './test/render';

function renderApp(at: string, state: AuthState = nobody()) {
  return render(
    <AuthContext.Provider value={fakeAuth(state)}>
      <MemoryRouter initialEntries={[at]}>
        <AppRoutes />
      </MemoryRouter>
    </AuthContext.Provider>,
  );
}

describe('the application shell', () => {
  it('has a skip link, a banner, a main region and a footer', async () => {
    const user = userEvent.setup();
    renderApp('/');
    expect(screen.getByRole('banner')).toBeTruthy();
    expect(screen.getByRole('contentinfo')).toBeTruthy();
    const main = screen.getByRole('main');
    await user.tab();
    const skip = screen.getByRole('link', { name: 'Chuyển đến nội dung chính' });
    expect(document.activeElement).toBe(skip);
    await user.click(skip);
    expect(document.activeElement).toBe(main);
  });

  it('answers an unknown address with a page that says so', async () => {
    renderApp('/khong-co-trang-nay');
    expect(await screen.findByRole('heading', { level: 1, name: 'Không tìm thấy trang' })).toBeTruthy();
  });

  it('opens an invitation link for anyone holding it', async () => {
    vi.spyOn(api, 'invitation').mockResolvedValue({ organisationName: 'HTX Côn Minh', email: 'mai@example.vn', expiresAt: '2026-12-08T10:00:00Z' });
    renderApp('/loi-moi?token=tok-1');
    expect(await screen.findByRole('heading', { level: 1, name: 'Lời mời tham gia tổ chức' })).toBeTruthy();
    expect(await screen.findByRole('button', { name: 'Đăng nhập để tham gia' })).toBeTruthy();
  });

  it('asks an enterprise person without an organisation to register it before their dossiers', async () => {
    vi.spyOn(api, 'communes').mockResolvedValue([]);
    renderApp('/ho-so', {
      status: 'signedIn',
      user: { username: 'vneid-001', displayName: 'Trần Thị Mai', roles: ['ENTERPRISE'], organisationName: null, onboarding: 'ORGANISATION_REQUIRED' },
    });
    expect(await screen.findByRole('heading', { level: 1, name: 'Đăng ký tổ chức' })).toBeTruthy();
    expect(screen.getByLabelText('Mã số thuế')).toBeTruthy();
  });

  it('tells an officer whose agency is unknown, instead of the officer pages', async () => {
    renderApp('/can-bo', {
      status: 'signedIn',
      user: { username: 'canbo', displayName: 'Lê Văn Bình', roles: ['REVIEWER'], organisationName: null, onboarding: 'AGENCY_UNKNOWN' },
    });
    expect(await screen.findByRole('heading', { level: 1, name: 'Tài khoản chưa được gắn với cơ quan' })).toBeTruthy();
  });
});
