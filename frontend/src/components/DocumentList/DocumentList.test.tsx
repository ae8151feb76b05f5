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

  it('says so when nothing has been uploaded', () => {
    render(<DocumentList documents={[]} />);
    expect(screen.getByText('Chưa có tài liệu nào được tải lên.')).toBeTruthy();
  });
});
