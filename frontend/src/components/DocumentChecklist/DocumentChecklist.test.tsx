import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { api, ApiError } from '../../api';
import type { UploadOptions } from '../../api/client';
import type { Checklist, StoredDocument } from '../../api/documents';
import { DocumentChecklist } from './DocumentChecklist';

const letter: StoredDocument = {
  id: 'doc1',
  documentType: 'REQUEST_LETTER',
  fileName: 'don.pdf',
  contentType: 'application/pdf',
  sizeBytes: 16,
  sha256: 'ab'.repeat(32),
  uploadedAt: '2026-11-27T03:00:00Z',
  scanStatus: 'NOT_SCANNED',
};

function aChecklist(overrides: Partial<Checklist> = {}): Checklist {
  return {
    dossierId: 'd1',
    contentCode: 'TECHNOLOGY_TRANSFER',
    complete: false,
    missing: ['DETAILED_BUDGET'],
    items: [
      { documentType: 'REQUEST_LETTER', name: 'Công văn (đơn) đề nghị hỗ trợ', required: true, present: true, documents: [letter] },
      { documentType: 'DETAILED_BUDGET', name: 'Dự toán kinh phí chi tiết', required: true, present: false, documents: [] },
      { documentType: 'OTHER', name: 'Tài liệu khác', required: false, present: false, documents: [] },
    ],
    ...overrides,
  };
}

describe('the document checklist', () => {
  it('marks each required document present or missing, then the optional extras', async () => {
    vi.spyOn(api, 'checklist').mockResolvedValue(aChecklist());
    render(<DocumentChecklist dossierId="d1" editable={false} />);

    const list = await screen.findByRole('list', { name: 'Danh mục giấy tờ của hồ sơ' });
    const items = within(list).getAllByRole('listitem');
    expect(items.map((item) => item.textContent)).toEqual([
      expect.stringContaining('Công văn (đơn) đề nghị hỗ trợBắt buộcĐã có 1 tệp'),
      expect.stringContaining('Dự toán kinh phí chi tiếtBắt buộcCòn thiếu'),
      expect.stringContaining('Tài liệu khácKhông bắt buộcChưa có'),
    ]);
    expect(screen.getByText('Còn thiếu 1 giấy tờ bắt buộc.')).toBeTruthy();
    // officers see the checklist, without uploads
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('says when a file waits for the virus scan and when one was blocked for a virus', async () => {
    vi.spyOn(api, 'checklist').mockResolvedValue(
      aChecklist({
        items: [
          { documentType: 'REQUEST_LETTER', name: 'Công văn (đơn) đề nghị hỗ trợ', required: true, present: true,
            documents: [{ ...letter, scanStatus: 'PENDING' }] },
          { documentType: 'DETAILED_BUDGET', name: 'Dự toán kinh phí chi tiết', required: true, present: true,
            documents: [{ ...letter, id: 'doc2', documentType: 'DETAILED_BUDGET', scanStatus: 'INFECTED' }] },
        ],
      }),
    );
    render(<DocumentChecklist dossierId="d1" editable={false} />);

    const items = within(await screen.findByRole('list', { name: 'Danh mục giấy tờ của hồ sơ' })).getAllByRole('listitem');
    expect(within(items[0] as HTMLElement).getByText(/Có tệp đang chờ quét virus/)).toBeTruthy();
    expect(within(items[1] as HTMLElement).getByText(/Có tệp bị chặn vì có virus/)).toBeTruthy();
  });

  it('offers an upload per type while the dossier can change, except the types the page uploads itself', async () => {
    vi.spyOn(api, 'checklist').mockResolvedValue(aChecklist());
    render(<DocumentChecklist dossierId="d1" editable uploadedElsewhere={['REQUEST_LETTER']} />);

    await screen.findByRole('list', { name: 'Danh mục giấy tờ của hồ sơ' });
    expect(screen.getByRole('button', { name: 'Tải lên: Dự toán kinh phí chi tiết' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Tải lên: Tài liệu khác' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Tải lên: Công văn (đơn) đề nghị hỗ trợ' })).toBeNull();
  });

  it('shows the progress of an upload, then reads the checklist again', async () => {
    const user = userEvent.setup();
    const checklist = vi.spyOn(api, 'checklist').mockResolvedValue(aChecklist());
    let progress: UploadOptions['onProgress'];
    let finish: (document: StoredDocument) => void = () => {};
    vi.spyOn(api, 'uploadAnyDocument').mockImplementation((_id, _type, _file, options) => {
      progress = options?.onProgress;
      return new Promise((resolve) => (finish = resolve));
    });
    const onUploaded = vi.fn();
    render(<DocumentChecklist dossierId="d1" editable onUploaded={onUploaded} />);

    await user.upload(await screen.findByLabelText(/^Chọn tệp cho: Dự toán kinh phí chi tiết/), new File(['%PDF-1.4'], 'du-toan.pdf'));
    await user.click(screen.getByRole('button', { name: 'Tải lên: Dự toán kinh phí chi tiết' }));
    act(() => progress?.(0.42));
    expect((screen.getByLabelText('Tiến độ tải lên: Dự toán kinh phí chi tiết') as HTMLProgressElement).value).toBe(42);

    const stored = { ...letter, id: 'doc2', documentType: 'DETAILED_BUDGET', fileName: 'du-toan.pdf' };
    await act(async () => finish(stored));
    expect(await screen.findByText('Đã tải lên tệp du-toan.pdf.')).toBeTruthy();
    expect(onUploaded).toHaveBeenCalledWith(stored);
    expect(checklist).toHaveBeenCalledTimes(2);
  });

  it('tells, for that file, why the server refused it', async () => {
    const user = userEvent.setup();
    vi.spyOn(api, 'checklist').mockResolvedValue(aChecklist());
    vi.spyOn(api, 'uploadAnyDocument').mockRejectedValue(
      new ApiError({
        status: 415,
        title: 'Loại tệp không được chấp nhận',
        detail: 'Tên tệp "anh.pdf" không khớp với nội dung (PNG). Vui lòng đặt đúng phần mở rộng của tệp.',
        errors: [{ field: 'file', message: 'Tên tệp "anh.pdf" không khớp với nội dung (PNG).' }],
      }),
    );
    render(<DocumentChecklist dossierId="d1" editable />);

    const input = await screen.findByLabelText(/^Chọn tệp cho: Tài liệu khác/);
    await user.upload(input, new File(['png'], 'anh.pdf'));
    await user.click(screen.getByRole('button', { name: 'Tải lên: Tài liệu khác' }));

    expect(await screen.findByText(/^Không tải lên được tệp anh\.pdf: .*không khớp với nội dung/)).toBeTruthy();
    expect(input.getAttribute('aria-invalid')).toBe('true');
  });

  it('asks for a file before sending anything', async () => {
    const user = userEvent.setup();
    vi.spyOn(api, 'checklist').mockResolvedValue(aChecklist());
    const upload = vi.spyOn(api, 'uploadAnyDocument');
    render(<DocumentChecklist dossierId="d1" editable />);

    await user.click(await screen.findByRole('button', { name: 'Tải lên: Tài liệu khác' }));

    expect(screen.getByText('Chọn một tệp để tải lên')).toBeTruthy();
    expect(upload).not.toHaveBeenCalled();
  });
});
