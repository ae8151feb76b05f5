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

const id = encodeURIComponent;

export const satisfactionApi = {
  status: (dossierId: string) => apiRequest<RatingStatus>('GET', `/dossiers/${id(dossierId)}/satisfaction`),
  rate: (dossierId: string, rating: RatingRequest) =>
    apiRequest<Rating>('POST', `/dossiers/${id(dossierId)}/satisfaction`, rating),
};
