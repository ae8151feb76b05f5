import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { AuthState } from '../../auth/AuthContext';
import { fakeAuth, renderPage } from '../../test/render';
import { NoAgencyPage } from './NoAgencyPage';

const anOfficerWithoutAgency: AuthState = {
  status: 'signedIn',
  user: { username: 'canbo', displayName: 'Lê Văn Bình', roles: ['REVIEWER'], organisationName: null, onboarding: 'AGENCY_UNKNOWN' },
};

describe('an officer account linked to no agency', () => {
  it('is told to ask the department’s administrator, and can sign out', async () => {
    const user = userEvent.setup();
    const signOut = vi.fn(async () => {});
    renderPage(<NoAgencyPage />, { path: '/chua-gan-co-quan', at: '/chua-gan-co-quan', auth: fakeAuth(anOfficerWithoutAgency, { signOut }) });
    expect(screen.getByRole('heading', { level: 1, name: 'Tài khoản chưa được gắn với cơ quan' })).toBeTruthy();
    const text = document.body.textContent ?? '';
    expect(text).toContain('Tài khoản cán bộ của bạn chưa được gắn với cơ quan xử lý nào');
    expect(text).toContain('hãy liên hệ quản trị viên của Sở Công Thương');
    await user.click(screen.getByRole('button', { name: 'Đăng xuất' }));
    expect(signOut).toHaveBeenCalledOnce();
    expect(document.title).toBe('Tài khoản chưa được gắn với cơ quan – Khuyến công Online');
  });

  it('is not shown to an officer whose agency is known', () => {
    const known: AuthState = { ...anOfficerWithoutAgency, user: { ...anOfficerWithoutAgency.user, onboarding: null } } as AuthState;
    renderPage(<NoAgencyPage />, { path: '/chua-gan-co-quan', at: '/chua-gan-co-quan', auth: fakeAuth(known) });
    expect(within(document.body).getByTestId('current-path').textContent).toBe('/');
  });
});
