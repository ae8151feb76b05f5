import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { api, ApiError, type Organisation } from '../../api';
import type { AuthState, SignedInUser } from '../../auth/AuthContext';
import { fakeAuth, renderPage } from '../../test/render';
import { OrganisationRegistrationPage } from './OrganisationRegistrationPage';

function aPersonWithoutOrganisation(overrides: Partial<SignedInUser> = {}): AuthState {
  return {
    status: 'signedIn',
    user: {
      username: 'vneid-001',
      displayName: 'Trần Thị Mai',
      roles: ['ENTERPRISE'],
      organisationName: null,
      onboarding: 'ORGANISATION_REQUIRED',
      prefill: null,
      ...overrides,
    },
  };
}

const REGISTERED: Organisation = {
  id: 'o1',
  taxCode: '0100109106',
  name: 'HTX Miến dong Côn Minh',
  type: 'COOPERATIVE',
  typeName: 'Hợp tác xã',
  communeCode: '19003',
  address: 'Thôn Nà Pì',
};

function theCommunes() {
  vi.spyOn(api, 'communes').mockResolvedValue([
    { code: '19003', name: 'Xã Côn Minh', priorityArea: true },
    { code: '19010', name: 'Phường Đức Xuân', priorityArea: false },
  ]);
}

function open(auth = fakeAuth(aPersonWithoutOrganisation()), at = '/dang-ky-to-chuc?tiep=%2Fho-so%2Fmoi') {
  theCommunes();
  return renderPage(<OrganisationRegistrationPage />, { path: '/dang-ky-to-chuc', at, auth });
}

async function fillIn(user: ReturnType<typeof userEvent.setup>, { taxCode = '0100109106' } = {}) {
  // The list of communes to choose from, once the catalogue answered.
  await waitFor(() =>
    expect([...document.querySelectorAll('#commune-options option')].map((o) => o.getAttribute('value'))).toEqual([
      'Xã Côn Minh',
      'Phường Đức Xuân',
    ]),
  );
  expect(screen.getByLabelText('Xã, phường').getAttribute('list')).toBe('commune-options');
  if (taxCode) await user.type(screen.getByLabelText('Mã số thuế'), taxCode);
  await user.type(screen.getByLabelText('Tên tổ chức'), 'HTX Miến dong Côn Minh');
  await user.selectOptions(screen.getByLabelText('Loại hình tổ chức'), 'Hợp tác xã');
  await user.type(screen.getByLabelText('Địa chỉ trụ sở'), 'Thôn Nà Pì');
  await user.type(screen.getByLabelText('Xã, phường'), 'xa con minh');
}

const path = () => screen.getByTestId('current-path').textContent;

