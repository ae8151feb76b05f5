import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { catalogue } from '../../api';
import { fakeAuth, renderPage } from '../../test/render';
import { aReport } from '../StatisticsPage/aReport';
import { DashboardPage, filterFrom } from './DashboardPage';

function anOfficer() {
  return fakeAuth({
    status: 'signedIn',
    user: { username: 'thamdinh', displayName: 'Hoàng Văn Thắng', roles: ['REVIEWER'], organisationName: null },
  } as never);
}

function openDashboard(at = '/can-bo/thong-ke') {
  const urls: string[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL) => {
      const url = String(input);
      urls.push(url);
      let body: unknown = aReport();
      if (url.endsWith('/catalog/contents')) body = [{ code: 'CONSULTING', name: 'Tư vấn' }];
      if (url.endsWith('/catalog/communes')) body = [{ code: '19003', name: 'Xã Côn Minh', priorityArea: true }];
      if (url.includes('/export.')) return new Response('Nhóm,Mã', { status: 200, headers: { 'Content-Type': 'text/csv' } });
      return new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });
    }),
  );
  renderPage(<DashboardPage />, { path: '/can-bo/thong-ke', at, auth: anOfficer() });
  return urls;
}

afterEach(() => {
  vi.unstubAllGlobals();
  catalogue.clear();
});

describe("the officers' dashboard", () => {
  it('shows the breakdowns by state and commune as charts with their tables', async () => {
    openDashboard();
    expect(await screen.findByRole('img', { name: /Số hồ sơ theo trạng thái/ })).toBeTruthy();
    expect(screen.getByRole('img', { name: /Kinh phí được duyệt theo xã, phường/ })).toBeTruthy();
    expect(screen.getByRole('region', { name: 'Theo nội dung khuyến công' })).toBeTruthy();
    expect(screen.getByText('29.350.000.000')).toBeTruthy();
  });

  it('filters by programme, content and commune through the address', async () => {
    const user = userEvent.setup();
    const urls = openDashboard('/can-bo/thong-ke?tu-nam=2014&den-nam=2018');
    await screen.findByRole('img', { name: /Số hồ sơ theo trạng thái/ });
    expect(urls).toContain('/api/v1/statistics/dashboard?fromYear=2014&toYear=2018');
    await user.selectOptions(screen.getByLabelText('Chương trình'), 'NATIONAL');
    await waitFor(() =>
      expect(urls.at(-1)).toBe('/api/v1/statistics/dashboard?fromYear=2014&toYear=2018&programme=NATIONAL'),
    );
    await screen.findByRole('option', { name: 'Xã Côn Minh' });
    await user.selectOptions(screen.getByLabelText('Xã, phường'), '19003');
    await waitFor(() => expect(urls.at(-1)).toContain('communeCode=19003'));
  });

  it('exports the filtered figures as CSV and XLSX', async () => {
    const user = userEvent.setup();
    URL.createObjectURL = vi.fn(() => 'blob:statistics');
    URL.revokeObjectURL = vi.fn();
    const urls = openDashboard('/can-bo/thong-ke?tu-nam=2016');
    await screen.findByRole('img', { name: /Số hồ sơ theo trạng thái/ });
    await user.click(screen.getByRole('button', { name: 'Xuất CSV' }));
    await waitFor(() => expect(urls).toContain('/api/v1/statistics/export.csv?fromYear=2016'));
    await user.click(screen.getByRole('button', { name: 'Xuất Excel (XLSX)' }));
    await waitFor(() => expect(urls).toContain('/api/v1/statistics/export.xlsx?fromYear=2016'));
  });

  it('ignores what the address says that is not a filter', () => {
    expect(filterFrom(new URLSearchParams('chuong-trinh=ALL&tu-nam=abc&xa=19003'))).toEqual({
      fromYear: undefined,
      toYear: undefined,
      programme: undefined,
      contentCode: undefined,
      communeCode: '19003',
    });
  });
});
