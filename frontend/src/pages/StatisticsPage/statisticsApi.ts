import { currentAccessToken } from '../../api';
import { ApiError, parseProblem } from '../../api/problem';

/** The figures of one group (a programme, a content, a year, a commune, a state, or the total). Money is whole VND. */
export interface Figures {
  key: string | null;
  name: string;
  dossiers: number;
  projects: number;
  supportRequested: number;
  supportApproved: number;
  supportPaid: number;
  counterpartCommitted: number;
  counterpartRealised: number;
  settledProjects: number;
  settledSupportPaid: number;
  leverage: number | null;
}

export interface Outcome {
  supportKind: string | null;
  supportKindName: string | null;
  contentCode: string;
  projects: number;
  supportPaid: number;
  counterpartRealised: number;
  workersTrained: number;
  machinesInstalled: number;
  machinesWorking: number;
  products: number;
  fairsAttended: number;
}

export interface Processing {
  dossiers: number;
  decided: number;
  decidedOnTime: number;
  onTimeRate: number | null;
  averageWorkingDaysToDecision: number | null;
  supplementsRequested: number;
  supplementRate: number | null;
}

export interface TargetProgress {
  periodCode: string;
  periodName: string;
  fromYear: number;
  toYear: number;
  indicator: string;
  programme: string | null;
  supportKind: string | null;
  targetProjects: number | null;
  targetAmount: number | null;
  projects: number;
  amountApproved: number;
  projectsPercent: number | null;
  amountPercent: number | null;
  source: string;
}

export interface StatisticsFilter {
  fromYear?: number;
  toYear?: number;
  programme?: 'NATIONAL' | 'LOCAL';
  contentCode?: string;
  communeCode?: string;
}

export interface PublicReport {
  headline: { contentsCarriedOut: number; contentsInCatalogue: number };
  total: Figures;
  byProgramme: Figures[];
  byContent: Figures[];
  byYear: Figures[];
  outcomes: Outcome[];
  processing: Processing;
  targets: TargetProgress[];
}

export interface Dashboard extends PublicReport {
  byCommune: Figures[];
  byState: Figures[];
}

/** The query string of a filter, its parts in a stable order; empty parts left out. */
export function query(filter: StatisticsFilter): string {
  const params = new URLSearchParams();
  for (const key of ['fromYear', 'toYear', 'programme', 'contentCode', 'communeCode'] as const) {
    const value = filter[key];
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

async function send(path: string, accept: string): Promise<Response> {
  const headers: Record<string, string> = { Accept: accept };
  const token = currentAccessToken();
  if (token) headers.Authorization = `Bearer ${token}`;
  let response: Response;
  try {
    response = await fetch(`/api/v1${path}`, { headers, credentials: 'same-origin' });
  } catch {
    throw new ApiError({ status: 0, errors: [] });
  }
  if (!response.ok) {
    const text = await response.text().catch(() => '');
    throw new ApiError(parseProblem(response.status, text, response.headers?.get?.('Retry-After')));
  }
  return response;
}

async function json<T>(path: string): Promise<T> {
  const response = await send(path, 'application/json, application/problem+json');
  return (await response.json()) as T;
}

export const statisticsApi = {
  publicReport: (filter: StatisticsFilter = {}) => json<PublicReport>(`/public/statistics${query(filter)}`),
  dashboard: (filter: StatisticsFilter = {}) => json<Dashboard>(`/statistics/dashboard${query(filter)}`),
  /** Downloads an officer's export with the signed-in user's token and hands it to the browser as a file. */
  async download(format: 'csv' | 'xlsx', filter: StatisticsFilter): Promise<void> {
    const response = await send(`/statistics/export.${format}${query(filter)}`, '*/*');
    const blob = await response.blob();
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = `thong-ke-khuyen-cong.${format}`;
    document.body.appendChild(link);
    link.click();
    link.remove();
    URL.revokeObjectURL(url);
  },
};

/** Open data: stable addresses anyone can link to. */
export const OPEN_DATA = {
  csv: '/api/v1/public/open-data/approved-projects.csv',
  json: '/api/v1/public/open-data/approved-projects.json',
};

/** Billions of đồng with one decimal, as reports write them ("2,6 tỷ đồng"). */
export function formatBillions(value: number, language: string): string {
  return new Intl.NumberFormat(language === 'en' ? 'en-GB' : 'vi-VN', {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  }).format(Math.floor(value / 1e8) / 10);
}

export function formatNumber(value: number, language: string, digits = 0): string {
  return new Intl.NumberFormat(language === 'en' ? 'en-GB' : 'vi-VN', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(value);
}
