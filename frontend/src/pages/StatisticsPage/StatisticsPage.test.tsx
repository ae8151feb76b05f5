import { screen, within, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { nobody, fakeAuth, renderPage } from '../../test/render';
import { aReport, answering } from './aReport';
import { StatisticsPage, yearParam } from './StatisticsPage';
import { formatBillions, query } from './statisticsApi';

function openStatistics(at = '/thong-ke', body: unknown = aReport(), status = 200) {
  const { fetchMock, urls } = answering(body, status);
  vi.stubGlobal('fetch', vi.fn(fetchMock));
  renderPage(<StatisticsPage />, { path: '/thong-ke', at, auth: fakeAuth(nobody()) });
  return urls;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the public statistics page', () => {
  it('shows the headline figures computed by the server', async () => {
    openStatistics();
    const cards = await screen.findByRole('list', { name: 'Số liệu chính' });
    expect(within(cards).getByText('7/9')).toBeTruthy();
    expect(within(cards).getByText('2,6 tỷ đồng')).toBeTruthy();
    expect(within(cards).getByText('29,3 tỷ đồng')).toBeTruthy();
    expect(within(cards).getByText('1 : 11')).toBeTruthy();
    await waitFor(() => expect(document.title).toBe('Thống kê khuyến công – Khuyến công Online'));
  });

  it('draws each chart as one image with a text title, and gives the same figures as a table', async () => {
    openStatistics();
    const chart = await screen.findByRole('img', { name: /Kinh phí được duyệt theo nội dung khuyến công/ });
    expect(chart.querySelectorAll('[data-testid="bar"]')).toHaveLength(2);
    const table = screen.getByRole('table', { name: 'Kinh phí được duyệt theo nội dung khuyến công' });
    expect(within(table).getByRole('rowheader', { name: 'Mô hình trình diễn kỹ thuật' })).toBeTruthy();
    expect(within(table).getByText('3,1 tỷ đồng')).toBeTruthy();
  });

  it('lists the outcomes, processing figures and the progress toward each target', async () => {
    openStatistics();
    const outcomes = await screen.findByRole('region', { name: 'Kết quả nghiệm thu theo loại hỗ trợ' });
    expect(within(outcomes).getByText('275')).toBeTruthy();
    expect(screen.getByText('100,0 %')).toBeTruthy();
    const targets = screen.getByRole('region', { name: 'Mục tiêu theo giai đoạn' });
    expect(within(targets).getByText('1 đề án (10,0 %)')).toBeTruthy();
  });

  it('keeps the period in the address and asks the server for it', async () => {
    const user = userEvent.setup();
    const urls = openStatistics('/thong-ke?tu-nam=2014');
    await screen.findByRole('list', { name: 'Số liệu chính' });
    expect(urls[0]).toBe('/api/v1/public/statistics?fromYear=2014');
    await user.selectOptions(screen.getByLabelText('Đến năm'), '2018');
    await waitFor(() => expect(urls.at(-1)).toBe('/api/v1/public/statistics?fromYear=2014&toYear=2018'));
  });

  it('links the open data at its stable address', async () => {
    openStatistics();
    const link = await screen.findByRole('link', { name: 'Tải danh sách đề án được phê duyệt (CSV)' });
    expect(link.getAttribute('href')).toBe('/api/v1/public/open-data/approved-projects.csv');
  });

  it('says so when the server refuses', async () => {
    openStatistics('/thong-ke', { title: 'Lỗi', status: 500, detail: 'Máy chủ đang bận.' }, 500);
    expect(await screen.findByRole('alert')).toBeTruthy();
  });

  it('shows an empty period as such', async () => {
    const empty = { ...aReport(), byContent: [], byYear: [], outcomes: [] };
    openStatistics('/thong-ke', empty);
    expect((await screen.findAllByText('Chưa có số liệu trong kỳ này.')).length).toBeGreaterThan(0);
  });
});

describe('statistics helpers', () => {
  it('reads only plausible years from the address', () => {
    expect(yearParam('2016')).toBe(2016);
    expect(yearParam('16')).toBeUndefined();
    expect(yearParam(null)).toBeUndefined();
  });

  it('builds the query in a stable order and leaves empty parts out', () => {
    expect(query({})).toBe('');
    expect(query({ communeCode: '19003', fromYear: 2014, programme: 'NATIONAL' })).toBe(
      '?fromYear=2014&programme=NATIONAL&communeCode=19003',
    );
  });

  it('writes billions as reports do, never rounding up past the figure', () => {
    expect(formatBillions(2_600_000_000, 'vi')).toBe('2,6');
    expect(formatBillions(29_350_000_000, 'vi')).toBe('29,3');
    expect(formatBillions(2_150_000_000, 'en')).toBe('2.1');
  });
});
