import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { api, ApiError, type Dossier } from '../../api';
import { fakeAuth, renderPage } from '../../test/render';
import { QueuePage, sortQueue } from './QueuePage';

function aQueuedDossier(overrides: Partial<Dossier>): Dossier {
  return {
    id: 'd1',
    code: '000.00.15.H55-261127-0001',
    title: 'Máy chế biến miến dong',
    contentCode: 'TECHNOLOGY_TRANSFER',
    programme: 'LOCAL',
    requestedSupport: 150_000_000,
    status: 'UNDER_REVIEW',
    statusName: 'Đang thẩm định',
    portalStatusCode: 4,
    createdAt: '2026-11-20T03:00:00Z',
    submittedAt: '2026-11-20T03:00:00Z',
    appointmentDate: '2026-12-18',
    deadline: 'ON_TIME',
    overdue: false,
    assignedReviewer: null,
    version: 3,
    allowedEvents: ['ASSIGN', 'RECOMMEND', 'REJECT'],
    ...overrides,
  };
}

const late = aQueuedDossier({ id: 'late', code: '000.00.15.H55-261101-0001', appointmentDate: '2026-11-25', deadline: 'OVERDUE', overdue: true, assignedReviewer: 'thamdinh' });
const soon = aQueuedDossier({ id: 'soon', code: '000.00.15.H55-261110-0002', appointmentDate: '2026-11-30', deadline: 'DUE_SOON', submittedAt: '2026-11-10T03:00:00Z' });
const easy = aQueuedDossier({ id: 'easy', code: '000.00.15.H55-261126-0003', appointmentDate: '2026-12-20', status: 'SUBMITTED', statusName: 'Đã tiếp nhận', submittedAt: '2026-11-01T03:00:00Z' });

const aReviewer = () =>
  fakeAuth({ status: 'signedIn', user: { username: 'thamdinh', displayName: 'Hoàng Văn Thắng', roles: ['REVIEWER'], organisationName: null } });

const codesInTable = () =>
  within(screen.getByRole('table'))
    .getAllByRole('row')
    .slice(1)
    .map((row) => within(row).getAllByRole('link')[0]!.textContent);

