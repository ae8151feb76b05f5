import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { api, ApiError } from '../../api';
import type { DossierDocument } from '../../api/types';
import { DocumentList } from './DocumentList';

describe('the document list', () => {
  it('shows each file with its type, name, size and SHA-256', () => {
    const sha256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
    render(
      <DocumentList
        documents={[
          {
            id: 'doc1',
            documentType: 'REQUEST_LETTER',
            fileName: 'don-de-nghi.pdf',
            contentType: 'application/pdf',
            sizeBytes: 2048,
            sha256,
            uploadedAt: '2026-11-27T03:00:00Z',
          },
        ]}
      />,
    );
    const item = within(screen.getByRole('list', { name: 'Tài liệu đã tải lên' })).getByRole('listitem');
    expect(within(item).getByRole('heading', { name: 'Đơn đề nghị hỗ trợ' })).toBeTruthy();
    expect(within(item).getByText('don-de-nghi.pdf')).toBeTruthy();
    expect(within(item).getByText('2 KB')).toBeTruthy();
    expect(within(item).getByText(sha256)).toBeTruthy();
  });

  it('shows what the scanner and the integrity check found, and which version replaces another', () => {
    render(
      <DocumentList
        documents={[
          {
            id: 'doc2',
            documentType: 'OTHER',
            fileName: 'ban-2.pdf',
            contentType: 'application/pdf',
            sizeBytes: 10,
            sha256: 'ab'.repeat(32),
            uploadedAt: '2026-11-27T03:00:00Z',
            scanStatus: 'INFECTED',
            integrityFailedAt: '2026-11-28T03:00:00Z',
            replacesId: 'doc1',
          },
        ]}
      />,
    );
    const item = within(screen.getByRole('list', { name: 'Tài liệu đã tải lên' })).getByRole('listitem');
    expect(within(item).getByText('Có virus — đã chặn')).toBeTruthy();
    expect(within(item).getByText('Nội dung lưu trữ không còn khớp mã SHA-256 đã ghi nhận')).toBeTruthy();
    expect(within(item).getByText('Bản bổ sung, thay thế phiên bản trước')).toBeTruthy();
  });

  it('says so when nothing has been uploaded', () => {
    render(<DocumentList documents={[]} />);
    expect(screen.getByText('Chưa có tài liệu nào được tải lên.')).toBeTruthy();
  });

  describe('with the dossier', () => {
    const pdf: DossierDocument = {
      id: 'doc1',
      documentType: 'REQUEST_LETTER',
      fileName: 'don-de-nghi.pdf',
      contentType: 'application/pdf',
      sizeBytes: 8,
      sha256: 'ab'.repeat(32),
      uploadedAt: '2026-11-27T03:00:00Z',
    };
    const sheet: DossierDocument = {
      ...pdf,
      id: 'doc2',
      documentType: 'DETAILED_BUDGET',
      fileName: 'du-toan.xlsx',
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    };

    it('offers a preview for a PDF, only a download for a spreadsheet', () => {
      render(<DocumentList dossierId="d1" documents={[pdf, sheet]} />);
      const items = within(screen.getByRole('list', { name: 'Tài liệu đã tải lên' })).getAllByRole('listitem');
      const first = items[0] as HTMLElement;
      const second = items[1] as HTMLElement;
      expect(within(first).getByRole('button', { name: 'Xem trước: don-de-nghi.pdf' })).toBeTruthy();
      expect(within(first).getByRole('button', { name: 'Tải xuống: don-de-nghi.pdf' })).toBeTruthy();
      expect(within(second).queryByRole('button', { name: /Xem trước/ })).toBeNull();
      expect(within(second).getByRole('button', { name: 'Tải xuống: du-toan.xlsx' })).toBeTruthy();
    });

    it('opens the preview of the chosen file', async () => {
      vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:http://localhost/p');
      vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
      const content = vi.spyOn(api, 'documentContent').mockResolvedValue(new Blob(['%PDF-1.4'], { type: 'application/pdf' }));
      const user = userEvent.setup();
      render(<DocumentList dossierId="d1" documents={[pdf, sheet]} />);
      await user.click(screen.getByRole('button', { name: 'Xem trước: don-de-nghi.pdf' }));
      expect(screen.getByRole('dialog', { name: 'Xem trước: don-de-nghi.pdf' })).toBeTruthy();
      expect(await screen.findByTitle('Nội dung tệp PDF don-de-nghi.pdf')).toBeTruthy();
      expect(content).toHaveBeenCalledWith('d1', 'doc1', expect.any(AbortSignal));
    });

    it('saves a file with its own name, and says why when it cannot', async () => {
      vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:http://localhost/s');
      vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
      const clicked: string[] = [];
      vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
        clicked.push(`${this.download} ${this.getAttribute('href')}`);
      });
      const content = vi
        .spyOn(api, 'documentContent')
        .mockResolvedValueOnce(new Blob(['xlsx']))
        .mockRejectedValueOnce(new ApiError({ status: 0, errors: [] }));
      const user = userEvent.setup();
      render(<DocumentList dossierId="d1" documents={[sheet]} />);

      await user.click(screen.getByRole('button', { name: 'Tải xuống: du-toan.xlsx' }));
      expect(content).toHaveBeenCalledWith('d1', 'doc2');
      expect(clicked).toEqual(['du-toan.xlsx blob:http://localhost/s']);

      await user.click(screen.getByRole('button', { name: 'Tải xuống: du-toan.xlsx' }));
      expect((await screen.findByRole('alert')).textContent).toContain('Không thể tải xuống tệp du-toan.xlsx.');
    });

    it('offers nothing for a file the scanner found infected', () => {
      render(<DocumentList dossierId="d1" documents={[{ ...pdf, scanStatus: 'INFECTED' } as DossierDocument]} />);
      expect(screen.queryByRole('button')).toBeNull();
    });

    it('says a file waits for the virus scan, and offers nothing for it until then', () => {
      render(<DocumentList dossierId="d1" documents={[{ ...pdf, scanStatus: 'PENDING' } as DossierDocument]} />);
      const item = within(screen.getByRole('list', { name: 'Tài liệu đã tải lên' })).getByRole('listitem');
      expect(within(item).getByText('Đang chờ quét virus')).toBeTruthy();
      expect(screen.queryByRole('button')).toBeNull();
    });
  });
});
