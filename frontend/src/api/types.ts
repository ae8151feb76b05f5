/** The shapes the backend's /api/v1 answers with. */

export type DossierStatus =
  | 'DRAFT'
  | 'SUBMITTED'
  | 'UNDER_REVIEW'
  | 'SUPPLEMENT_REQUESTED'
  | 'REVIEWED'
  | 'APPROVED'
  | 'MONITORED'
  | 'COMPLETED'
  | 'REJECTED'
  | 'WITHDRAWN'
  | 'TERMINATED';

export type Programme = 'NATIONAL' | 'LOCAL';

export const PROGRAMMES: readonly Programme[] = ['NATIONAL', 'LOCAL'];

export type WorkflowEvent =
  | 'SUBMIT'
  | 'START_REVIEW'
  | 'REQUEST_SUPPLEMENT'
  | 'RESUBMIT'
  | 'RECOMMEND'
  | 'RETURN'
  | 'APPROVE'
  | 'REJECT'
  | 'START_MONITORING'
  | 'ACCEPT'
  | 'TERMINATE'
  | 'WITHDRAW';

export interface PublicConfig {
  issuer: string;
  clientId: string;
  scopes: string;
}

export interface TimelineEntry {
  status: DossierStatus;
  statusName: string;
  at: string;
}

export interface PublicDossier {
  code: string;
  status: DossierStatus;
  statusName: string;
  portalStatusCode: number | null;
  submittedAt: string | null;
  appointmentDate: string | null;
  timeline: TimelineEntry[];
}

export interface CatalogueContent {
  code: string;
  name: string;
}

export interface Me {
  username: string;
  displayName: string;
  roles: string[];
  organisationName: string | null;
  agencyCode: string | null;
}

export interface Dossier {
  id: string;
  code: string | null;
  title: string;
  contentCode: string;
  programme: Programme;
  requestedSupport: number;
  status: DossierStatus;
  statusName: string;
  portalStatusCode: number | null;
  createdAt: string;
  submittedAt: string | null;
  appointmentDate: string | null;
  version: number;
}

export interface NewDossier {
  title: string;
  contentCode: string;
  programme: Programme;
  requestedSupport: number;
}

export type DocumentType = 'REQUEST_LETTER';

export interface DossierDocument {
  id: string;
  documentType: DocumentType | string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  uploadedAt: string;
}
