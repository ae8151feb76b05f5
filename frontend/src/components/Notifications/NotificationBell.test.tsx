import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { AuthContext } from '../../auth/AuthContext';
import { fakeAuth, nobody } from '../../test/render';
import { NotificationBell } from './NotificationBell';
import { notificationsApi, type AppNotification } from './notificationsApi';

function aNotice(overrides: Partial<AppNotification> = {}): AppNotification {
  return {
    id: 'n1',
    kind: 'SUBMIT',
    dossierId: 'd1',
    dossierCode: '000.00.15.H55-261127-0001',
    title: 'Hồ sơ 000.00.15.H55-261127-0001 đã được tiếp nhận',
    body: 'Ngày hẹn trả kết quả: 18/12/2026.',
    createdAt: '2026-11-27T03:00:00Z',
    read: false,
    ...overrides,
  };
}

function renderBell(auth = fakeAuth()) {
  return render(
    <AuthContext.Provider value={auth}>
      <MemoryRouter>
        <NotificationBell />
      </MemoryRouter>
    </AuthContext.Provider>,
  );
}

describe('the notification bell', () => {
  it('is not there for someone signed out', () => {
    const count = vi.spyOn(notificationsApi, 'unreadCount');
    renderBell(fakeAuth(nobody()));
    expect(screen.queryByRole('button', { name: /Thông báo/ })).toBeNull();
    expect(count).not.toHaveBeenCalled();
  });

  it('shows how many notifications are unread', async () => {
    vi.spyOn(notificationsApi, 'unreadCount').mockResolvedValue({ unread: 3 });
    renderBell();
    expect((await screen.findByTestId('unread-count')).textContent).toContain('3');
    expect(screen.getByRole('button', { name: /3 thông báo chưa đọc/ })).toBeTruthy();
  });

  it('opens the latest notifications and marks one read', async () => {
    vi.spyOn(notificationsApi, 'unreadCount').mockResolvedValue({ unread: 1 });
    vi.spyOn(notificationsApi, 'list').mockResolvedValue([aNotice()]);
    const markRead = vi.spyOn(notificationsApi, 'markRead').mockResolvedValue(null);
    renderBell();
    await screen.findByTestId('unread-count');
    await userEvent.click(screen.getByRole('button', { name: /Thông báo/ }));
    const panel = await screen.findByRole('region', { name: 'Thông báo' });
    const link = await within(panel).findByRole('link', { name: 'Hồ sơ 000.00.15.H55-261127-0001 đã được tiếp nhận' });
    expect(link.getAttribute('href')).toBe('/ho-so/d1');
    expect(within(panel).getByText('Ngày hẹn trả kết quả: 18/12/2026.')).toBeTruthy();
    await userEvent.click(within(panel).getByRole('button', { name: 'Đánh dấu đã đọc' }));
    expect(markRead).toHaveBeenCalledWith('n1');
    await waitFor(() => expect(screen.queryByTestId('unread-count')).toBeNull());
  });

  it('marks all read at once', async () => {
    vi.spyOn(notificationsApi, 'unreadCount').mockResolvedValue({ unread: 2 });
    vi.spyOn(notificationsApi, 'list').mockResolvedValue([aNotice(), aNotice({ id: 'n2', title: 'Hồ sơ khác' })]);
    const all = vi.spyOn(notificationsApi, 'markAllRead').mockResolvedValue(null);
    renderBell();
    await screen.findByTestId('unread-count');
    await userEvent.click(screen.getByRole('button', { name: /Thông báo/ }));
    await userEvent.click(await screen.findByRole('button', { name: 'Đánh dấu tất cả đã đọc' }));
    expect(all).toHaveBeenCalled();
    expect(screen.queryByTestId('unread-count')).toBeNull();
  });

  it('says so when there is nothing yet', async () => {
    vi.spyOn(notificationsApi, 'unreadCount').mockResolvedValue({ unread: 0 });
    vi.spyOn(notificationsApi, 'list').mockResolvedValue([]);
    renderBell();
    await userEvent.click(screen.getByRole('button', { name: /Thông báo/ }));
    expect(await screen.findByText('Bạn chưa có thông báo nào.')).toBeTruthy();
  });
});
