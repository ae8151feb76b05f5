import { act, screen, waitFor, within } from '@testing-library/react';
import { useState } from 'react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { api, ApiError, type ContentDetail, type Dossier, type DossierDocument } from '../../api';
import type { Checklist, ChecklistItem } from '../../api/documents';
import { AuthContext, type AuthState } from '../../auth/AuthContext';
import { RequireAuth } from '../../auth/RequireAuth';
import { anEnterpriseUser, fakeAuth, renderPage } from '../../test/render';
import { EditDossierPage, NewDossierPage } from './DossierFormPage';
import { answersFromDossier } from './dossierForm';

const CONTENTS = [
  { code: 'VOCATIONAL_TRAINING', name: 'Đào tạo nghề, truyền nghề và nâng cao tay nghề' },
  { code: 'TECHNOLOGY_TRANSFER', name: 'Mô hình trình diễn kỹ thuật, chuyển giao công nghệ' },
];

const DETAIL: ContentDetail = {
  content: CONTENTS[1]!,
  supportKinds: [
    { kind: { code: 'MACHINERY', name: 'Ứng dụng máy móc thiết bị' }, currentCap: { maxPercent: 50, maxAmount: 200_000_000 } },
  ],
  fields: [
    { key: 'machines', label: 'Danh mục máy móc', type: 'LONG_TEXT', required: true, help: 'Mỗi máy một dòng' },
    { key: 'supplierQuotes', label: 'Số báo giá', type: 'INTEGER', required: true, min: 1, max: 20 },
  ],
  requiredDocumentTypes: ['REQUEST_LETTER', 'PROJECT_DESCRIPTION', 'DETAILED_BUDGET', 'SUPPLIER_QUOTES'],
  priorityAreaCapPercent: 150,
};

const LOCAL_CALL = {
  id: 'call-local',
  programme: 'LOCAL' as const,
  year: 2026,
  name: 'Khuyến công địa phương',
  agencyCode: '000.00.15.H55',
  opensOn: '2000-01-01',
  closesOn: '2999-12-31',
};

function theCatalogue() {
  vi.spyOn(api, 'catalogueContents').mockResolvedValue(CONTENTS);
  vi.spyOn(api, 'communes').mockResolvedValue([
    { code: '19003', name: 'Xã Côn Minh', priorityArea: true },
    { code: '19010', name: 'Phường Đức Xuân', priorityArea: false },
  ]);
  vi.spyOn(api, 'contentDetail').mockResolvedValue(DETAIL);
  vi.spyOn(api, 'fundingCalls').mockResolvedValue([
    LOCAL_CALL,
    { ...LOCAL_CALL, id: 'call-closed', name: 'Đợt đã đóng', opensOn: '2001-01-01', closesOn: '2001-12-31' },
  ]);
}

function aDraft(overrides: Partial<Dossier> = {}): Dossier {
  return {
    id: 'd1',
    code: null,
    title: 'Máy chế biến miến dong',
    contentCode: 'TECHNOLOGY_TRANSFER',
    programme: 'LOCAL',
    fundingCallId: 'call-local',
    supportKind: 'MACHINERY',
    communeCode: '19003',
    totalBudget: null,
    requestedSupport: 0,
    counterpartFunds: null,
    startsOn: '2027-02-01',
    endsOn: '2027-08-31',
    expectedOutcomes: 'Hai tấn miến mỗi ngày',
    answers: {},
    status: 'DRAFT',
    statusName: 'Bản nháp',
    portalStatusCode: 1,
    createdAt: '2026-11-27T03:00:00Z',
    submittedAt: null,
    appointmentDate: null,
    version: 4,
    editable: true,
    allowedEvents: ['SUBMIT', 'WITHDRAW'],
    ...overrides,
  };
}

const LETTER = { id: 'doc1', documentType: 'REQUEST_LETTER', fileName: 'don-de-nghi.pdf' } as DossierDocument;

const REQUIRED: [string, string][] = [
  ['REQUEST_LETTER', 'Công văn (đơn) đề nghị hỗ trợ'],
  ['PROJECT_DESCRIPTION', 'Đề án khuyến công'],
  ['DETAILED_BUDGET', 'Dự toán kinh phí chi tiết'],
  ['SUPPLIER_QUOTES', 'Báo giá của nhà cung cấp máy móc, thiết bị'],
];

