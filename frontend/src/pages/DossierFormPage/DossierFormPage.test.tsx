import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { api, ApiError, type ContentDetail, type Dossier } from '../../api';
import { renderPage } from '../../test/render';
import { EditDossierPage, NewDossierPage } from './DossierFormPage';

const CONTENTS = [
  { code: 'VOCATIONAL_TRAINING', name: 'Đào tạo nghề, truyền nghề và nâng cao tay nghề' },
  { code: 'TECHNOLOGY_TRANSFER', name: 'Mô hình trình diễn kỹ thuật, chuyển giao công nghệ' },
];

const DETAIL: ContentDetail = {
  content: CONTENTS[1]!,
  supportKinds: [
    { kind: { code: 'MACHINERY', name: 'Ứng dụng máy móc thiết bị' }, currentCap: { maxPercent: 50, maxAmount: 200_000_000 } },
  ],
  fields: [
    { key: 'machines', label: 'Danh mục máy móc', type: 'LONG_TEXT', required: true, help: 'Mỗi máy một dòng' },
    { key: 'supplierQuotes', label: 'Số báo giá', type: 'INTEGER', required: true, min: 1, max: 20 },
  ],
  requiredDocumentTypes: ['REQUEST_LETTER'],
  priorityAreaCapPercent: 150,
};

function theCatalogue() {
  vi.spyOn(api, 'catalogueContents').mockResolvedValue(CONTENTS);
  vi.spyOn(api, 'communes').mockResolvedValue([{ code: '19003', name: 'Xã Côn Minh', priorityArea: true }]);
  vi.spyOn(api, 'contentDetail').mockResolvedValue(DETAIL);
}

describe('creating a dossier', () => {
  it('asks the content’s own questions and saves the draft', async () => {
    const user = userEvent.setup();
    theCatalogue();
    const create = vi.spyOn(api, 'createDossier').mockResolvedValue({ id: 'new-id' } as Dossier);
    renderPage(<NewDossierPage />, { path: '/ho-so/moi', at: '/ho-so/moi' });

    await user.type(screen.getByLabelText('Tên đề án'), 'Máy chế biến miến dong');
    await user.selectOptions(await screen.findByLabelText('Nội dung khuyến công'), await screen.findByRole('option', { name: CONTENTS[1]!.name }));
    await user.selectOptions(screen.getByLabelText('Chương trình'), 'LOCAL');
    const kind = await screen.findByRole('option', { name: 'Ứng dụng máy móc thiết bị' });
    await user.selectOptions(screen.getByLabelText('Loại hỗ trợ'), kind);
    expect(screen.getByText(/Mức hỗ trợ tối đa: 50% tổng kinh phí/)).toBeTruthy();
    await user.selectOptions(screen.getByLabelText('Xã, phường nơi thực hiện'), '19003');
    expect(screen.getByText(/địa bàn ưu tiên/)).toBeTruthy();
    await user.type(screen.getByLabelText('Danh mục máy móc'), 'Máy nghiền');
    await user.type(screen.getByLabelText('Số báo giá'), '2');
    await user.click(screen.getByRole('button', { name: 'Lưu bản nháp' }));

    expect(create).toHaveBeenCalledWith({
      title: 'Máy chế biến miến dong',
      contentCode: 'TECHNOLOGY_TRANSFER',
      programme: 'LOCAL',
      supportKind: 'MACHINERY',
      communeCode: '19003',
      answers: { machines: 'Máy nghiền', supplierQuotes: 2 },
    });
    await waitFor(() => expect(screen.getByTestId('current-path').textContent).toBe('/ho-so/new-id'));
  });

  it('lists the problems first, links each to its field and counts them in the title', async () => {
    const user = userEvent.setup();
    theCatalogue();
    const create = vi.spyOn(api, 'createDossier');
    renderPage(<NewDossierPage />, { path: '/ho-so/moi', at: '/ho-so/moi' });
    await user.click(screen.getByRole('button', { name: 'Lưu bản nháp' }));

    const summary = screen.getByRole('region', { name: 'Có lỗi cần sửa' });
    expect(within(summary).getAllByRole('link').map((a) => a.getAttribute('href'))).toEqual(['#title', '#contentCode', '#programme']);
    expect(document.activeElement).toBe(summary);
    await waitFor(() => expect(document.title).toBe('(3 lỗi) Tạo hồ sơ mới – Khuyến công Online'));
    expect(create).not.toHaveBeenCalled();
  });

  it('shows the server’s refusal of a content answer next to that question, keeping what was typed', async () => {
    const user = userEvent.setup();
    theCatalogue();
    vi.spyOn(api, 'createDossier').mockRejectedValue(
      new ApiError({ status: 400, errors: [{ field: 'answers.machines', message: 'Nội dung quá dài.' }] }),
    );
    renderPage(<NewDossierPage />, { path: '/ho-so/moi', at: '/ho-so/moi' });
    await user.type(screen.getByLabelText('Tên đề án'), 'Đề án');
    await user.selectOptions(await screen.findByLabelText('Nội dung khuyến công'), await screen.findByRole('option', { name: CONTENTS[1]!.name }));
    await user.selectOptions(screen.getByLabelText('Chương trình'), 'LOCAL');
    await user.type(await screen.findByLabelText('Danh mục máy móc'), 'Máy nghiền');
    await user.click(screen.getByRole('button', { name: 'Lưu bản nháp' }));

    const link = await screen.findByRole('link', { name: 'Nội dung quá dài.' });
    expect(link.getAttribute('href')).toBe('#answers.machines');
    expect((screen.getByLabelText('Danh mục máy móc') as HTMLTextAreaElement).value).toBe('Máy nghiền');
  });
});

describe('editing a draft', () => {
  it('opens the saved answers and saves them with the version it read', async () => {
    const user = userEvent.setup();
    theCatalogue();
    vi.spyOn(api, 'dossier').mockResolvedValue({
      id: 'd1',
      title: 'Đề án',
      contentCode: 'TECHNOLOGY_TRANSFER',
      programme: 'LOCAL',
      requestedSupport: 150_000_000,
      answers: { supplierQuotes: 2 },
      status: 'DRAFT',
      version: 4,
    } as unknown as Dossier);
    const save = vi.spyOn(api, 'saveDossier').mockResolvedValue({ id: 'd1' } as Dossier);
    renderPage(<EditDossierPage />, { path: '/ho-so/:id/sua', at: '/ho-so/d1/sua' });

    expect(((await screen.findByLabelText('Tên đề án')) as HTMLInputElement).value).toBe('Đề án');
    expect(((await screen.findByLabelText('Số báo giá')) as HTMLInputElement).value).toBe('2');
    await user.click(screen.getByRole('button', { name: 'Lưu bản nháp' }));
    expect(save).toHaveBeenCalledWith(
      'd1',
      expect.objectContaining({ requestedSupport: 150_000_000, answers: { supplierQuotes: 2 } }),
      4,
    );
  });

  it('refuses to edit a dossier already submitted', async () => {
    vi.spyOn(api, 'dossier').mockResolvedValue({ id: 'd1', status: 'SUBMITTED' } as Dossier);
    renderPage(<EditDossierPage />, { path: '/ho-so/:id/sua', at: '/ho-so/d1/sua' });
    expect((await screen.findByRole('alert')).textContent).toBe('Hồ sơ này không còn sửa được ở trạng thái hiện tại.');
  });
});
