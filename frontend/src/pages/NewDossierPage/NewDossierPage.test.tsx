import { screen, within, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { api, ApiError, type Dossier } from '../../api';
import { renderPage } from '../../test/render';
import { NewDossierPage } from './NewDossierPage';

const CONTENTS = [
  { code: 'VOCATIONAL_TRAINING', name: 'Đào tạo nghề, truyền nghề và nâng cao tay nghề' },
  { code: 'MACHINERY', name: 'Hỗ trợ ứng dụng máy móc tiên tiến, chuyển giao công nghệ' },
];

function openForm() {
  vi.spyOn(api, 'catalogueContents').mockResolvedValue(CONTENTS);
  return renderPage(<NewDossierPage />, { path: '/ho-so/moi', at: '/ho-so/moi' });
}

async function fillIn(user: ReturnType<typeof userEvent.setup>, amount = '150.000.000') {
  await user.type(screen.getByLabelText('Tên đề án'), 'Máy chế biến miến dong');
  await user.selectOptions(
    await screen.findByLabelText('Nội dung khuyến công'),
    await screen.findByRole('option', { name: CONTENTS[1]?.name }),
  );
  await user.selectOptions(screen.getByLabelText('Chương trình'), 'LOCAL');
  await user.type(screen.getByLabelText('Kinh phí đề nghị hỗ trợ (đồng)'), amount);
}

describe('creating a dossier', () => {
  it('saves the draft and opens its page', async () => {
    const user = userEvent.setup();
    const create = vi.spyOn(api, 'createDossier').mockResolvedValue({ id: 'new-id' } as Dossier);
    openForm();
    await fillIn(user);
    expect(screen.getByText(/Bằng số: 150\.000\.000/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Lưu bản nháp' }));

    expect(create).toHaveBeenCalledWith({
      title: 'Máy chế biến miến dong',
      contentCode: 'MACHINERY',
      programme: 'LOCAL',
      requestedSupport: 150_000_000,
    });
    expect(screen.getByTestId('current-path').textContent).toBe('/ho-so/new-id');
  });

  it('lists what is missing and keeps what was typed', async () => {
    const user = userEvent.setup();
    const create = vi.spyOn(api, 'createDossier');
    openForm();
    await user.type(screen.getByLabelText('Tên đề án'), 'Máy chế biến miến dong');
    await user.type(screen.getByLabelText('Kinh phí đề nghị hỗ trợ (đồng)'), '1.500.000,5');
    await user.click(screen.getByRole('button', { name: 'Lưu bản nháp' }));

    const summary = screen.getByRole('region', { name: 'Có lỗi cần sửa' });
    expect(within(summary).getAllByRole('link').map((a) => [a.textContent, a.getAttribute('href')])).toEqual([
      ['Chọn nội dung khuyến công', '#contentCode'],
      ['Chọn chương trình', '#programme'],
      ['Kinh phí đề nghị hỗ trợ là số tiền tròn đồng, không có phần lẻ', '#requestedSupport'],
    ]);
    await waitFor(() => expect(document.title).toBe('(3 lỗi) Tạo hồ sơ mới – Khuyến công Online'));
    expect((screen.getByLabelText('Tên đề án') as HTMLInputElement).value).toBe('Máy chế biến miến dong');
    expect((screen.getByLabelText('Kinh phí đề nghị hỗ trợ (đồng)') as HTMLInputElement).value).toBe('1.500.000,5');
    expect(create).not.toHaveBeenCalled();
  });

  it('shows the server’s field errors in the summary, linked to their fields', async () => {
    const user = userEvent.setup();
    vi.spyOn(api, 'createDossier').mockRejectedValue(
      new ApiError({
        status: 400,
        detail: 'Dữ liệu không hợp lệ',
        errors: [{ field: 'requestedSupport', message: 'Vượt mức hỗ trợ tối đa 200.000.000 đồng' }],
      }),
    );
    openForm();
    await fillIn(user, '900000000');
    await user.click(screen.getByRole('button', { name: 'Lưu bản nháp' }));

    const link = await screen.findByRole('link', { name: 'Vượt mức hỗ trợ tối đa 200.000.000 đồng' });
    expect(link.getAttribute('href')).toBe('#requestedSupport');
    expect(screen.getByLabelText('Kinh phí đề nghị hỗ trợ (đồng)').getAttribute('aria-invalid')).toBe('true');
    await waitFor(() => expect(document.title).toBe('(1 lỗi) Tạo hồ sơ mới – Khuyến công Online'));
  });
});
