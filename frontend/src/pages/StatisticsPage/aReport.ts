import type { Dashboard, Figures } from './statisticsApi';

/** Test data: figures of one group. */
export function figures(key: string | null, name: string, overrides: Partial<Figures> = {}): Figures {
  return {
    key,
    name,
    dossiers: 0,
    projects: 0,
    supportRequested: 0,
    supportApproved: 0,
    supportPaid: 0,
    counterpartCommitted: 0,
    counterpartRealised: 0,
    settledProjects: 0,
    settledSupportPaid: 0,
    leverage: null,
    ...overrides,
  };
}

/** Test data: the Bắc Kạn figures as the backend answers them for 2014–2018. */
export function aReport(): Dashboard {
  return {
    headline: { contentsCarriedOut: 7, contentsInCatalogue: 9 },
    total: figures(null, 'Tổng cộng', { dossiers: 55, projects: 53, supportApproved: 3_361_000_000 }),
    byProgramme: [
      figures('NATIONAL', 'Khuyến công quốc gia', {
        dossiers: 23,
        projects: 23,
        supportApproved: 2_600_000_000,
        settledSupportPaid: 2_600_000_000,
        counterpartRealised: 29_350_000_000,
        leverage: 11.29,
      }),
      figures('LOCAL', 'Khuyến công địa phương', { dossiers: 32, projects: 30 }),
    ],
    byContent: [
      figures('TECHNOLOGY_TRANSFER', 'Mô hình trình diễn kỹ thuật', { projects: 33, supportApproved: 3_150_000_000 }),
      figures('CONSULTING', 'Tư vấn', { projects: 4, supportApproved: 120_000_000 }),
    ],
    byYear: [figures('2014', 'Năm 2014', { projects: 10 }), figures('2015', 'Năm 2015', { projects: 12 })],
    byCommune: [figures('19003', 'Xã Côn Minh', { supportApproved: 500_000_000 })],
    byState: [figures('COMPLETED', 'Đã hoàn thành', { dossiers: 53 }), figures('REJECTED', 'Từ chối', { dossiers: 1 })],
    outcomes: [
      {
        supportKind: 'VOCATIONAL_TRAINING',
        supportKindName: 'Đào tạo nghề, truyền nghề',
        contentCode: 'VOCATIONAL_TRAINING',
        projects: 2,
        supportPaid: 240_000_000,
        counterpartRealised: 30_000_000,
        workersTrained: 275,
        machinesInstalled: 0,
        machinesWorking: 0,
        products: 0,
        fairsAttended: 0,
      },
    ],
    processing: {
      dossiers: 55,
      decided: 54,
      decidedOnTime: 54,
      onTimeRate: 100,
      averageWorkingDaysToDecision: 1,
      supplementsRequested: 3,
      supplementRate: 5.5,
    },
    targets: [
      {
        periodCode: 'TO_2020',
        periodName: 'Mục tiêu đến năm 2020',
        fromYear: 2019,
        toYear: 2020,
        indicator: 'Cơ sở đổi mới công nghệ tiên tiến, hiện đại',
        programme: null,
        supportKind: 'MACHINERY',
        targetProjects: 10,
        targetAmount: null,
        projects: 1,
        amountApproved: 80_000_000,
        projectsPercent: 10,
        amountPercent: null,
        source: 'UBND tỉnh Bắc Kạn',
      },
    ],
  };
}

/** A fetch that answers every call with {@code body}, recording the URLs asked for. */
export function answering(body: unknown, status = 200) {
  const urls: string[] = [];
  const fetchMock = async (input: RequestInfo | URL) => {
    if (String(input).includes('/public/satisfaction')) {
      // the satisfaction summary beside the figures: nobody has rated yet
      return new Response('[]', { status: 200, headers: { 'Content-Type': 'application/json' } });
    }
    urls.push(String(input));
    return new Response(JSON.stringify(body), {
      status,
      headers: { 'Content-Type': status < 400 ? 'application/json' : 'application/problem+json' },
    });
  };
  return { fetchMock, urls };
}