/** The machinery checklist, with the documents uploaded so far; the other required types missing. */
function aChecklist(documents: DossierDocument[]): Checklist {
  const item = ([documentType, name]: [string, string], required: boolean): ChecklistItem => {
    const ofType = documents.filter((d) => d.documentType === documentType);
    return { documentType, name, required, present: ofType.length > 0, documents: ofType };
  };
  const items = [...REQUIRED.map((type) => item(type, true)), item(['OTHER', 'Tài liệu khác'], false)];
  const missing = items.filter((i) => i.required && !i.present).map((i) => i.documentType);
  return { dossierId: 'd1', contentCode: 'TECHNOLOGY_TRANSFER', complete: missing.length === 0, missing, items };
}

/** One PDF for each required document of the machinery checklist. */
const EVERY_REQUIRED = REQUIRED.map(
  ([documentType], index) =>
    ({ id: `doc${index + 1}`, documentType, fileName: `${documentType.toLowerCase()}.pdf` }) as DossierDocument,
);

function aDraftOnTheServer(dossier: Dossier, documents: DossierDocument[] = []) {
  vi.spyOn(api, 'dossier').mockResolvedValue(dossier);
  vi.spyOn(api, 'documents').mockResolvedValue(documents);
  vi.spyOn(api, 'checklist').mockResolvedValue(aChecklist(documents));
}

const path = () => screen.getByTestId('current-path').textContent;

