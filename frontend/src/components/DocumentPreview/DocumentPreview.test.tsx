import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { api, ApiError } from '../../api';
import type { DossierDocument } from '../../api/types';
import { canPreview, DocumentPreview } from './DocumentPreview';

const letter: DossierDocument = {
  id: 'doc1',
  documentType: 'REQUEST_LETTER',
  fileName: 'don-de-nghi.pdf',
  contentType: 'application/pdf',
  sizeBytes: 8,
  sha256: 'ab'.repeat(32),
  uploadedAt: '2026-11-27T03:00:00Z',
};
const photo: DossierDocument = { ...letter, id: 'doc2', documentType: 'OTHER', fileName: 'nha-xuong.jpg', contentType: 'image/jpeg' };

let created: Blob[];
let revoked: string[];

beforeEach(() => {
  created = [];
  revoked = [];
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    created.push(blob as Blob);
    return `blob:http://localhost/preview-${created.length}`;
  });
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation((url) => {
    revoked.push(url);
  });
});

afterEach(() => {
  vi.restoreAllMocks();
});

/** A page with one button that opens the preview, as the document list does. */
function Opener({ document }: { document: DossierDocument }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        Mở
      </button>
      <DocumentPreview dossierId="d1" document={open ? document : null} onClose={() => setOpen(false)} />
    </>
  );
}

describe('the document preview', () => {
  it('shows a PDF in a titled frame, from an object URL of the bytes read with the token', async () => {
    let answer: (blob: Blob) => void = () => {};
    const content = vi.spyOn(api, 'documentContent').mockImplementation(() => new Promise<Blob>((resolve) => (answer = resolve)));
    const user = userEvent.setup();
    render(<Opener document={letter} />);
    await user.click(screen.getByRole('button', { name: 'Mở' }));

    const dialog = screen.getByRole('dialog', { name: 'Xem trước: don-de-nghi.pdf' });
    expect(screen.getByRole('status').textContent).toBe('Đang tải tệp don-de-nghi.pdf để xem trước…');
    answer(new Blob(['%PDF-1.4'], { type: 'application/pdf' }));
    const frame = await screen.findByTitle('Nội dung tệp PDF don-de-nghi.pdf');
    expect(dialog.contains(frame)).toBe(true);
    expect(frame.getAttribute('src')).toBe('blob:http://localhost/preview-1');
    expect(content).toHaveBeenCalledWith('d1', 'doc1', expect.any(AbortSignal));
    expect(created.map((blob) => blob.type)).toEqual(['application/pdf']);
  });

  it('shows an image with a text alternative', async () => {
    vi.spyOn(api, 'documentContent').mockResolvedValue(new Blob(['jpeg'], { type: 'image/jpeg' }));
    const user = userEvent.setup();
    render(<Opener document={photo} />);
    await user.click(screen.getByRole('button', { name: 'Mở' }));

    const image = await screen.findByRole('img', { name: 'Ảnh chụp tài liệu nha-xuong.jpg' });
    expect(image.getAttribute('src')).toBe('blob:http://localhost/preview-1');
  });

  it('puts the focus on the close button, then gives it back and the object URL too when closed', async () => {
    vi.spyOn(api, 'documentContent').mockResolvedValue(new Blob(['%PDF-1.4'], { type: 'application/pdf' }));
    const user = userEvent.setup();
    render(<Opener document={letter} />);
    const opener = screen.getByRole('button', { name: 'Mở' });
    await user.click(opener);
    await screen.findByTitle('Nội dung tệp PDF don-de-nghi.pdf');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Đóng' }));

    await user.click(screen.getByRole('button', { name: 'Đóng' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(revoked).toEqual(['blob:http://localhost/preview-1']);
    expect(document.activeElement).toBe(opener);
  });

  it('closes with Escape', async () => {
    vi.spyOn(api, 'documentContent').mockResolvedValue(new Blob(['%PDF-1.4'], { type: 'application/pdf' }));
    const user = userEvent.setup();
    render(<Opener document={letter} />);
    await user.click(screen.getByRole('button', { name: 'Mở' }));
    await screen.findByTitle('Nội dung tệp PDF don-de-nghi.pdf');

    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(revoked).toHaveLength(1);
  });

  it('gives the object URL back when the page goes away while it is open', async () => {
    vi.spyOn(api, 'documentContent').mockResolvedValue(new Blob(['%PDF-1.4'], { type: 'application/pdf' }));
    const { unmount } = render(<DocumentPreview dossierId="d1" document={letter} onClose={() => {}} />);
    await screen.findByTitle('Nội dung tệp PDF don-de-nghi.pdf');
    unmount();
    expect(revoked).toEqual(['blob:http://localhost/preview-1']);
  });

  it('says in Vietnamese why the file cannot be shown, with the server’s own words', async () => {
    vi.spyOn(api, 'documentContent').mockRejectedValue(
      new ApiError({ status: 403, errors: [], detail: 'Bạn không có quyền xem tài liệu của hồ sơ này.' }),
    );
    render(<DocumentPreview dossierId="d1" document={letter} onClose={() => {}} />);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('Không thể xem trước tệp don-de-nghi.pdf. Bạn không có quyền xem tài liệu của hồ sơ này.');
    expect(screen.queryByTitle('Nội dung tệp PDF don-de-nghi.pdf')).toBeNull();
    expect(created).toEqual([]);
  });

  it('reports a lost connection in its own words', async () => {
    vi.spyOn(api, 'documentContent').mockRejectedValue(new ApiError({ status: 0, errors: [] }));
    render(<DocumentPreview dossierId="d1" document={letter} onClose={() => {}} />);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Không thể xem trước tệp don-de-nghi.pdf.');
    await waitFor(() => expect(alert.textContent?.length).toBeGreaterThan('Không thể xem trước tệp don-de-nghi.pdf.'.length));
  });

  it('previews only PDFs, JPEG and PNG images', () => {
    expect(['application/pdf', 'image/jpeg', 'image/png', 'application/pdf; charset=binary'].map(canPreview)).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(
      [
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'application/vnd.oasis.opendocument.text',
        'application/vnd.oasis.opendocument.spreadsheet',
        'image/svg+xml',
        'text/html',
        '',
      ].map(canPreview),
    ).toEqual([false, false, false, false, false, false, false]);
  });

  it('stays closed without a document', () => {
    const content = vi.spyOn(api, 'documentContent');
    render(<DocumentPreview dossierId="d1" document={null} onClose={() => {}} />);
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(content).not.toHaveBeenCalled();
  });
});
