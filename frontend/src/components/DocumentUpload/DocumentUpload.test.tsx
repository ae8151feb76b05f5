import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { api, ApiError } from '../../api';
import type { UploadOptions } from '../../api/client';
import type { DossierDocument } from '../../api/types';
import { DocumentUpload } from './DocumentUpload';

const pdf = () => new File(['%PDF-1.4\n%%EOF\n'], 'don-de-nghi.pdf', { type: 'application/pdf' });

const stored: DossierDocument = {
  id: 'doc1',
  documentType: 'REQUEST_LETTER',
  fileName: 'don-de-nghi.pdf',
  contentType: 'application/pdf',
  sizeBytes: 16,
  sha256: 'ab'.repeat(32),
  uploadedAt: '2026-11-27T03:00:00Z',
};

function renderUpload() {
  const onUploaded = vi.fn();
  render(<DocumentUpload dossierId="d1" documentType="REQUEST_LETTER" inputId="request-letter" onUploaded={onUploaded} />);
  return { onUploaded, input: screen.getByLabelText('Đơn đề nghị hỗ trợ (tệp PDF)') as HTMLInputElement };
}

describe('uploading the request letter', () => {
  it('asks for a file when none was chosen', async () => {
    const user = userEvent.setup();
    const { input } = renderUpload();
    await user.click(screen.getByRole('button', { name: 'Tải lên' }));
    expect(screen.getByText('Chọn tệp PDF để tải lên')).toBeTruthy();
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(input);
  });

  it('refuses a file that is not a PDF before sending it', async () => {
    const user = userEvent.setup({ applyAccept: false });
    const upload = vi.spyOn(api, 'uploadDocument');
    const { input } = renderUpload();
    await user.upload(input, new File(['hello'], 'anh.png', { type: 'image/png' }));
    await user.click(screen.getByRole('button', { name: 'Tải lên' }));
    expect(screen.getByText('Tệp anh.png không phải là tệp PDF')).toBeTruthy();
    expect(upload).not.toHaveBeenCalled();
  });

  it('shows the progress, then the stored document', async () => {
    const user = userEvent.setup();
    let progress: UploadOptions['onProgress'];
    let finish: (document: DossierDocument) => void = () => {};
    vi.spyOn(api, 'uploadDocument').mockImplementation((_id, _type, _file, options) => {
      progress = options?.onProgress;
      return new Promise((resolve) => (finish = resolve));
    });
    const { input, onUploaded } = renderUpload();
    await user.upload(input, pdf());
    await user.click(screen.getByRole('button', { name: 'Tải lên' }));

    act(() => progress?.(0.4));
    const bar = screen.getByLabelText('Tiến độ tải lên') as HTMLProgressElement;
    expect(bar.tagName).toBe('PROGRESS');
    expect(bar.value).toBe(40);
    expect(screen.getByRole('button', { name: 'Hủy tải lên' })).toBeTruthy();

    await act(async () => finish(stored));
    expect(onUploaded).toHaveBeenCalledWith(stored);
    expect(screen.getByRole('status').textContent).toBe('Đã tải lên don-de-nghi.pdf.');
    expect(screen.queryByLabelText('Tiến độ tải lên')).toBeNull();
  });

  it('shows the server’s reason next to the file', async () => {
    const user = userEvent.setup();
    vi.spyOn(api, 'uploadDocument').mockRejectedValue(
      new ApiError({ status: 415, detail: 'Tệp không phải là PDF hợp lệ', errors: [] }),
    );
    const { input, onUploaded } = renderUpload();
    await user.upload(input, pdf());
    await user.click(screen.getByRole('button', { name: 'Tải lên' }));
    expect(
      await screen.findByText('Không tải lên được tệp don-de-nghi.pdf: Tệp không phải là PDF hợp lệ'),
    ).toBeTruthy();
    expect(onUploaded).not.toHaveBeenCalled();
  });
});
