import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { SatisfactionForm } from './SatisfactionForm';
import { satisfactionApi } from './satisfactionApi';

function renderForm() {
  return render(
    <MemoryRouter>
      <SatisfactionForm dossierId="d1" />
    </MemoryRouter>,
  );
}

describe('the satisfaction form', () => {
  it('is not offered before the dossier has a result', async () => {
    const status = vi.spyOn(satisfactionApi, 'status').mockResolvedValue({ canRate: false, rating: null });
    renderForm();
    await vi.waitFor(() => expect(status).toHaveBeenCalled());
    expect(screen.queryByRole('heading', { name: 'Đánh giá mức độ hài lòng' })).toBeNull();
  });

  it('lists the unanswered indicators, then sends the rating once', async () => {
    vi.spyOn(satisfactionApi, 'status').mockResolvedValue({ canRate: true, rating: null });
    const rate = vi.spyOn(satisfactionApi, 'rate').mockResolvedValue({
      processingTime: 2, contacts: 1, attitude: 2, onlineService: 2, comment: 'Tốt', ratedAt: '2026-11-27T03:00:00Z',
    });
    renderForm();
    await screen.findByRole('heading', { name: 'Đánh giá mức độ hài lòng' });
    await userEvent.click(screen.getByRole('button', { name: 'Gửi đánh giá' }));
    expect(screen.getByRole('link', { name: 'Chọn một mức cho: Thời gian giải quyết hồ sơ' })).toBeTruthy();
    expect(rate).not.toHaveBeenCalled();

    await userEvent.click(screen.getByRole('radio', { name: 'Sớm hơn hẹn' }));
    await userEvent.click(screen.getByRole('radio', { name: 'Liên hệ một lần' }));
    await userEvent.click(screen.getByRole('radio', { name: 'Tận tình, chu đáo' }));
    await userEvent.click(screen.getByRole('radio', { name: 'Tốt, dễ dùng' }));
    await userEvent.type(screen.getByLabelText('Ý kiến khác (không bắt buộc)'), 'Tốt');
    await userEvent.click(screen.getByRole('button', { name: 'Gửi đánh giá' }));
    expect(rate).toHaveBeenCalledWith('d1', { processingTime: 2, contacts: 1, attitude: 2, onlineService: 2, comment: 'Tốt' });
    expect(await screen.findByText('Cảm ơn bạn đã đánh giá việc giải quyết hồ sơ.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Gửi đánh giá' })).toBeNull();
  });
});
