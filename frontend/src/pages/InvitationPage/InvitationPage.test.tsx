import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { api, ApiError, type Organisation } from '../../api';
import type { AuthState } from '../../auth/AuthContext';
import { fakeAuth, nobody, renderPage } from '../../test/render';
import { InvitationPage } from './InvitationPage';

const INVITATION = { organisationName: 'HTX Miến dong Côn Minh', email: 'mai@example.vn', expiresAt: '2026-12-08T10:00:00Z' };
const JOINED = { id: 'o1', name: 'HTX Miến dong Côn Minh' } as Organisation;

const aPersonWithoutOrganisation: AuthState = {
  status: 'signedIn',
  user: { username: 'vneid-001', displayName: 'Trần Thị Mai', roles: ['ENTERPRISE'], organisationName: null, onboarding: 'ORGANISATION_REQUIRED' },
};

function open(auth = fakeAuth(aPersonWithoutOrganisation), at = '/loi-moi?token=tok-123') {
  return renderPage(<InvitationPage />, { path: '/loi-moi', at, auth });
}

const path = () => screen.getByTestId('current-path').textContent;

describe('an invitation to join an organisation', () => {
  it('names the organisation, and lets someone signed out sign in to come back to the same link', async () => {
    const user = userEvent.setup();
    const invitation = vi.spyOn(api, 'invitation').mockResolvedValue(INVITATION);
    const signIn = vi.fn(async () => {});
    open(fakeAuth(nobody(), { signIn }));
    expect((await screen.findByText('HTX Miến dong Côn Minh')).getAttribute('lang')).toBe('vi');
    expect(screen.getByText('mai@example.vn')).toBeTruthy();
    expect(invitation).toHaveBeenCalledWith('tok-123');
    expect(screen.queryByRole('button', { name: 'Tham gia tổ chức' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Đăng nhập để tham gia' }));
    expect(signIn).toHaveBeenCalledWith('/loi-moi?token=tok-123');
  });

  it('joins it once signed in, and goes to my dossiers with a notice', async () => {
    const user = userEvent.setup();
    vi.spyOn(api, 'invitation').mockResolvedValue(INVITATION);
    const accept = vi.spyOn(api, 'acceptInvitation').mockResolvedValue(JOINED);
    const reloadMe = vi.fn(async () => {});
    open(fakeAuth(aPersonWithoutOrganisation, { reloadMe }));
    await user.click(await screen.findByRole('button', { name: 'Tham gia tổ chức' }));
    expect(accept).toHaveBeenCalledWith('tok-123');
    await waitFor(() => expect(path()).toBe('/ho-so'));
    expect(reloadMe).toHaveBeenCalledOnce();
  });

  it.each([
    [new ApiError({ status: 404, errors: [] }), 'Lời mời này không còn hiệu lực'],
    [new ApiError({ status: 409, rule: 'organisation-already', errors: [] }), 'Tài khoản của bạn đã thuộc một tổ chức'],
  ])('explains why joining failed (%#)', async (failure, message) => {
    const user = userEvent.setup();
    vi.spyOn(api, 'invitation').mockResolvedValue(INVITATION);
    vi.spyOn(api, 'acceptInvitation').mockRejectedValue(failure);
    open();
    await user.click(await screen.findByRole('button', { name: 'Tham gia tổ chức' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain(message);
    expect(document.activeElement).toBe(alert);
    expect(path()).toBe('/loi-moi');
  });

  it('says a link that is wrong, used or expired no longer works', async () => {
    vi.spyOn(api, 'invitation').mockRejectedValue(new ApiError({ status: 404, errors: [] }));
    open();
    expect((await screen.findByRole('alert')).textContent).toContain('đã được dùng hoặc đã hết hạn');
    expect(screen.queryByRole('button', { name: 'Tham gia tổ chức' })).toBeNull();
  });

  it('says so without asking the server when the link has no token', async () => {
    const invitation = vi.spyOn(api, 'invitation');
    open(fakeAuth(aPersonWithoutOrganisation), '/loi-moi');
    expect((await screen.findByRole('alert')).textContent).toContain('Lời mời này không còn hiệu lực');
    expect(invitation).not.toHaveBeenCalled();
  });
});
