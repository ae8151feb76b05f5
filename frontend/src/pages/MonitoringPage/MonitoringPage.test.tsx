import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { api, ApiError, type Dossier, type HistoryEntry } from '../../api';
import { fakeAuth, renderPage } from '../../test/render';
import { MonitoringPage } from './MonitoringPage';
import { monitoringApi, type MonitoringView } from './monitoringApi';

const ID = '6f1c2b0e-0000-4000-8000-000000000007';

function theDossier(): Dossier {
  return {
    id: ID,
    code: '000.00.15.H55-261127-0001',
    title: 'Máy chế biến miến dong',
    contentCode: 'TECHNOLOGY_TRANSFER',
    programme: 'LOCAL',
    requestedSupport: 150_000_000,
    status: 'MONITORED',
    statusName: 'Đang giám sát thực hiện',
    portalStatusCode: 4,
    createdAt: '2026-11-27T02:00:00Z',
    submittedAt: '2026-11-27T03:00:00Z',
    appointmentDate: null,
    version: 9,
  };
}

function aView(overrides: Partial<MonitoringView> = {}): MonitoringView {
  return {
    dossierId: ID,
    status: 'MONITORED',
    started: true,
    startedOn: '2026-11-27',
    approvedAmount: 100_000_000,
    advancesPaid: 0,
    paymentsMade: 0,
    totalPaid: 0,
    remaining: 100_000_000,
    progressPercent: null,
    advanceCeiling: { maxPercent: 70, progressOverPercent: 70, legalBasis: 'Điểm d khoản 2 Điều 13 Thông tư 36/2013/TT-BCT', ceiling: 70_000_000, progressReached: false },
    reportDueDay: 25,
    nextReportDue: '2026-12-25',
    overdue: false,
    overdueSince: null,
    missingPeriods: [],
    endsOn: '2027-06-30',
    plan: [],
    reports: [],
    inspections: [],
    disbursements: [],
    changeRequests: [],
    notices: [],
    acceptance: null,
    settlement: null,
    ...overrides,
  };
}

function aMonitor() {
  return fakeAuth({ status: 'signedIn', user: { username: 'giamsat', displayName: 'Cán bộ giám sát', roles: ['MONITOR'], organisationName: null } });
}

function open(view: MonitoringView, auth = fakeAuth(), history: HistoryEntry[] = []) {
  vi.spyOn(api, 'dossier').mockResolvedValue(theDossier());
  vi.spyOn(api, 'history').mockResolvedValue(history);
  vi.spyOn(monitoringApi, 'view').mockResolvedValue(view);
  return renderPage(<MonitoringPage />, { path: '/ho-so/:id/theo-doi', at: `/ho-so/${ID}/theo-doi`, auth });
}

