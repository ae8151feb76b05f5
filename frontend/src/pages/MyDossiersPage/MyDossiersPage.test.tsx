import { render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { api, type Dossier } from '../../api';
import { AuthContext } from '../../auth/AuthContext';
import { fakeAuth, renderPage } from '../../test/render';
import { MyDossiersPage } from './MyDossiersPage';

function aDossier(overrides: Partial<Dossier> = {}): Dossier {
  return {
    id: '6f1c2b0e-0000-4000-8000-000000000001',
    code: null,
    title: 'Máy chế biến miến dong',
    contentCode: 'MACHINERY',
    programme: 'LOCAL',
    requestedSupport: 150_000_000,
    status: 'DRAFT',
    statusName: 'Bản nháp',
    portalStatusCode: null,
    createdAt: '2026-11-26T03:00:00Z',
    submittedAt: null,
    appointmentDate: null,
    version: 0,
    editable: true,
    ...overrides,
  };
}

describe('my dossiers', () => {
  it('lists the dossiers newest first, with a dash for a draft without code', async () => {
    vi.spyOn(api, 'myDossiers').mockResolvedValue([
      aDossier(),
      aDossier({
        id: '6f1c2b0e-0000-4000-8000-000000000002',
        code: '000.00.15.H55-261127-0001',
        title: 'Hội chợ hàng công nghiệp nông thôn',
        status: 'SUBMITTED',
        statusName: 'Đã tiếp nhận',
        createdAt: '2026-11-27T03:00:00Z',
        editable: false,
      }),
    ]);
    renderPage(<MyDossiersPage />, { path: '/ho-so', at: '/ho-so' });

    const table = await screen.findByRole('table', { name: 'Danh sách hồ sơ' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((row) => within(row).getAllByRole('cell').map((cell) => cell.textContent))).toEqual([
      ['000.00.15.H55-261127-0001', 'Hội chợ hàng công nghiệp nông thôn', 'Đã tiếp nhận', '27/11/2026', 'Giấy tiếp nhận: Hội chợ hàng công nghiệp nông thôn'],
      ['—Chưa có mã', 'Máy chế biến miến dong', 'Bản nháp', '26/11/2026', 'Tiếp tục điền: Máy chế biến miến dong'],
    ]);
    // A draft is resumed where it was left; a submitted dossier's receipt stays at hand.
    expect(within(table).getByRole('link', { name: /^Tiếp tục điền.*Máy chế biến miến dong$/ }).getAttribute('href')).toBe(
      '/ho-so/6f1c2b0e-0000-4000-8000-000000000001/sua',
    );
    expect(
      within(table).getByRole('link', { name: /^Giấy tiếp nhận.*Hội chợ hàng công nghiệp nông thôn$/ }).getAttribute('href'),
    ).toBe('/ho-so/6f1c2b0e-0000-4000-8000-000000000002/bien-nhan');
    expect(within(table).getByRole('link', { name: 'Máy chế biến miến dong' }).getAttribute('href')).toBe(
      '/ho-so/6f1c2b0e-0000-4000-8000-000000000001',
    );
    expect(screen.getByRole('link', { name: 'Tạo hồ sơ mới' }).getAttribute('href')).toBe('/ho-so/moi');
    expect(screen.getByText('Tổ chức: HTX Miến dong Côn Minh')).toBeTruthy();
  });

  it('invites to create the first dossier', async () => {
    vi.spyOn(api, 'myDossiers').mockResolvedValue([]);
    renderPage(<MyDossiersPage />, { path: '/ho-so', at: '/ho-so' });
    expect(await screen.findByText(/Bạn chưa có hồ sơ nào/)).toBeTruthy();
  });
});

describe('arriving at my dossiers', () => {
  it.each([
    [{ joinedOrganisation: 'HTX Côn Minh' }, 'Bạn đã tham gia HTX Côn Minh. Giờ bạn có thể nộp và theo dõi hồ sơ của tổ chức.'],
    [{ registeredOrganisation: 'HTX Côn Minh' }, 'Đã đăng ký tổ chức HTX Côn Minh.'],
  ])('says what just happened (%o)', async (state, text) => {
    vi.spyOn(api, 'myDossiers').mockResolvedValue([]);
    render(
      <AuthContext.Provider value={fakeAuth()}>
        <MemoryRouter initialEntries={[{ pathname: '/ho-so', state }]}>
          <MyDossiersPage />
        </MemoryRouter>
      </AuthContext.Provider>,
    );
    const notice = screen.getByTestId('arrival-notice');
    expect(notice.getAttribute('role')).toBe('status');
    expect(notice.textContent).toBe(text);
  });

  it('says nothing more on an ordinary visit', async () => {
    vi.spyOn(api, 'myDossiers').mockResolvedValue([]);
    renderPage(<MyDossiersPage />, { path: '/ho-so', at: '/ho-so' });
    expect(await screen.findByText(/./, { selector: '.page-heading h1' })).toBeTruthy();
    expect(screen.queryByTestId('arrival-notice')).toBeNull();
  });
});
