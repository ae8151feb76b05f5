import { apiRequest } from '../Notifications/request';

export const INDICATORS = ['processingTime', 'contacts', 'attitude', 'onlineService'] as const;
export type Indicator = (typeof INDICATORS)[number];

export interface Rating {
  processingTime: number;
  contacts: number;
  attitude: number;
  onlineService: number;
  comment: string | null;
  ratedAt: string | null;
}

export interface RatingStatus {
  canRate: boolean;
  rating: Rating | null;
}

export interface RatingRequest {
  processingTime: number;
  contacts: number;
  attitude: number;
  onlineService: number;
  comment?: string;
}

/** The averages of one period, each indicator scored 0 to 2. */
export interface SatisfactionPeriod {
  period: string;
  count: number;
  processingTime: number;
  contacts: number;
  attitude: number;
  onlineService: number;
  overall: number;
}

const id = encodeURIComponent;

export const satisfactionApi = {
  status: (dossierId: string) => apiRequest<RatingStatus>('GET', `/dossiers/${id(dossierId)}/satisfaction`),
  averages: (groupBy: 'MONTH' | 'QUARTER' | 'YEAR') =>
    apiRequest<SatisfactionPeriod[]>('GET', `/public/satisfaction?groupBy=${groupBy}`),
  rate: (dossierId: string, rating: RatingRequest) =>
    apiRequest<Rating>('POST', `/dossiers/${id(dossierId)}/satisfaction`, rating),
};
