import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
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
    expect(within(item).getByText('Nhiễm mã độc: không thể nộp')).toBeTruthy();
    expect(within(item).getByText('Nội dung lưu trữ không còn khớp mã SHA-256 đã ghi nhận')).toBeTruthy();
    expect(within(item).getByText('Bản bổ sung, thay thế phiên bản trước')).toBeTruthy();
  });

  it('says so when nothing has been uploaded', () => {
    render(<DocumentList documents={[]} />);
    expect(screen.getByText('Chưa có tài liệu nào được tải lên.')).toBeTruthy();
  });
});