describe('the monitoring page', () => {
  it('lets the enterprise draw up its plan, sending the milestones it filled in', async () => {
    const user = userEvent.setup();
    const plan = vi.spyOn(monitoringApi, 'plan').mockResolvedValue(
      aView({ plan: [{ id: 1, position: 1, title: 'Lắp đặt máy', dueOn: '2027-03-31', promisedOutcome: '2 máy' }] }),
    );
    open(aView());
    expect(await screen.findByRole('heading', { level: 1, name: 'Theo dõi thực hiện đề án' })).toBeTruthy();
    expect(screen.getByText(/70% kinh phí được phê duyệt/)).toBeTruthy();
    await user.type(screen.getByLabelText('Mốc 1: tên công việc'), 'Lắp đặt máy');
    await user.type(screen.getByLabelText('Mốc 1: ngày hoàn thành'), '2027-03-31');
    await user.type(screen.getByLabelText('Mốc 1: kết quả cam kết'), '2 máy');
    await user.click(screen.getByRole('button', { name: 'Lưu kế hoạch' }));
    expect(plan).toHaveBeenCalledWith(ID, { milestones: [{ title: 'Lắp đặt máy', dueOn: '2027-03-31', promisedOutcome: '2 máy' }] });
    const table = await screen.findByRole('table', { name: 'Kế hoạch thực hiện' });
    expect(within(table).getByText('Lắp đặt máy')).toBeTruthy();
    // no officer's form for the enterprise
    expect(screen.queryByRole('heading', { name: 'Ghi nhận tạm ứng, thanh toán' })).toBeNull();
  });

  it('lists what is missing before sending anything', async () => {
    const user = userEvent.setup();
    const plan = vi.spyOn(monitoringApi, 'plan');
    open(aView());
    await user.click(await screen.findByRole('button', { name: 'Lưu kế hoạch' }));
    const summary = screen.getByRole('region', { name: 'Có lỗi cần sửa' });
    expect(within(summary).getByRole('link', { name: 'Vui lòng nhập: Mốc 1: tên công việc.' })).toBeTruthy();
    expect(plan).not.toHaveBeenCalled();
  });

  it('shows the monitor the rule that refused an advance, in the server’s words', async () => {
    const user = userEvent.setup();
    vi.spyOn(monitoringApi, 'disbursement').mockRejectedValue(
      new ApiError({
        status: 409,
        rule: 'advance-ceiling',
        detail: 'Tổng tạm ứng không được vượt 70% kinh phí được phê duyệt, tức 70.000.000 đồng.',
        errors: [{ field: 'amount', message: 'Không quá 70.000.000 đồng.' }],
      }),
    );
    open(aView(), aMonitor());
    const form = (await screen.findByRole('heading', { name: 'Ghi nhận tạm ứng, thanh toán' })).closest('section') as HTMLElement;
    await user.selectOptions(within(form).getByLabelText('Loại'), 'ADVANCE');
    await user.type(within(form).getByLabelText('Số tiền (đồng)'), '80.000.000');
    await user.type(within(form).getByLabelText('Ngày chi'), '2026-11-27');
    await user.type(within(form).getByLabelText('Số chứng từ'), 'UNC-01');
    await user.click(within(form).getByRole('button', { name: 'Ghi nhận' }));
    expect(await within(form).findByRole('link', { name: 'Không quá 70.000.000 đồng.' })).toBeTruthy();
    expect(monitoringApi.disbursement).toHaveBeenCalledWith(ID, { kind: 'ADVANCE', amount: 80_000_000, paidOn: '2026-11-27', reference: 'UNC-01' });
  });

  it('warns both sides of an overdue report and shows the frozen settlement', async () => {
    open(
      aView({
        status: 'COMPLETED',
        overdue: true,
        notices: [{ id: 1, kind: 'REPORT_OVERDUE', period: '2026-10', message: 'Đề án chưa có báo cáo tiến độ tháng 10/2026 (hạn 25/10/2026).', createdAt: '2026-10-26T00:00:00Z' }],
        settlement: {
          outcome: 'COMPLETED',
          approvedAmount: 100_000_000,
          totalSupportPaid: 90_000_000,
          counterpartRealised: 250_000_000,
          workersTrained: 20,
          machinesInstalled: 2,
          machinesWorking: 2,
          products: 1,
          fairsAttended: 0,
          settledOn: '2026-11-27',
        },
      }),
      aMonitor(),
    );
    expect(await screen.findByText(/chưa có báo cáo tiến độ tháng 10\/2026/)).toBeTruthy();
    expect(screen.getByText('Đã nghiệm thu')).toBeTruthy();
    expect(screen.getByText(/90\.000\.000/)).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Lập biên bản nghiệm thu' })).toBeNull();
  });

  it('shows both sides the same history, monitoring actions and the system’s notices named', async () => {
    const entry = (id: number, event: string, actor: string, actorRole: string, comment: string | null) =>
      ({ id, event, from: 'MONITORED', to: 'MONITORED', actor, actorRole, comment, occurredAt: '2026-11-27T03:00:00Z' }) as unknown as HistoryEntry;
    open(aView(), aMonitor(), [
      { ...entry(1, 'APPROVE', 'pheduyet', 'APPROVER', null), from: 'REVIEWED', to: 'APPROVED' } as HistoryEntry,
      entry(2, 'PROGRESS_REPORTED', 'doanhnghiep', 'ENTERPRISE', 'Báo cáo tiến độ tháng 11/2026'),
      entry(3, 'REPORT_OVERDUE', 'SYSTEM', 'SYSTEM', 'Đề án chưa có báo cáo tiến độ tháng 12/2026.'),
    ]);
    const history = await screen.findByRole('list', { name: 'Lịch sử thực hiện' });
    const items = within(history).getAllByRole('listitem');
    const titles = items.map((item) => item.querySelector('.timeline__state')?.textContent ?? '');
    expect(titles[0]).toMatch(/^Phê duyệt/);
    expect(titles.slice(1)).toEqual(['Báo cáo tiến độ', 'Quá hạn báo cáo tiến độ']);
    expect(within(items[2] as HTMLElement).getByText(/Hệ thống/)).toBeTruthy();
  });
});