describe('registering the organisation', () => {
  it('lists what is missing, each linking to its field, and counts it in the title', async () => {
    const user = userEvent.setup();
    const register = vi.spyOn(api, 'registerOrganisation');
    open();
    await user.click(screen.getByRole('button', { name: 'Đăng ký tổ chức' }));
    const summary = screen.getByRole('region', { name: 'Có lỗi cần sửa' });
    expect(document.activeElement).toBe(summary);
    expect(within(summary).getAllByRole('link').map((a) => [a.textContent, a.getAttribute('href')])).toEqual([
      ['Nhập mã số thuế', '#taxCode'],
      ['Nhập tên tổ chức', '#organisationName'],
      ['Chọn loại hình tổ chức', '#organisationType'],
      ['Nhập địa chỉ trụ sở', '#address'],
      ['Chọn xã, phường', '#commune'],
    ]);
    await user.click(within(summary).getByRole('link', { name: 'Nhập địa chỉ trụ sở' }));
    expect(document.activeElement).toBe(screen.getByLabelText('Địa chỉ trụ sở'));
    expect(screen.getByLabelText('Mã số thuế').getAttribute('aria-invalid')).toBe('true');
    await waitFor(() => expect(document.title).toBe('(5 lỗi) Đăng ký tổ chức – Khuyến công Online'));
    expect(register).not.toHaveBeenCalled();
  });

  it('tells a tax code whose check digit is wrong before sending anything', async () => {
    const user = userEvent.setup();
    const register = vi.spyOn(api, 'registerOrganisation');
    open();
    await fillIn(user, { taxCode: '0100109105' });
    await user.click(screen.getByRole('button', { name: 'Đăng ký tổ chức' }));
    expect(screen.getByRole('link', { name: /chữ số thứ 10 không khớp/ }).getAttribute('href')).toBe('#taxCode');
    expect(register).not.toHaveBeenCalled();
  });

  it('sends the commune’s code, reads who the person is again and goes on where they were going', async () => {
    const user = userEvent.setup();
    const register = vi.spyOn(api, 'registerOrganisation').mockResolvedValue(REGISTERED);
    const reloadMe = vi.fn(async () => {});
    open(fakeAuth(aPersonWithoutOrganisation(), { reloadMe }));
    await fillIn(user);
    await user.click(screen.getByRole('button', { name: 'Đăng ký tổ chức' }));
    expect(register).toHaveBeenCalledWith({
      taxCode: '0100109106',
      name: 'HTX Miến dong Côn Minh',
      type: 'COOPERATIVE',
      address: 'Thôn Nà Pì',
      communeCode: '19003',
    });
    await waitFor(() => expect(path()).toBe('/ho-so/moi'));
    expect(reloadMe).toHaveBeenCalledOnce();
  });

  it('fills in what the identity provider asserted, and does not let the tax code be changed', async () => {
    open(fakeAuth(aPersonWithoutOrganisation({ prefill: { taxCode: '0100109106', organisationName: 'HTX Côn Minh' } })));
    const taxCode = screen.getByLabelText('Mã số thuế') as HTMLInputElement;
    expect(taxCode.value).toBe('0100109106');
    expect(taxCode.readOnly).toBe(true);
    expect(screen.getByText('Theo thông tin định danh của bạn, không sửa ở đây được.').id).toBe('taxCode-hint');
    expect((screen.getByLabelText('Tên tổ chức') as HTMLInputElement).value).toBe('HTX Côn Minh');
  });

  it('shows the server’s field errors on their fields', async () => {
    const user = userEvent.setup();
    vi.spyOn(api, 'registerOrganisation').mockRejectedValue(
      new ApiError({ status: 400, type: 'https://khuyencong.vn/problems/validation', errors: [{ field: 'address', message: 'Địa chỉ quá ngắn.' }] }),
    );
    open();
    await fillIn(user);
    await user.click(screen.getByRole('button', { name: 'Đăng ký tổ chức' }));
    expect((await screen.findByRole('link', { name: 'Địa chỉ quá ngắn.' })).getAttribute('href')).toBe('#address');
    expect(screen.getByLabelText('Địa chỉ trụ sở').getAttribute('aria-invalid')).toBe('true');
    expect(path()).toBe('/dang-ky-to-chuc');
  });

  it('explains that a tax code already registered needs an invitation from its owner', async () => {
    const user = userEvent.setup();
    vi.spyOn(api, 'registerOrganisation').mockRejectedValue(new ApiError({ status: 409, rule: 'tax-code-unique', errors: [] }));
    open();
    await fillIn(user);
    await user.click(screen.getByRole('button', { name: 'Đăng ký tổ chức' }));
    const link = await screen.findByRole('link', { name: /đã được đăng ký cho một tổ chức/ });
    expect(link.getAttribute('href')).toBe('#taxCode');
    expect(link.textContent).toContain('gửi lời mời');
  });

  it('lets someone who already belongs to an organisation go on', async () => {
    const user = userEvent.setup();
    vi.spyOn(api, 'registerOrganisation').mockRejectedValue(new ApiError({ status: 409, rule: 'organisation-already', errors: [] }));
    const reloadMe = vi.fn(async () => {});
    open(fakeAuth(aPersonWithoutOrganisation(), { reloadMe }));
    await fillIn(user);
    await user.click(screen.getByRole('button', { name: 'Đăng ký tổ chức' }));
    const notice = await screen.findByRole('alert');
    expect(notice.textContent).toContain('Tài khoản của bạn đã thuộc một tổ chức');
    expect(document.activeElement).toBe(notice);
    await user.click(within(notice).getByRole('button', { name: 'Tiếp tục' }));
    expect(reloadMe).toHaveBeenCalledOnce();
    await waitFor(() => expect(path()).toBe('/ho-so/moi'));
  });

  it('sends someone with nothing to register where they were going', () => {
    open(fakeAuth(aPersonWithoutOrganisation({ onboarding: null })), '/dang-ky-to-chuc?tiep=https%3A%2F%2Fevil.example%2F');
    expect(path()).toBe('/ho-so');
  });
});