describe('the officers’ queue', () => {
  it('puts the most urgent first, says how many are late, and colours the rows by deadline', async () => {
    vi.spyOn(api, 'queue').mockResolvedValue([easy, soon, late]);
    renderPage(<QueuePage />, { path: '/can-bo', at: '/can-bo', auth: aReviewer() });

    await screen.findByRole('table');
    expect(codesInTable()).toEqual([late.code, soon.code, easy.code]);
    expect(screen.getByTestId('queue-summary').textContent).toBe('1 hồ sơ quá hạn1 hồ sơ sắp đến hạn');
    const rows = within(screen.getByRole('table')).getAllByRole('row');
    expect(rows[1]!.className).toBe('queue__row--overdue');
    expect(within(rows[1]!).getByText('Quá hạn')).toBeTruthy();
    expect(within(rows[1]!).getByText('25/11/2026')).toBeTruthy();
    expect(rows[2]!.className).toBe('queue__row--due-soon');
  });

  it('filters by state through links, by deadline and by assignee, and sorts on request', async () => {
    const user = userEvent.setup();
    const queue = vi.spyOn(api, 'queue').mockResolvedValue([easy, soon, late]);
    renderPage(<QueuePage />, { path: '/can-bo', at: '/can-bo', auth: aReviewer() });
    await screen.findByRole('table');

    const tabs = screen.getByRole('navigation', { name: 'Hồ sơ theo trạng thái' });
    expect(within(tabs).getByRole('link', { name: 'Tất cả trạng thái' }).getAttribute('aria-current')).toBe('page');
    await user.click(within(tabs).getByRole('link', { name: 'Đã tiếp nhận' }));
    await waitFor(() => expect(queue).toHaveBeenLastCalledWith({ status: 'SUBMITTED', assignee: undefined, unassigned: undefined }));
    expect(within(tabs).getByRole('link', { name: 'Đã tiếp nhận' }).getAttribute('aria-current')).toBe('page');

    await user.click(screen.getByLabelText('Chỉ hồ sơ được giao cho tôi'));
    await waitFor(() => expect(queue).toHaveBeenLastCalledWith({ status: 'SUBMITTED', assignee: 'me', unassigned: undefined }));
    await user.click(screen.getByLabelText('Chỉ hồ sơ chưa giao'));
    await waitFor(() => expect(queue).toHaveBeenLastCalledWith({ status: 'SUBMITTED', assignee: 'me', unassigned: true }));

    await user.selectOptions(screen.getByLabelText('Thời hạn xử lý'), 'OVERDUE');
    expect(codesInTable()).toEqual([late.code]);
    await user.selectOptions(screen.getByLabelText('Thời hạn xử lý'), '');
    await user.selectOptions(screen.getByLabelText('Sắp xếp'), 'submitted');
    expect(codesInTable()).toEqual([easy.code, soon.code, late.code]);
  });

  it('assigns a reviewer through a dialog, and shows the server’s refusal next to the name', async () => {
    const user = userEvent.setup();
    vi.spyOn(api, 'queue').mockResolvedValue([easy]);
    const fire = vi
      .spyOn(api, 'fire')
      .mockRejectedValueOnce(
        new ApiError({ status: 409, rule: 'assignee', detail: 'Người được giao không phải cán bộ thẩm định của cơ quan.', errors: [] }),
      )
      .mockResolvedValueOnce({ ...easy, assignedReviewer: 'thamdinh' });
    renderPage(<QueuePage />, { path: '/can-bo', at: '/can-bo', auth: aReviewer() });

    await user.click(await screen.findByRole('button', { name: `Giao hồ sơ ${easy.code}` }));
    const dialog = screen.getByRole('dialog', { name: `Giao hồ sơ ${easy.code}` });
    await user.type(within(dialog).getByLabelText('Tên đăng nhập của cán bộ thẩm định'), 'ai-do');
    await user.click(within(dialog).getByRole('button', { name: 'Giao hồ sơ' }));
    expect(fire).toHaveBeenLastCalledWith('easy', 'ASSIGN', { assignee: 'ai-do' });
    expect(await within(dialog).findByText('Người được giao không phải cán bộ thẩm định của cơ quan.')).toBeTruthy();

    await user.click(within(dialog).getByRole('button', { name: 'Giao cho tôi' }));
    expect(fire).toHaveBeenLastCalledWith('easy', 'ASSIGN', { assignee: 'thamdinh' });
    expect(await screen.findByText(`Đã giao hồ sơ ${easy.code} cho thamdinh.`)).toBeTruthy();
    expect(within(screen.getByRole('table')).getByText('thamdinh')).toBeTruthy();
  });

  it('offers no assignment to a monitor', async () => {
    vi.spyOn(api, 'queue').mockResolvedValue([{ ...easy, allowedEvents: [] }]);
    const monitor = fakeAuth({ status: 'signedIn', user: { username: 'giamsat', displayName: 'Triệu Văn Đức', roles: ['MONITOR'], organisationName: null } });
    renderPage(<QueuePage />, { path: '/can-bo', at: '/can-bo', auth: monitor });
    await screen.findByRole('table');
    expect(screen.queryByRole('button', { name: /Giao hồ sơ/ })).toBeNull();
  });
});

describe('sorting the queue', () => {
  it('sorts the other way round on request, and dossiers without a date last', () => {
    const undated = aQueuedDossier({ id: 'undated', appointmentDate: null, deadline: 'NONE' });
    expect(sortQueue([undated, easy, late, soon], 'deadline').map((d) => d.id)).toEqual(['late', 'soon', 'easy', 'undated']);
    expect(sortQueue([undated, easy, late, soon], 'deadline-desc').map((d) => d.id)).toEqual(['undated', 'easy', 'soon', 'late']);
  });
});
