import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { api, ApiError, type Dossier } from '../../api';
import { OfficerActions } from './OfficerActions';

const underReview = { id: 'd1', status: 'UNDER_REVIEW', allowedEvents: ['RECOMMEND', 'REQUEST_SUPPLEMENT', 'REJECT'] } as Dossier;

describe('the officers’ actions', () => {
  it('sends the score sheet and the recommended amount', async () => {
    const user = userEvent.setup();
    vi.spyOn(api, 'reviewCriteria').mockResolvedValue([
      { code: 'FEASIBILITY', name: 'Tính khả thi', maxScore: 40 },
      { code: 'IMPACT', name: 'Hiệu quả', maxScore: 60 },
    ]);
    const fire = vi.spyOn(api, 'fire').mockResolvedValue({ ...underReview, status: 'REVIEWED' });
    const onDone = vi.fn();
    render(<OfficerActions view={{ dossier: underReview, processing: null }} onDone={onDone} onProblemCount={() => {}} />);

    const sheet = await screen.findByRole('group', { name: 'Phiếu chấm điểm' });
    await user.type(within(sheet).getByLabelText('Tính khả thi (tối đa 40 điểm)'), '35');
    await user.type(within(sheet).getByLabelText('Hiệu quả (tối đa 60 điểm)'), '50');
    await user.type(screen.getByLabelText('Mức hỗ trợ đề xuất (đồng)'), '150.000.000');
    await user.click(screen.getByRole('button', { name: 'Gửi đề xuất' }));

    expect(fire).toHaveBeenCalledWith('d1', 'RECOMMEND', { scores: { FEASIBILITY: 35, IMPACT: 50 }, recommendedAmount: 150_000_000 });
    await waitFor(() => expect(onDone).toHaveBeenCalledWith({ ...underReview, status: 'REVIEWED' }, 'RECOMMEND'));
  });

  it('requires reasons and items for a supplement request, and shows the server’s refusal by its field', async () => {
    const user = userEvent.setup();
    vi.spyOn(api, 'reviewCriteria').mockResolvedValue([]);
    const fire = vi.spyOn(api, 'fire').mockRejectedValue(
      new ApiError({ status: 409, rule: 'supplement-once', detail: 'Hồ sơ chỉ được yêu cầu bổ sung một lần.', errors: [{ field: 'items', message: 'Quá nhiều mục.' }] }),
    );
    render(<OfficerActions view={{ dossier: underReview, processing: null }} onDone={() => {}} onProblemCount={() => {}} />);
    const section = await screen.findByRole('region', { name: 'Yêu cầu bổ sung' });
    await user.click(within(section).getByRole('button', { name: 'Gửi yêu cầu bổ sung' }));
    expect(fire).not.toHaveBeenCalled();
    expect(within(section).getAllByRole('link').map((a) => a.getAttribute('href'))).toEqual([
      '#request_supplement-comment',
      '#request_supplement-items',
    ]);

    await user.type(within(section).getByLabelText('Lý do'), 'Thiếu báo giá');
    await user.type(within(section).getByLabelText('Giấy tờ, nội dung cần bổ sung'), 'Báo giá thứ hai{enter}Bản vẽ');
    await user.click(within(section).getByRole('button', { name: 'Gửi yêu cầu bổ sung' }));
    expect(fire).toHaveBeenCalledWith('d1', 'REQUEST_SUPPLEMENT', { comment: 'Thiếu báo giá', items: ['Báo giá thứ hai', 'Bản vẽ'] });
    expect(await within(section).findByRole('link', { name: 'Quá nhiều mục.' })).toBeTruthy();
  });

  it('offers an approver the decision, the return and the refusal of a reviewed dossier', () => {
    render(<OfficerActions view={{ dossier: { id: 'd1', status: 'REVIEWED', allowedEvents: ['APPROVE', 'RETURN', 'REJECT'] } as Dossier, processing: null }} onDone={() => {}} onProblemCount={() => {}} />);
    expect(screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual([
      'Phê duyệt',
      'Trả lại để thẩm định lại',
      'Từ chối hồ sơ',
    ]);
  });

  it('offers only the events the server allows, whatever the state', () => {
    // the approver who recommended it is not offered the decision (four eyes)
    const once = { id: 'd1', status: 'REVIEWED', allowedEvents: ['RETURN', 'REJECT'] } as Dossier;
    const { unmount } = render(<OfficerActions view={{ dossier: once, processing: null }} onDone={() => {}} onProblemCount={() => {}} />);
    expect(screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual([
      'Trả lại để thẩm định lại',
      'Từ chối hồ sơ',
    ]);
    unmount();

    const nothing = { id: 'd1', status: 'REVIEWED', allowedEvents: [] } as unknown as Dossier;
    const { container } = render(<OfficerActions view={{ dossier: nothing, processing: null }} onDone={() => {}} onProblemCount={() => {}} />);
    expect(container.innerHTML).toBe('');
  });
});
