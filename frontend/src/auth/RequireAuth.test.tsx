import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { fakeAuth, nobody, renderPage } from '../test/render';
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
    expect(signIn).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'Đăng nhập' }));
    expect(signIn).toHaveBeenCalledWith('/ho-so');
  });
});
