import { render, screen, within, waitFor } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { api } from '../../api';
import { HomePage } from './HomePage';

describe('the home page', () => {
  beforeEach(() => {
    vi.spyOn(api, 'catalogueContents').mockResolvedValue([]);
  });

  it('explains the procedure in its six steps, in order', () => {
    render(<HomePage />, { wrapper: MemoryRouter });
    const steps = within(screen.getByRole('region', { name: 'Các bước thực hiện' })).getAllByRole('heading', { level: 3 });
    expect(steps.map((s) => s.textContent)).toEqual([
      'Nộp hồ sơ trực tuyến',
      'Tiếp nhận',
      'Thẩm định',
      'Phê duyệt',
      'Giám sát',
      'Nghiệm thu',
    ]);
  });

  it('cites the legal basis and offers to apply or track a dossier', async () => {
    render(<HomePage />, { wrapper: MemoryRouter });
    const legal = screen.getByRole('region', { name: 'Căn cứ pháp lý' }).textContent ?? '';
    for (const text of ['45/2012/NĐ-CP', '36/2013/TT-BCT', '61/2018/NĐ-CP', '01/2018/TT-VPCP']) {
      expect(legal).toContain(text);
    }
    expect(screen.getByRole('link', { name: 'Nộp hồ sơ trực tuyến' }).getAttribute('href')).toBe('/ho-so/moi');
    expect(screen.getByRole('link', { name: 'Tra cứu hồ sơ' }).getAttribute('href')).toBe('/tra-cuu');
    await waitFor(() => expect(document.title).toBe('Trang chủ – Khuyến công Online'));
  });

  it('publishes what a level-3 service must: who may apply, the dossier’s contents, the result, the processing time per content', async () => {
    vi.spyOn(api, 'catalogueContents').mockResolvedValue([
      { code: 'TECHNOLOGY_TRANSFER', name: 'Mô hình trình diễn kỹ thuật, chuyển giao công nghệ', processingDays: 15 },
      { code: 'CONSULTING', name: 'Tư vấn, trợ giúp', processingDays: 10 },
    ]);
    render(<HomePage />, { wrapper: MemoryRouter });
    const facts = screen.getByRole('region', { name: 'Thông tin thủ tục' });
    expect(within(facts).getAllByRole('term').map((term) => term.textContent)).toEqual([
      'Tên thủ tục',
      'Mức độ dịch vụ công',
      'Đối tượng thực hiện',
      'Cơ quan thực hiện',
      'Số lượng hồ sơ',
      'Kết quả',
      'Thời gian nhận hồ sơ',
    ]);
    expect(within(screen.getByRole('region', { name: 'Thành phần hồ sơ' })).getAllByRole('listitem')).toHaveLength(4);
    const times = await screen.findByRole('table', { name: 'Số ngày làm việc kể từ ngày tiếp nhận hồ sơ hợp lệ' });
    expect(within(times).getAllByRole('row').slice(1).map((row) => row.textContent)).toEqual([
      'Mô hình trình diễn kỹ thuật, chuyển giao công nghệ15 ngày làm việc',
      'Tư vấn, trợ giúp10 ngày làm việc',
    ]);
  });
});