describe('the first step of a new dossier', () => {
  it('asks the programme, the call, the content and the title, and creates the draft before the next step', async () => {
    const user = userEvent.setup();
    theCatalogue();
    const create = vi.spyOn(api, 'createDossier').mockResolvedValue(aDraft({ id: 'new-id' }));
    renderPage(<NewDossierPage />, { path: '/ho-so/moi', at: '/ho-so/moi' });

    expect(screen.getByRole('navigation', { name: 'Các bước của hồ sơ' }).textContent).toContain('Bước 1/6');
    expect(screen.getByText('Nội dung đề nghị').getAttribute('aria-current')).toBe('step');
    await user.selectOptions(screen.getByLabelText('Chương trình'), 'LOCAL');
    // Only the calls open today are offered.
    await screen.findByRole('option', { name: /^Khuyến công địa phương \(từ/ });
    expect(screen.queryByRole('option', { name: /Đợt đã đóng/ })).toBeNull();
    await user.selectOptions(screen.getByLabelText('Đợt tiếp nhận hồ sơ'), 'call-local');
    await user.selectOptions(screen.getByLabelText('Nội dung khuyến công'), await screen.findByRole('option', { name: CONTENTS[1]!.name }));
    await user.selectOptions(screen.getByLabelText('Loại hỗ trợ'), await screen.findByRole('option', { name: 'Ứng dụng máy móc thiết bị' }));
    expect(screen.getByText(/Mức hỗ trợ tối đa: 50% tổng kinh phí/)).toBeTruthy();
    await user.type(screen.getByLabelText('Tên đề án'), 'Máy chế biến miến dong');
    await user.click(screen.getByRole('button', { name: 'Lưu và tiếp tục' }));

    expect(create).toHaveBeenCalledWith({
      title: 'Máy chế biến miến dong',
      contentCode: 'TECHNOLOGY_TRANSFER',
      programme: 'LOCAL',
      fundingCallId: 'call-local',
      supportKind: 'MACHINERY',
      answers: {},
    });
    await waitFor(() => expect(path()).toBe('/ho-so/new-id/sua/de-an'));
  });

  it('lists the problems in the order of the form, links each to its field and counts them in the title', async () => {
    const user = userEvent.setup();
    theCatalogue();
    const create = vi.spyOn(api, 'createDossier');
    renderPage(<NewDossierPage />, { path: '/ho-so/moi', at: '/ho-so/moi' });
    await user.click(screen.getByRole('button', { name: 'Lưu và tiếp tục' }));

    const summary = screen.getByRole('region', { name: 'Có lỗi cần sửa' });
    expect(within(summary).getAllByRole('link').map((a) => a.getAttribute('href'))).toEqual(['#programme', '#contentCode', '#title']);
    expect(document.activeElement).toBe(summary);
    await waitFor(() => expect(document.title).toBe('(3 lỗi) Chương trình, đợt tiếp nhận và nội dung – Tạo hồ sơ mới – Khuyến công Online'));
    expect(create).not.toHaveBeenCalled();
  });

  it('keeps what was typed when the connection drops', async () => {
    const user = userEvent.setup();
    theCatalogue();
    vi.spyOn(api, 'createDossier').mockRejectedValue(new ApiError({ status: 0, errors: [] }));
    renderPage(<NewDossierPage />, { path: '/ho-so/moi', at: '/ho-so/moi' });
    await user.selectOptions(screen.getByLabelText('Chương trình'), 'LOCAL');
    await user.selectOptions(screen.getByLabelText('Nội dung khuyến công'), await screen.findByRole('option', { name: CONTENTS[1]!.name }));
    await user.type(screen.getByLabelText('Tên đề án'), 'Đề án');
    await user.click(screen.getByRole('button', { name: 'Lưu và tiếp tục' }));

    const summary = await screen.findByRole('region', { name: 'Có lỗi cần sửa' });
    expect(summary.textContent).toContain('giữ tạm trong thẻ trình duyệt này');
    expect((screen.getByLabelText('Tên đề án') as HTMLInputElement).value).toBe('Đề án');
    expect(path()).toBe('/ho-so/moi');
  });

  it('offers the answers a dropped connection kept, after a reload', async () => {
    const user = userEvent.setup();
    theCatalogue();
    window.sessionStorage.setItem(
      'khuyencong:draft:doanhnghiep:d1',
      JSON.stringify({ ...answersFromDossier(aDraft()), totalBudget: '400.000.000' }),
    );
    aDraftOnTheServer(aDraft());
    renderPage(<EditDossierPage />, { path: '/ho-so/:id/sua/:step?', at: '/ho-so/d1/sua/kinh-phi' });

    const offer = await screen.findByRole('region', { name: 'Có câu trả lời chưa lưu' });
    expect((screen.getByLabelText('Tổng kinh phí thực hiện (đồng)') as HTMLInputElement).value).toBe('');
    await user.click(within(offer).getByRole('button', { name: 'Điền lại câu trả lời chưa lưu' }));
    expect((screen.getByLabelText('Tổng kinh phí thực hiện (đồng)') as HTMLInputElement).value).toBe('400.000.000');
    expect(screen.queryByRole('region', { name: 'Có câu trả lời chưa lưu' })).toBeNull();
  });
});

describe('the following steps', () => {
  it('shows the cap for the project, refuses a request above it, and saves with the version it read', async () => {
    const user = userEvent.setup();
    theCatalogue();
    aDraftOnTheServer(aDraft());
    const save = vi.spyOn(api, 'saveDossier').mockResolvedValue(aDraft({ version: 5 }));
    renderPage(<EditDossierPage />, { path: '/ho-so/:id/sua/:step?', at: '/ho-so/d1/sua/kinh-phi' });

    await user.type(await screen.findByLabelText('Tổng kinh phí thực hiện (đồng)'), '400.000.000');
    // 50% of 400 million is 200 million, the kind's ceiling; Côn Minh is a priority area: × 150%.
    expect(screen.getByTestId('support-cap').textContent).toMatch(/300\.000\.000/);
    await user.type(screen.getByLabelText('Kinh phí đề nghị hỗ trợ (đồng)'), '350.000.000');
    await user.type(screen.getByLabelText('Vốn đối ứng của cơ sở (đồng)'), '50.000.000');
    await user.click(screen.getByRole('button', { name: 'Lưu và tiếp tục' }));
    expect(await screen.findByRole('link', { name: /vượt mức tối đa/ })).toBeTruthy();
    expect(save).not.toHaveBeenCalled();

    await user.clear(screen.getByLabelText('Kinh phí đề nghị hỗ trợ (đồng)'));
    await user.type(screen.getByLabelText('Kinh phí đề nghị hỗ trợ (đồng)'), '150.000.000');
    await user.clear(screen.getByLabelText('Vốn đối ứng của cơ sở (đồng)'));
    await user.type(screen.getByLabelText('Vốn đối ứng của cơ sở (đồng)'), '250.000.000');
    await user.click(screen.getByRole('button', { name: 'Lưu và tiếp tục' }));
    expect(save).toHaveBeenCalledWith(
      'd1',
      expect.objectContaining({ totalBudget: 400_000_000, requestedSupport: 150_000_000, counterpartFunds: 250_000_000 }),
      4,
    );
    await waitFor(() => expect(path()).toBe('/ho-so/d1/sua/thong-tin-rieng'));
  });

  it('links a refusal about an answer of another step to that step', async () => {
    const user = userEvent.setup();
    theCatalogue();
    aDraftOnTheServer(aDraft());
    vi.spyOn(api, 'saveDossier').mockRejectedValue(
      new ApiError({ status: 400, errors: [{ field: 'communeCode', message: 'Xã, phường không có trong danh mục.' }] }),
    );
    renderPage(<EditDossierPage />, { path: '/ho-so/:id/sua/:step?', at: '/ho-so/d1/sua/thong-tin-rieng' });
    await user.type(await screen.findByLabelText('Danh mục máy móc'), 'Máy nghiền');
    await user.click(screen.getByRole('button', { name: 'Lưu và tiếp tục' }));

    const link = await screen.findByRole('link', { name: 'Xã, phường không có trong danh mục.' });
    expect(link.getAttribute('href')).toBe('/ho-so/d1/sua/de-an#communeCode');
    expect((screen.getByLabelText('Danh mục máy móc') as HTMLTextAreaElement).value).toBe('Máy nghiền');
  });

  it('opens a draft where it was left, or at the field a link names', async () => {
    theCatalogue();
    aDraftOnTheServer(aDraft());
    renderPage(<EditDossierPage />, { path: '/ho-so/:id/sua/:step?', at: '/ho-so/d1/sua' });
    await waitFor(() => expect(path()).toBe('/ho-so/d1/sua/kinh-phi'));
    expect(await screen.findByRole('heading', { level: 1, name: 'Kinh phí thực hiện' })).toBeTruthy();
  });

  it('refuses to edit a dossier already submitted, and points to its receipt', async () => {
    theCatalogue();
    aDraftOnTheServer(aDraft({ status: 'SUBMITTED', code: '000.00.15.H55-261127-0001', editable: false, allowedEvents: ['WITHDRAW'] }));
    renderPage(<EditDossierPage />, { path: '/ho-so/:id/sua/:step?', at: '/ho-so/d1/sua' });
    expect((await screen.findByRole('alert')).textContent).toBe('Hồ sơ này không còn sửa được ở trạng thái hiện tại.');
    expect(screen.getByRole('link', { name: 'Xem giấy tiếp nhận' }).getAttribute('href')).toBe('/ho-so/d1/bien-nhan');
  });
});

describe('checking the answers', () => {
  const complete = aDraft({
    totalBudget: 400_000_000,
    requestedSupport: 150_000_000,
    counterpartFunds: 250_000_000,
    answers: { machines: 'Máy nghiền củ dong', supplierQuotes: 2 },
  });

  it('shows every answer with a link to change it, then submits once confirmed and opens the receipt', async () => {
    const user = userEvent.setup();
    theCatalogue();
    aDraftOnTheServer(complete, EVERY_REQUIRED);
    const fire = vi.spyOn(api, 'fire').mockResolvedValue({ ...complete, status: 'SUBMITTED', code: '000.00.15.H55-261127-0001', editable: false, allowedEvents: ['WITHDRAW'] });
    renderPage(<EditDossierPage />, { path: '/ho-so/:id/sua/:step?', at: '/ho-so/d1/sua/kiem-tra' });

    const budget = await screen.findByRole('region', { name: 'Kinh phí' });
    expect(budget.textContent).toContain('400.000.000');
    expect(within(budget).getByRole('link', { name: 'Thay đổi Tổng kinh phí thực hiện (đồng)' }).getAttribute('href')).toBe(
      '/ho-so/d1/sua/kinh-phi#totalBudget',
    );
    expect((await screen.findByRole('region', { name: 'Thông tin riêng' })).textContent).toContain('Máy nghiền củ dong');
    const documents = await screen.findByRole('region', { name: 'Tài liệu' });
    await within(documents).findByText('project_description.pdf');
    expect(within(documents).getByRole('link', { name: 'Thay đổi Đề án khuyến công' }).getAttribute('href')).toBe(
      '/ho-so/d1/sua/tai-lieu#checklist-file-PROJECT_DESCRIPTION',
    );
    expect(documents.textContent).not.toContain('Còn thiếu');

    await user.click(screen.getByRole('button', { name: 'Nộp hồ sơ' }));
    const dialog = screen.getByRole('dialog', { name: 'Xác nhận nộp hồ sơ' });
    await user.click(within(dialog).getByRole('button', { name: 'Nộp hồ sơ' }));
    expect(fire).toHaveBeenCalledWith('d1', 'SUBMIT');
    await waitFor(() => expect(path()).toBe('/ho-so/d1/bien-nhan'));
  });

  it('lists what is still missing, each linking to its step, without asking to confirm', async () => {
    const user = userEvent.setup();
    theCatalogue();
    aDraftOnTheServer(aDraft({ answers: { machines: 'Máy nghiền' } }), [LETTER]);
    const fire = vi.spyOn(api, 'fire');
    renderPage(<EditDossierPage />, { path: '/ho-so/:id/sua/:step?', at: '/ho-so/d1/sua/kiem-tra' });
    await screen.findByRole('region', { name: 'Thông tin riêng' });
    const documents = screen.getByRole('region', { name: 'Tài liệu' });
    await within(documents).findByText('don-de-nghi.pdf');
    expect(within(documents).getAllByText('Còn thiếu')).toHaveLength(3);
    await user.click(screen.getByRole('button', { name: 'Nộp hồ sơ' }));

    const summary = screen.getByRole('region', { name: 'Có lỗi cần sửa' });
    expect(within(summary).getAllByRole('link').map((a) => a.getAttribute('href'))).toEqual([
      '/ho-so/d1/sua/kinh-phi#totalBudget',
      '/ho-so/d1/sua/kinh-phi#requestedSupport',
      '/ho-so/d1/sua/kinh-phi#counterpartFunds',
      '/ho-so/d1/sua/thong-tin-rieng#answers.supplierQuotes',
      '/ho-so/d1/sua/tai-lieu#checklist-file-PROJECT_DESCRIPTION',
      '/ho-so/d1/sua/tai-lieu#checklist-file-DETAILED_BUDGET',
      '/ho-so/d1/sua/tai-lieu#checklist-file-SUPPLIER_QUOTES',
    ]);
    expect(within(summary).getByRole('link', { name: 'Còn thiếu giấy tờ bắt buộc: Đề án khuyến công' })).toBeTruthy();
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(fire).not.toHaveBeenCalled();
  });

  it.each([
    ['support-cap', 'requestedSupport', 'Kinh phí đề nghị hỗ trợ vượt mức tối đa.', '/ho-so/d1/sua/kinh-phi#requestedSupport'],
    [
      'required-documents',
      'documents.PROJECT_DESCRIPTION',
      'Còn thiếu: Đề án khuyến công',
      '/ho-so/d1/sua/tai-lieu#checklist-file-PROJECT_DESCRIPTION',
    ],
  ])('turns the server’s refusal of the submission (%s) into a link to the step and its input', async (rule, field, message, href) => {
    const user = userEvent.setup();
    theCatalogue();
    aDraftOnTheServer(complete, EVERY_REQUIRED);
    vi.spyOn(api, 'fire').mockRejectedValue(new ApiError({ status: 409, rule, errors: [{ field, message }] }));
    renderPage(<EditDossierPage />, { path: '/ho-so/:id/sua/:step?', at: '/ho-so/d1/sua/kiem-tra' });
    await within(await screen.findByRole('region', { name: 'Tài liệu' })).findByText('project_description.pdf');
    await user.click(screen.getByRole('button', { name: 'Nộp hồ sơ' }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Nộp hồ sơ' }));

    const link = await screen.findByRole('link', { name: message });
    expect(link.getAttribute('href')).toBe(href);
  });
});

describe('the documents step', () => {
  it('lists every document of the checklist, present or missing, with an upload for each', async () => {
    theCatalogue();
    aDraftOnTheServer(aDraft(), [LETTER]);
    renderPage(<EditDossierPage />, { path: '/ho-so/:id/sua/:step?', at: '/ho-so/d1/sua/tai-lieu' });

    const list = await screen.findByRole('list', { name: 'Danh mục giấy tờ của hồ sơ' });
    expect(within(list).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      expect.stringContaining('Công văn (đơn) đề nghị hỗ trợBắt buộcĐã có 1 tệp'),
      expect.stringContaining('Đề án khuyến côngBắt buộcCòn thiếu'),
      expect.stringContaining('Dự toán kinh phí chi tiếtBắt buộcCòn thiếu'),
      expect.stringContaining('Báo giá của nhà cung cấp máy móc, thiết bịBắt buộcCòn thiếu'),
      expect.stringContaining('Tài liệu khácKhông bắt buộcChưa có'),
    ]);
    expect(screen.getByText('Còn thiếu 3 giấy tờ bắt buộc.')).toBeTruthy();
    for (const [, name] of REQUIRED) expect(screen.getByRole('button', { name: `Tải lên: ${name}` })).toBeTruthy();
    expect(screen.getByRole('list', { name: 'Tài liệu đã tải lên' }).textContent).toContain('don-de-nghi.pdf');
  });

  it('counts an upload the server refused in the page title', async () => {
    const user = userEvent.setup();
    theCatalogue();
    aDraftOnTheServer(aDraft(), [LETTER]);
    vi.spyOn(api, 'uploadAnyDocument').mockRejectedValue(
      new ApiError({ status: 415, title: 'Loại tệp không được chấp nhận', detail: 'Tệp không phải PDF.', errors: [] }),
    );
    renderPage(<EditDossierPage />, { path: '/ho-so/:id/sua/:step?', at: '/ho-so/d1/sua/tai-lieu' });

    await user.upload(await screen.findByLabelText(/^Chọn tệp cho: Đề án khuyến công/), new File(['x'], 'de-an.pdf'));
    await user.click(screen.getByRole('button', { name: 'Tải lên: Đề án khuyến công' }));

    await screen.findByText(/^Không tải lên được tệp de-an\.pdf/);
    await waitFor(() => expect(document.title).toMatch(/^\(1 lỗi\) Tài liệu kèm theo/));
  });
});

describe('what the person types', () => {
  const KEPT = 'khuyencong:draft:doanhnghiep:d1';
  const kept = () => JSON.parse(window.sessionStorage.getItem(KEPT) ?? 'null') as { totalBudget?: string } | null;

  it('is kept in the tab a moment after typing, and forgotten once the form is saved', async () => {
    const user = userEvent.setup();
    theCatalogue();
    aDraftOnTheServer(aDraft());
    vi.spyOn(api, 'saveDossier').mockResolvedValue(aDraft({ version: 5 }));
    renderPage(<EditDossierPage />, { path: '/ho-so/:id/sua/:step?', at: '/ho-so/d1/sua/kinh-phi' });
    await user.type(await screen.findByLabelText('Tổng kinh phí thực hiện (đồng)'), '400.000.000');
    await waitFor(() => expect(kept()?.totalBudget).toBe('400.000.000'));

    await user.type(screen.getByLabelText('Kinh phí đề nghị hỗ trợ (đồng)'), '150.000.000');
    await user.type(screen.getByLabelText('Vốn đối ứng của cơ sở (đồng)'), '250.000.000');
    await user.click(screen.getByRole('button', { name: 'Lưu và tiếp tục' }));
    await waitFor(() => expect(path()).toBe('/ho-so/d1/sua/thong-tin-rieng'));
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(window.sessionStorage.getItem(KEPT)).toBeNull();
  });

  it('keeps nothing for a form opened and left as the server has it', async () => {
    theCatalogue();
    aDraftOnTheServer(aDraft());
    const { unmount } = renderPage(<EditDossierPage />, { path: '/ho-so/:id/sua/:step?', at: '/ho-so/d1/sua/kinh-phi' });
    await screen.findByLabelText('Tổng kinh phí thực hiện (đồng)');
    unmount();
    expect(window.sessionStorage.length).toBe(0);
  });

  it('comes back after the session ends and the person signs in again on the same form', async () => {
    const user = userEvent.setup();
    theCatalogue();
    aDraftOnTheServer(aDraft());
    const save = vi.spyOn(api, 'saveDossier').mockResolvedValue(aDraft({ version: 5 }));
    const signIn = vi.fn(async () => {});
    let setAuth: (state: AuthState) => void = () => {};
    function Session({ children }: { children: React.ReactNode }) {
      const [state, set] = useState<AuthState>(anEnterpriseUser());
      setAuth = set;
      return <AuthContext.Provider value={fakeAuth(state, { signIn })}>{children}</AuthContext.Provider>;
    }
    renderPage(
      <Session>
        <RequireAuth>
          <EditDossierPage />
        </RequireAuth>
      </Session>,
      { path: '/ho-so/:id/sua/:step?', at: '/ho-so/d1/sua/kinh-phi' },
    );
    await user.type(await screen.findByLabelText('Tổng kinh phí thực hiện (đồng)'), '400.000.000');

    // The session ends mid-sentence: the form gives way to the notice, and what was typed is kept at once.
    act(() => setAuth({ status: 'anonymous', expired: true }));
    expect(screen.getByRole('alert').textContent).toContain('Phiên đăng nhập đã hết hạn');
    expect(kept()?.totalBudget).toBe('400.000.000');
    await user.click(screen.getByRole('button', { name: 'Đăng nhập' }));
    expect(signIn).toHaveBeenCalledWith('/ho-so/d1/sua/kinh-phi');

    // Back from the identity provider, on the same page.
    window.sessionStorage.setItem('khuyencong:session:ended', 'doanhnghiep');
    act(() => setAuth(anEnterpriseUser()));
    const budget = (await screen.findByLabelText('Tổng kinh phí thực hiện (đồng)')) as HTMLInputElement;
    expect(budget.value).toBe('400.000.000');
    const notice = screen.getByTestId('draft-restored');
    expect(notice.getAttribute('role')).toBe('status');
    expect(notice.textContent).toContain('Đã khôi phục nội dung bạn đã nhập trước khi phiên đăng nhập kết thúc.');
    expect(screen.queryByRole('region', { name: 'Có câu trả lời chưa lưu' })).toBeNull();
    expect(window.sessionStorage.getItem('khuyencong:session:ended')).toBeNull();

    await user.type(screen.getByLabelText('Kinh phí đề nghị hỗ trợ (đồng)'), '150.000.000');
    await user.type(screen.getByLabelText('Vốn đối ứng của cơ sở (đồng)'), '250.000.000');
    await user.click(screen.getByRole('button', { name: 'Lưu và tiếp tục' }));
    expect(save).toHaveBeenCalledWith('d1', expect.objectContaining({ totalBudget: 400_000_000 }), 4);
    await waitFor(() => expect(screen.queryByTestId('draft-restored')).toBeNull());
    expect(window.sessionStorage.getItem(KEPT)).toBeNull();
  });

  it('belongs to the person who typed it: someone else signed in on the tab does not get it', async () => {
    theCatalogue();
    window.sessionStorage.setItem(KEPT, JSON.stringify({ ...answersFromDossier(aDraft()), totalBudget: '400.000.000' }));
    window.sessionStorage.setItem('khuyencong:session:ended', 'doanhnghiep');
    aDraftOnTheServer(aDraft());
    const other: AuthState = {
      status: 'signedIn',
      user: { username: 'nguoikhac', displayName: 'Người khác', roles: ['ENTERPRISE'], organisationName: null },
    };
    renderPage(<EditDossierPage />, { path: '/ho-so/:id/sua/:step?', at: '/ho-so/d1/sua/kinh-phi', auth: fakeAuth(other) });
    expect(((await screen.findByLabelText('Tổng kinh phí thực hiện (đồng)')) as HTMLInputElement).value).toBe('');
    expect(screen.queryByTestId('draft-restored')).toBeNull();
    expect(screen.queryByRole('region', { name: 'Có câu trả lời chưa lưu' })).toBeNull();
  });
});
