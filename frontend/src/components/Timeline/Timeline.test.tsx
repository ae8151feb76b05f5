import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { i18n } from '../../i18n';
import { Timeline } from './Timeline';

describe('the timeline', () => {
  const entries = [
    { status: 'SUBMITTED' as const, statusName: 'Đã tiếp nhận', at: '2026-11-27T03:00:00Z' },
    { status: 'UNDER_REVIEW' as const, statusName: 'Đang thẩm định', at: '2026-11-30T02:15:00Z' },
  ];

  it('lists the states in order with their dates in Vietnam time', () => {
    render(<Timeline entries={entries} />);
    const items = within(screen.getByRole('list')).getAllByRole('listitem');
    expect(items.map((item) => item.textContent)).toEqual([
      'Đã tiếp nhận 27/11/2026 10:00',
      'Đang thẩm định 30/11/2026 09:15',
    ]);
    expect(items[0]?.querySelector('time')?.getAttribute('dateTime')).toBe('2026-11-27T03:00:00Z');
  });

  it('names the states in English when the interface is in English', async () => {
    await i18n.changeLanguage('en');
    render(<Timeline entries={entries} />);
    expect(screen.getByText('Received')).toBeTruthy();
    expect(screen.getByText('Under review')).toBeTruthy();
  });

  it('falls back to the server’s name for a state it does not know', () => {
    render(<Timeline entries={[{ status: 'ARCHIVED' as never, statusName: 'Đã lưu trữ', at: '2026-12-01T00:00:00Z' }]} />);
    expect(screen.getByText('Đã lưu trữ')).toBeTruthy();
  });

  it('tells the owner and the officers every event, who did it, and why', () => {
    render(
      <Timeline
        history={[
          { id: 1, event: 'SUBMIT', from: 'DRAFT', to: 'SUBMITTED', actor: 'doanhnghiep', actorRole: 'ENTERPRISE', comment: null, occurredAt: '2026-11-27T03:00:00Z' },
          { id: 2, event: 'ASSIGN', from: 'SUBMITTED', to: 'SUBMITTED', actor: 'pheduyet', actorRole: 'APPROVER', comment: 'thamdinh', occurredAt: '2026-11-27T04:00:00Z' },
        ]}
      />,
    );
    const items = within(screen.getByRole('list')).getAllByRole('listitem');
    expect(items.map((item) => item.textContent)).toEqual([
      'Nộp hồ sơ — chuyển sang “Đã tiếp nhận” 27/11/2026 10:00 · Cơ sở · doanhnghiep',
      'Phân công thẩm định 27/11/2026 11:00 · Lãnh đạo phê duyệt · pheduyetthamdinh',
    ]);
  });
});
