import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../api/problem';
import { papersApi, type PaperVerification } from '../../components/OfficialDocuments/papersApi';
import { fakeAuth, nobody, renderPage } from '../../test/render';
import { VerifyPage } from './VerifyPage';

function theReceipt(): PaperVerification {
  return {
    code: 'TN-7K3M9-Q2XAB',
    kind: 'RECEIPT',
    title: 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả',
    form: 'Mẫu số 01',
    dossierCode: '000.00.15.H55-261127-0001',
    issuedAt: '2026-11-27T03:00:00Z',
    sha256: 'ab'.repeat(32),
    sizeBytes: 40_960,
    hashMatches: null,
  };
}

function openAt(at: string) {
  return renderPage(<VerifyPage />, { path: '/xac-thuc/:code?', at, auth: fakeAuth(nobody()) });
}

describe('the verification page', () => {
  it('shows the code, dossier, date and hash of a paper reached by its QR code', async () => {
    const verify = vi.spyOn(papersApi, 'verify').mockResolvedValue(theReceipt());
    openAt('/xac-thuc/tn-7k3m9-q2xab');
    expect(await screen.findByRole('heading', { name: 'Giấy tờ do hệ thống cấp' })).toBeTruthy();
    expect(verify).toHaveBeenCalledWith('TN-7K3M9-Q2XAB');
    expect(screen.getByText('000.00.15.H55-261127-0001')).toBeTruthy();
    expect(screen.getByTestId('verify-sha256').textContent).toBe('ab'.repeat(32));
    expect(screen.getByText('Giấy tiếp nhận hồ sơ và hẹn trả kết quả (Mẫu số 01)')).toBeTruthy();
  });

  it('says when no such paper was issued', async () => {
    vi.spyOn(papersApi, 'verify').mockRejectedValue(new ApiError({ status: 404, errors: [] }));
    openAt('/xac-thuc/TN-00000-00000');
    expect(await screen.findByText(/Không tìm thấy giấy tờ có mã này/)).toBeTruthy();
  });

  it('checks a file in hand and rejects one whose hash differs', async () => {
    const verify = vi.spyOn(papersApi, 'verify').mockImplementation(async (_code, sha) => {
      if (sha) throw new ApiError({ status: 409, errors: [], detail: 'Mã băm không khớp với giấy tờ TN-7K3M9-Q2XAB do hệ thống cấp.' });
      return theReceipt();
    });
    openAt('/xac-thuc/TN-7K3M9-Q2XAB');
    await screen.findByRole('heading', { name: 'Giấy tờ do hệ thống cấp' });
    const altered = new File(['%PDF-1.4 altered'], 'giay.pdf', { type: 'application/pdf' });
    await userEvent.upload(screen.getByLabelText('Tệp PDF cần đối chiếu'), altered);
    expect(await screen.findByText('Mã băm không khớp với giấy tờ TN-7K3M9-Q2XAB do hệ thống cấp.')).toBeTruthy();
    const hash = verify.mock.calls.at(-1)?.[1];
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses a code that cannot be a paper code before asking the server', async () => {
    const verify = vi.spyOn(papersApi, 'verify');
    openAt('/xac-thuc');
    await userEvent.type(screen.getByLabelText('Mã giấy'), 'abc');
    await userEvent.click(screen.getByRole('button', { name: 'Xác thực' }));
    expect(screen.getByText(/Mã giấy gồm 2 chữ cái/)).toBeTruthy();
    expect(verify).not.toHaveBeenCalled();
    expect(document.title.startsWith('(1')).toBe(true);
  });
});
