import { act, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SessionWarning } from './SessionWarning';

describe('the warning before the session ends', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-12-01T08:00:00Z'));
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('counts down the time left, and offers to go on working with the focus on that button', () => {
    const onContinue = vi.fn();
    render(<SessionWarning endsAt={Date.now() + 120_000} onContinue={onContinue} onSignOut={() => {}} />);
    const dialog = screen.getByRole('alertdialog', { name: 'Phiên làm việc sắp kết thúc' });
    expect(within(dialog).getByRole('timer').textContent).toBe('Thời gian còn lại: 2 phút 0 giây');
    act(() => {
      vi.advanceTimersByTime(15_000);
    });
    expect(within(dialog).getByRole('timer').textContent).toBe('Thời gian còn lại: 1 phút 45 giây');
    act(() => {
      vi.advanceTimersByTime(95_000);
    });
    expect(within(dialog).getByRole('timer').textContent).toBe('Thời gian còn lại: 10 giây');
    expect(dialog.textContent).toContain('Phiên làm việc sẽ kết thúc sau 10 giây.');

    const keepWorking = within(dialog).getByRole('button', { name: 'Tiếp tục làm việc' });
    expect(document.activeElement).toBe(keepWorking);
    keepWorking.click();
    expect(onContinue).toHaveBeenCalledOnce();
  });

  it('lets the person sign out at once', () => {
    const onSignOut = vi.fn();
    render(<SessionWarning endsAt={Date.now() + 60_000} onContinue={() => {}} onSignOut={onSignOut} />);
    screen.getByRole('button', { name: 'Đăng xuất' }).click();
    expect(onSignOut).toHaveBeenCalledOnce();
  });

  it('is not there while the person works', () => {
    render(<SessionWarning endsAt={null} onContinue={() => {}} onSignOut={() => {}} />);
    expect(screen.queryByRole('alertdialog')).toBeNull();
  });
});
