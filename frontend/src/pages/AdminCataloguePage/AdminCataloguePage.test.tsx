import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { api, ApiError } from '../../api';
import { anEnterpriseUser, fakeAuth, renderPage } from '../../test/render';
import { AdminCataloguePage } from './AdminCataloguePage';

const anAdministrator = () =>
  fakeAuth({ status: 'signedIn', user: { username: 'quantri', displayName: 'Ma Thị Lan', roles: ['ADMIN'], organisationName: null } });

const open = (section: string, auth = anAdministrator()) =>
  renderPage(<AdminCataloguePage />, { path: '/quan-tri/danh-muc/:section?', at: `/quan-tri/danh-muc/${section}`, auth });

const CONTENTS = [
  { code: 'TECHNOLOGY_TRANSFER', name: 'Mô hình trình diễn kỹ thuật, chuyển giao công nghệ', legalBasis: 'Khoản 3 Điều 4 Nghị định 45/2012/NĐ-CP', processingDays: 15 },
];

describe('catalogue administration', () => {
  it('is for administrators only', async () => {
    open('ngay-nghi', fakeAuth(anEnterpriseUser()));
    expect((await screen.findByRole('alert')).textContent).toBe('Chỉ quản trị viên được cập nhật danh mục.');
  });

  it('edits a content’s processing time and the documents it requires', async () => {
    const user = userEvent.setup();
    vi.spyOn(api, 'catalogueContents').mockResolvedValue(CONTENTS);
    vi.spyOn(api, 'documentTypes').mockResolvedValue([
      { code: 'REQUEST_LETTER', name: 'Đơn đề nghị hỗ trợ' },
      { code: 'SUPPLIER_QUOTE', name: 'Báo giá của nhà cung cấp' },
    ]);
    vi.spyOn(api, 'contentDetail').mockResolvedValue({
      content: CONTENTS[0]!,
      supportKinds: [],
      fields: [],
      requiredDocumentTypes: ['REQUEST_LETTER'],
      priorityAreaCapPercent: 150,
    });
    const update = vi.spyOn(api.admin, 'updateContent').mockResolvedValue({ ...CONTENTS[0]!, processingDays: 20 });
    const documents = vi.spyOn(api.admin, 'setRequiredDocuments').mockResolvedValue(['REQUEST_LETTER', 'SUPPLIER_QUOTE']);
    open('noi-dung');

    await user.click(await screen.findByRole('button', { name: /^Sửa Mô hình trình diễn/ }));
    const required = await screen.findByRole('group', { name: 'Giấy tờ bắt buộc' });
    expect((within(required).getByLabelText('Đơn đề nghị hỗ trợ') as HTMLInputElement).checked).toBe(true);
    await user.click(within(required).getByLabelText('Báo giá của nhà cung cấp'));
    await user.clear(screen.getByLabelText('Thời hạn giải quyết (ngày làm việc)'));
    await user.type(screen.getByLabelText('Thời hạn giải quyết (ngày làm việc)'), '400');
    await user.click(screen.getByRole('button', { name: 'Lưu' }));
    expect(screen.getByRole('link', { name: 'Thời hạn giải quyết từ 1 đến 365 ngày làm việc' }).getAttribute('href')).toBe('#content-processingDays');
    expect(update).not.toHaveBeenCalled();

    await user.clear(screen.getByLabelText('Thời hạn giải quyết (ngày làm việc)'));
    await user.type(screen.getByLabelText('Thời hạn giải quyết (ngày làm việc)'), '20');
    await user.click(screen.getByRole('button', { name: 'Lưu' }));
    expect(update).toHaveBeenCalledWith('TECHNOLOGY_TRANSFER', { name: CONTENTS[0]!.name, legalBasis: CONTENTS[0]!.legalBasis, processingDays: 20 });
    expect(documents).toHaveBeenCalledWith('TECHNOLOGY_TRANSFER', ['REQUEST_LETTER', 'SUPPLIER_QUOTE']);
    const row = within(screen.getByRole('table')).getAllByRole('row')[1]!;
    await waitFor(() => expect(within(row).getAllByRole('cell')[2]!.textContent).toBe('20'));
  });

  it('adds a cap from a date and puts the server’s refusal on the field it names', async () => {
    const user = userEvent.setup();
    vi.spyOn(api, 'catalogueContents').mockResolvedValue(CONTENTS);
    vi.spyOn(api, 'contentDetail').mockResolvedValue({
      content: CONTENTS[0]!,
      supportKinds: [{ kind: { code: 'MACHINERY', name: 'Ứng dụng máy móc thiết bị' }, currentCap: { maxPercent: 50, maxAmount: 200_000_000 } }],
      fields: [],
      requiredDocumentTypes: [],
      priorityAreaCapPercent: 150,
    });
    const add = vi
      .spyOn(api.admin, 'addSupportCap')
      .mockRejectedValueOnce(new ApiError({ status: 400, errors: [{ field: 'effectiveFrom', message: 'Đã có mức hỗ trợ có hiệu lực từ ngày này.' }] }))
      .mockResolvedValueOnce([{ kindCode: 'MACHINERY', effectiveFrom: '2027-01-01', effectiveTo: null, maxPercent: 60, maxAmount: 300_000_000 }]);
    open('muc-ho-tro');

    await user.selectOptions(await screen.findByLabelText('Nội dung khuyến công'), 'TECHNOLOGY_TRANSFER');
    expect((await screen.findByRole('table')).textContent).toContain('200.000.000');
    await user.selectOptions(screen.getByLabelText('Loại hỗ trợ'), 'MACHINERY');
    await user.type(screen.getByLabelText('Ngày có hiệu lực'), '2027-01-01');
    await user.type(screen.getByLabelText('Tỷ lệ hỗ trợ tối đa (% tổng kinh phí)'), '60');
    await user.type(screen.getByLabelText(/^Mức hỗ trợ tối đa \(đồng\)/), '300.000.000');
    await user.click(screen.getByRole('button', { name: 'Thêm mức hỗ trợ' }));
    expect((await screen.findByRole('link', { name: 'Đã có mức hỗ trợ có hiệu lực từ ngày này.' })).getAttribute('href')).toBe('#cap-effectiveFrom');

    await user.click(screen.getByRole('button', { name: 'Thêm mức hỗ trợ' }));
    expect(add).toHaveBeenLastCalledWith({ kindCode: 'MACHINERY', effectiveFrom: '2027-01-01', maxPercent: 60, maxAmount: 300_000_000 });
    expect((await screen.findByRole('status')).textContent).toMatch(/Đã thêm mức hỗ trợ.*60%/);
  });

  it('opens a funding call', async () => {
    const user = userEvent.setup();
    vi.spyOn(api, 'fundingCalls').mockResolvedValue([]);
    vi.spyOn(api, 'agencies').mockResolvedValue([{ code: '000.00.15.H55', name: 'Sở Công Thương Thái Nguyên', province: 'Thái Nguyên' }]);
    const add = vi.spyOn(api.admin, 'addFundingCall').mockImplementation(async (call) => ({ id: 'c1', ...call }));
    open('dot-tiep-nhan');

    await user.selectOptions(await screen.findByLabelText('Chương trình'), 'LOCAL');
    await user.type(screen.getByLabelText('Năm kế hoạch'), '2028');
    await user.type(screen.getByLabelText('Tên đợt'), 'Khuyến công địa phương năm 2028');
    await user.selectOptions(screen.getByLabelText('Cơ quan tiếp nhận'), '000.00.15.H55');
    await user.type(screen.getByLabelText('Ngày mở'), '2028-01-01');
    await user.type(screen.getByLabelText('Ngày đóng'), '2027-12-31');
    await user.click(screen.getByRole('button', { name: 'Mở đợt tiếp nhận' }));
    expect(screen.getByRole('link', { name: 'Ngày đóng phải sau ngày mở' })).toBeTruthy();

    await user.clear(screen.getByLabelText('Ngày đóng'));
    await user.type(screen.getByLabelText('Ngày đóng'), '2028-12-31');
    await user.click(screen.getByRole('button', { name: 'Mở đợt tiếp nhận' }));
    expect(add).toHaveBeenCalledWith({
      programme: 'LOCAL',
      year: 2028,
      name: 'Khuyến công địa phương năm 2028',
      agencyCode: '000.00.15.H55',
      opensOn: '2028-01-01',
      closesOn: '2028-12-31',
    });
    expect(await within(screen.getByRole('table')).findByText('Khuyến công địa phương năm 2028')).toBeTruthy();
  });

  it('adds a holiday and removes one once confirmed', async () => {
    const user = userEvent.setup();
    vi.spyOn(api, 'holidays').mockResolvedValue([{ day: '2026-09-02', name: 'Quốc khánh' }]);
    vi.spyOn(api.admin, 'addHoliday').mockImplementation(async (h) => h);
    const remove = vi.spyOn(api.admin, 'removeHoliday').mockResolvedValue(null);
    open('ngay-nghi');

    await user.type(await screen.findByLabelText('Ngày nghỉ'), '2027-02-16');
    await user.type(screen.getByLabelText('Tên ngày nghỉ'), 'Tết Nguyên đán');
    await user.click(screen.getByRole('button', { name: 'Thêm ngày nghỉ' }));
    expect(await screen.findByText('Đã thêm ngày nghỉ 16/02/2027.')).toBeTruthy();
    expect(screen.getByRole('table', { name: '2 ngày nghỉ' })).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Xoá 02/09/2026' }));
    await user.click(within(screen.getByRole('dialog', { name: 'Xoá ngày nghỉ?' })).getByRole('button', { name: 'Xoá' }));
    expect(remove).toHaveBeenCalledWith('2026-09-02');
    expect(await screen.findByText('Đã xoá ngày nghỉ 02/09/2026.')).toBeTruthy();
  });

  it('adds an agency, checking its code before sending it', async () => {
    const user = userEvent.setup();
    vi.spyOn(api, 'agencies').mockResolvedValue([{ code: '000.00.15.H55', name: 'Sở Công Thương Thái Nguyên', province: 'Thái Nguyên' }]);
    const put = vi.spyOn(api.admin, 'putAgency').mockImplementation(async (code, agency) => ({ code, name: agency.name, province: agency.province }));
    open('co-quan');

    await user.type(await screen.findByLabelText('Mã cơ quan'), 'sai mã');
    await user.type(screen.getByLabelText('Tên cơ quan'), 'Sở Công Thương Bắc Kạn');
    await user.type(screen.getByLabelText('Tỉnh, thành phố'), 'Thái Nguyên');
    await user.click(screen.getByRole('button', { name: 'Lưu' }));
    expect(screen.getByRole('link', { name: 'Mã cơ quan gồm 3 đến 40 chữ hoa, chữ số và dấu chấm' }).getAttribute('href')).toBe('#agency-code');
    expect(put).not.toHaveBeenCalled();

    await user.clear(screen.getByLabelText('Mã cơ quan'));
    await user.type(screen.getByLabelText('Mã cơ quan'), '000.00.15.h06');
    await user.click(screen.getByRole('button', { name: 'Lưu' }));
    expect(put).toHaveBeenCalledWith('000.00.15.H06', { name: 'Sở Công Thương Bắc Kạn', province: 'Thái Nguyên', active: true });
    expect(await within(screen.getByRole('table')).findByText('000.00.15.H06', { selector: 'td' })).toBeTruthy();
  });
});
