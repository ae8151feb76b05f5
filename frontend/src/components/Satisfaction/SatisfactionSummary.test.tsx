import { render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SatisfactionSummary } from './SatisfactionSummary';
import { satisfactionApi } from './satisfactionApi';

describe('the public satisfaction summary', () => {
  afterEach(() => vi.restoreAllMocks());

  it("shows each year's ratings and averages per indicator", async () => {
    const averages = vi.spyOn(satisfactionApi, 'averages').mockResolvedValue([
      { period: '2026', count: 3, processingTime: 2, contacts: 1.6667, attitude: 1.5, onlineService: 2, overall: 1.7917 },
    ]);
    render(<SatisfactionSummary />);

    const table = await screen.findByRole('table', { name: /Điểm trung bình/ });
    const row = within(table).getByRole('row', { name: /2026/ });
    expect(within(row).getAllByRole('cell').map((cell) => cell.textContent)).toEqual([
      '3', '2,00', '1,67', '1,50', '2,00', '1,79',
    ]);
    expect(averages).toHaveBeenCalledWith('YEAR');
  });

  it('says so when nobody has rated yet', async () => {
    vi.spyOn(satisfactionApi, 'averages').mockResolvedValue([]);
    render(<SatisfactionSummary />);
    expect(await screen.findByText('Chưa có đánh giá nào.')).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });
});
