import { screen, within, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { api, ApiError, type PublicDossier } from '../../api';
import { renderPage } from '../../test/render';
import { LookupPage } from './LookupPage';

const CODE = '000.00.15.H55-261127-0001';

function aSubmittedDossier(): PublicDossier {
  return {
    code: CODE,
    status: 'SUBMITTED',
    statusName: 'Đã tiếp nhận',
    portalStatusCode: 2,
    submittedAt: '2026-11-27T03:00:00Z',
    appointmentDate: '2026-12-18',
    timeline: [{ status: 'SUBMITTED', statusName: 'Đã tiếp nhận', at: '2026-11-27T03:00:00Z' }],
  };
}

function openLookup(at = '/tra-cuu') {
  return renderPage(<LookupPage />, { path: '/tra-cuu/:code?', at });
}

describe('the public lookup page', () => {
  it('asks for a code, linking the error to the field and counting it in the title', async () => {
    const user = userEvent.setup();
    openLookup();
    await user.click(screen.getByRole('button', { name: 'Tra cứu' }));

    const summary = screen.getByRole('region', { name: 'Có lỗi cần sửa' });
    expect(within(summary).getByRole('link', { name: 'Nhập mã hồ sơ' }).getAttribute('href')).toBe('#code');
    await waitFor(() => expect(document.activeElement).toBe(summary));
    await waitFor(() => expect(document.title).toBe('(1 lỗi) Tra cứu hồ sơ – Khuyến công Online'));
    expect(screen.getByLabelText('Mã hồ sơ').getAttribute('aria-invalid')).toBe('true');
  });

  it('keeps a malformed code as typed and explains the format', async () => {
    const user = userEvent.setup();
    const lookup = vi.spyOn(api, 'lookupDossier');
    openLookup();
    await user.type(screen.getByLabelText('Mã hồ sơ'), 'HS-2026-1');
    await user.click(screen.getByRole('button', { name: 'Tra cứu' }));

    expect(screen.getByRole('link', { name: /Mã hồ sơ gồm mã cơ quan/ })).toBeTruthy();
    expect((screen.getByLabelText('Mã hồ sơ') as HTMLInputElement).value).toBe('HS-2026-1');
    expect(lookup).not.toHaveBeenCalled();
  });

  it('shows the status, the appointment date and the timeline of a known code', async () => {
    const user = userEvent.setup();
    const lookup = vi.spyOn(api, 'lookupDossier').mockResolvedValue(aSubmittedDossier());
    openLookup();
    await user.type(screen.getByLabelText('Mã hồ sơ'), ` ${CODE.toLowerCase()} `);
    await user.click(screen.getByRole('button', { name: 'Tra cứu' }));

    const result = await screen.findByRole('region', { name: `Hồ sơ ${CODE}` });
    expect(lookup).toHaveBeenCalledWith(CODE);
    expect(screen.getByTestId('current-path').textContent).toBe(`/tra-cuu/${CODE}`);
    expect(within(result).getAllByText('Đã tiếp nhận')).toHaveLength(2);
    expect(within(result).getByText('18/12/2026')).toBeTruthy();
    expect(within(result).getByRole('list', { name: 'Quá trình xử lý' })).toBeTruthy();
    await waitFor(() => expect(document.title).toBe('Tra cứu hồ sơ – Khuyến công Online'));
    await waitFor(() => expect(document.activeElement?.id).toBe('lookup-result-heading'));
  });

  it('looks up the code in the address straight away', async () => {
    vi.spyOn(api, 'lookupDossier').mockResolvedValue(aSubmittedDossier());
    openLookup(`/tra-cuu/${CODE}`);
    expect(await screen.findByRole('region', { name: `Hồ sơ ${CODE}` })).toBeTruthy();
    expect((screen.getByLabelText('Mã hồ sơ') as HTMLInputElement).value).toBe(CODE);
  });

  it('says clearly when no dossier has the code', async () => {
    vi.spyOn(api, 'lookupDossier').mockRejectedValue(
      new ApiError({ status: 404, detail: 'Not found', errors: [] }),
    );
    openLookup('/tra-cuu/000.00.15.H55-261127-9999');
    const link = await screen.findByRole('link', { name: /^Không tìm thấy hồ sơ có mã 000\.00\.15\.H55-261127-9999/ });
    expect(link.getAttribute('href')).toBe('#code');
    await waitFor(() => expect(document.title).toBe('(1 lỗi) Tra cứu hồ sơ – Khuyến công Online'));
  });

  it('reports a server failure without blaming the code', async () => {
    vi.spyOn(api, 'lookupDossier').mockRejectedValue(new ApiError({ status: 0, errors: [] }));
    openLookup(`/tra-cuu/${CODE}`);
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Không kết nối được với máy chủ. Hãy kiểm tra kết nối mạng và thử lại.',
    );
    expect(screen.queryByRole('region', { name: 'Có lỗi cần sửa' })).toBeNull();
  });
});
