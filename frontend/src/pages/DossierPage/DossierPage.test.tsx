import { screen, within, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { api, ApiError, type Dossier, type DossierDocument } from '../../api';
import { renderPage } from '../../test/render';
import { DossierPage } from './DossierPage';

const ID = '6f1c2b0e-0000-4000-8000-000000000001';

function aDraftDossier(): Dossier {
  return {
    id: ID,
    code: null,
    title: 'Máy chế biến miến dong',
    contentCode: 'MACHINERY',
    programme: 'LOCAL',
    requestedSupport: 150_000_000,
    status: 'DRAFT',
    statusName: 'Bản nháp',
    portalStatusCode: null,
    createdAt: '2026-11-27T02:00:00Z',
    submittedAt: null,
    appointmentDate: null,
    version: 1,
    editable: true,
    allowedEvents: ['SUBMIT', 'WITHDRAW'],
  };
}

function theSubmittedDossier(): Dossier {
  return {
    ...aDraftDossier(),
    code: '000.00.15.H55-261127-0001',
    status: 'SUBMITTED',
    statusName: 'Đã tiếp nhận',
    portalStatusCode: 2,
    submittedAt: '2026-11-27T03:00:00Z',
    appointmentDate: '2026-12-18',
    version: 2,
    editable: false,
    allowedEvents: ['WITHDRAW'],
  };
}

function theRequestLetter(): DossierDocument {
  return {
    id: 'doc1',
    documentType: 'REQUEST_LETTER',
    fileName: 'don-de-nghi.pdf',
    contentType: 'application/pdf',
    sizeBytes: 2048,
    sha256: 'ab'.repeat(32),
    uploadedAt: '2026-11-27T02:30:00Z',
  };
}

function openDossier(documents: DossierDocument[] = [], dossier: Dossier = aDraftDossier()) {
  vi.spyOn(api, 'dossier').mockResolvedValue(dossier);
  vi.spyOn(api, 'documents').mockResolvedValue(documents);
  const letter = documents.find((d) => d.documentType === 'REQUEST_LETTER');
  vi.spyOn(api, 'checklist').mockResolvedValue({
    dossierId: dossier.id,
    contentCode: 'MACHINERY',
    complete: false,
    missing: letter ? ['DETAILED_BUDGET'] : ['REQUEST_LETTER', 'DETAILED_BUDGET'],
    items: [
      { documentType: 'REQUEST_LETTER', name: 'Đơn đề nghị hỗ trợ', required: true, present: !!letter, documents: letter ? [letter] : [] },
      { documentType: 'DETAILED_BUDGET', name: 'Dự toán kinh phí chi tiết', required: true, present: false, documents: [] },
    ],
  });
  vi.spyOn(api, 'catalogueContents').mockResolvedValue([{ code: 'MACHINERY', name: 'Hỗ trợ ứng dụng máy móc' }]);
  vi.spyOn(api, 'contentDetail').mockRejectedValue(new ApiError({ status: 0, errors: [] }));
  vi.spyOn(api, 'communes').mockResolvedValue([{ code: '19003', name: 'Xã Côn Minh', priorityArea: true }]);
  vi.spyOn(api, 'history').mockResolvedValue([]);
  vi.spyOn(api, 'processing').mockResolvedValue({ supplementRequest: null, reviews: [], decision: null });
  return renderPage(<DossierPage />, { path: '/ho-so/:id', at: `/ho-so/${ID}` });
}

describe('the dossier page', () => {
  it('shows the draft’s details, its documents and the upload', async () => {
    openDossier([theRequestLetter()]);
    expect(await screen.findByRole('heading', { level: 1, name: 'Máy chế biến miến dong' })).toBeTruthy();
    const details = screen.getByRole('region', { name: 'Thông tin hồ sơ' });
    expect(within(details).getByText('Chưa có mã')).toBeTruthy();
    expect(within(details).getByText('Khuyến công địa phương')).toBeTruthy();
    expect(within(details).getByText(/150\.000\.000/)).toBeTruthy();
    expect(screen.getByText('ab'.repeat(32))).toBeTruthy();
    expect(await screen.findByLabelText(/^Chọn tệp cho: Đơn đề nghị hỗ trợ/)).toBeTruthy();
    await waitFor(() => expect(document.title).toBe('Hồ sơ Máy chế biến miến dong – Khuyến công Online'));
  });

  it('submits after confirmation and shows the receipt with the code and the appointment date', async () => {
    const user = userEvent.setup();
    const fire = vi.spyOn(api, 'fire').mockImplementation(async () => {
      vi.mocked(api.dossier).mockResolvedValue(theSubmittedDossier());
      return theSubmittedDossier();
    });
    openDossier([theRequestLetter()]);
    await user.click(await screen.findByRole('button', { name: 'Nộp hồ sơ' }));

    const dialog = screen.getByRole('dialog', { name: 'Xác nhận nộp hồ sơ' });
    expect(within(dialog).getByText('Sau khi nộp, bạn không thể sửa hồ sơ. Tiếp tục?')).toBeTruthy();
    expect(fire).not.toHaveBeenCalled();
    await user.click(within(dialog).getByRole('button', { name: 'Nộp hồ sơ' }));

    expect(fire).toHaveBeenCalledWith(ID, 'SUBMIT');
    const receipt = await screen.findByRole('region', { name: 'Giấy tiếp nhận hồ sơ' });
    expect(within(receipt).getByTestId('dossier-code').textContent).toBe('000.00.15.H55-261127-0001');
    expect(within(receipt).getByText('18/12/2026')).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(within(receipt).getByRole('heading', { name: 'Giấy tiếp nhận hồ sơ' })));
    expect(screen.queryByRole('button', { name: 'Nộp hồ sơ' })).toBeNull();
    expect(screen.queryByLabelText('Đơn đề nghị hỗ trợ (tệp PDF)')).toBeNull();
  });

  it('does nothing when the person goes back from the confirmation', async () => {
    const user = userEvent.setup();
    const fire = vi.spyOn(api, 'fire');
    openDossier([theRequestLetter()]);
    await user.click(await screen.findByRole('button', { name: 'Nộp hồ sơ' }));
    await user.click(screen.getByRole('button', { name: 'Quay lại' }));
    expect(fire).not.toHaveBeenCalled();
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('shows the refusal of the workflow rule, linked to the upload', async () => {
    const user = userEvent.setup();
    vi.spyOn(api, 'fire').mockRejectedValue(
      new ApiError({ status: 409, rule: 'required-documents', detail: 'Thiếu tài liệu bắt buộc: Đơn đề nghị hỗ trợ', errors: [] }),
    );
    openDossier([]);
    await user.click(await screen.findByRole('button', { name: 'Nộp hồ sơ' }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Nộp hồ sơ' }));

    const link = await screen.findByRole('link', { name: 'Thiếu tài liệu bắt buộc: Đơn đề nghị hỗ trợ' });
    expect(link.getAttribute('href')).toBe('#checklist-file-REQUEST_LETTER');
    await waitFor(() => expect(document.title).toBe('(1 lỗi) Hồ sơ Máy chế biến miến dong – Khuyến công Online'));
  });

  it('links each missing answer of a refused submission to the form where it is given', async () => {
    const user = userEvent.setup();
    vi.spyOn(api, 'fire').mockRejectedValue(
      new ApiError({
        status: 409,
        rule: 'form-complete',
        errors: [
          { field: 'communeCode', message: 'Vui lòng chọn xã, phường nơi thực hiện.' },
          { field: 'answers.machines', message: 'Vui lòng trả lời: Danh mục máy móc.' },
        ],
      }),
    );
    openDossier([theRequestLetter()]);
    await user.click(await screen.findByRole('button', { name: 'Nộp hồ sơ' }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Nộp hồ sơ' }));

    const summary = await screen.findByRole('region', { name: 'Có lỗi cần sửa' });
    const links = within(summary).getAllByRole('link');
    expect(links.map((l) => l.getAttribute('href'))).toEqual([`/ho-so/${ID}/sua#communeCode`, `/ho-so/${ID}/sua#answers.machines`]);
    await waitFor(() => expect(document.title).toBe('(2 lỗi) Hồ sơ Máy chế biến miến dong – Khuyến công Online'));
  });

  it('withdraws only after confirmation', async () => {
    const user = userEvent.setup();
    const fire = vi.spyOn(api, 'fire').mockResolvedValue({ ...aDraftDossier(), status: 'WITHDRAWN', statusName: 'Đã rút', editable: false, allowedEvents: [] });
    openDossier([theRequestLetter()]);
    await user.click(await screen.findByRole('button', { name: 'Rút hồ sơ' }));
    const dialog = screen.getByRole('dialog', { name: 'Xác nhận rút hồ sơ' });
    expect(fire).not.toHaveBeenCalled();
    await user.click(within(dialog).getByRole('button', { name: 'Rút hồ sơ' }));
    expect(fire).toHaveBeenCalledWith(ID, 'WITHDRAW');
  });

  it('shows the supplement request and lets the enterprise resubmit', async () => {
    const user = userEvent.setup();
    openDossier([theRequestLetter()], { ...theSubmittedDossier(), status: 'SUPPLEMENT_REQUESTED', statusName: 'Yêu cầu bổ sung', deadline: 'PAUSED', editable: true, allowedEvents: ['RESUBMIT', 'WITHDRAW'] });
    vi.mocked(api.processing).mockResolvedValue({
      supplementRequest: { reasons: 'Thiếu báo giá', items: ['Báo giá thứ hai'], requestedAt: '2026-11-28T02:00:00Z', answeredAt: null },
      reviews: [],
      decision: null,
    });
    const fire = vi.spyOn(api, 'fire').mockResolvedValue({ ...theSubmittedDossier(), status: 'UNDER_REVIEW', editable: false });
    const request = await screen.findByRole('region', { name: 'Yêu cầu bổ sung hồ sơ' });
    expect(within(request).getByText('Báo giá thứ hai')).toBeTruthy();
    expect(screen.getByText('Tạm dừng chờ bổ sung')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Sửa hồ sơ' }).getAttribute('href')).toBe(`/ho-so/${ID}/sua`);
    await user.click(screen.getByRole('button', { name: 'Nộp bổ sung' }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Nộp bổ sung' }));
    expect(fire).toHaveBeenCalledWith(ID, 'RESUBMIT');
  });

  it('says so when the dossier cannot be found', async () => {
    vi.spyOn(api, 'dossier').mockRejectedValue(new ApiError({ status: 404, errors: [] }));
    vi.spyOn(api, 'documents').mockRejectedValue(new ApiError({ status: 404, errors: [] }));
    renderPage(<DossierPage />, { path: '/ho-so/:id', at: `/ho-so/${ID}` });
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Không tìm thấy hồ sơ này, hoặc bạn không có quyền xem hồ sơ.',
    );
  });
});
