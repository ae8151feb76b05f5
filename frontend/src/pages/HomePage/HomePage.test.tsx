import { render, screen, within, waitFor } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { HomePage } from './HomePage';

describe('the home page', () => {
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
});
