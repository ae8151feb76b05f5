import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { OfficialDocuments } from './OfficialDocuments';
import { papersApi, type Paper } from './papersApi';

function aReceipt(): Paper {
  return {
    id: 'p1',
    code: 'TN-7K3M9-Q2XAB',
    dossierId: 'd1',
    kind: 'RECEIPT',
    title: 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả',
    form: 'Mẫu số 01',
    sha256: 'ab'.repeat(32),
    sizeBytes: 40_960,
    issuedAt: '2026-11-27T03:00:00Z',
    verificationUrl: 'http://localhost/xac-thuc/TN-7K3M9-Q2XAB',
  };
}

function renderPapers(roles: string[]) {
  return render(
    <MemoryRouter>
      <OfficialDocuments dossierId="d1" roles={roles} />
    </MemoryRouter>,
  );
}

describe('the papers of a dossier', () => {
  it('lists each paper with its code, hash, a download and the verification page', async () => {
    vi.spyOn(papersApi, 'list').mockResolvedValue([aReceipt()]);
    const download = vi.spyOn(papersApi, 'download').mockResolvedValue();
    renderPapers(['ENTERPRISE']);
    expect(await screen.findByRole('heading', { name: 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả (Mẫu số 01)' })).toBeTruthy();
    expect(screen.getByText('TN-7K3M9-Q2XAB')).toBeTruthy();
    expect(screen.getByText('ab'.repeat(32))).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Trang xác thực' }).getAttribute('href')).toBe('/xac-thuc/TN-7K3M9-Q2XAB');
    await userEvent.click(screen.getByRole('button', { name: 'Tải xuống TN-7K3M9-Q2XAB (PDF)' }));
    expect(download).toHaveBeenCalledWith(aReceipt());
    expect(screen.queryByRole('button', { name: /phiếu kiểm soát/ })).toBeNull();
  });

  it('lets an officer draw up the process control slip', async () => {
    vi.spyOn(papersApi, 'list').mockResolvedValue([]);
    const slip = { ...aReceipt(), id: 'p5', code: 'KS-AAAAA-BBBBB', kind: 'PROCESS_CONTROL' as const, form: 'Mẫu số 05' };
    vi.spyOn(papersApi, 'drawUpProcessControl').mockResolvedValue(slip);
    renderPapers(['REVIEWER']);
    expect(await screen.findByText('Chưa có giấy tờ nào được cấp cho hồ sơ này.')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Lập phiếu kiểm soát quá trình (mẫu 05)' }));
    expect(await screen.findByRole('heading', { name: 'Phiếu kiểm soát quá trình giải quyết hồ sơ (Mẫu số 05)' })).toBeTruthy();
  });
});
