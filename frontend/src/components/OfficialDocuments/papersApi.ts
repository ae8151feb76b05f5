import { apiRequest, downloadFile } from '../Notifications/request';

export type PaperKind = 'RECEIPT' | 'SUPPLEMENT_REQUEST' | 'REFUSAL' | 'APOLOGY' | 'PROCESS_CONTROL' | 'DECISION';

export interface Paper {
  id: string;
  code: string;
  dossierId: string;
  kind: PaperKind;
  title: string;
  form: string | null;
  sha256: string;
  sizeBytes: number;
  issuedAt: string;
  verificationUrl: string;
}

export interface PaperVerification {
  code: string;
  kind: PaperKind;
  title: string;
  form: string | null;
  dossierCode: string | null;
  issuedAt: string;
  sha256: string;
  sizeBytes: number;
  hashMatches: boolean | null;
}

const id = encodeURIComponent;

export const papersApi = {
  list: (dossierId: string) => apiRequest<Paper[]>('GET', `/dossiers/${id(dossierId)}/papers`),
  drawUpProcessControl: (dossierId: string) =>
    apiRequest<Paper>('POST', `/dossiers/${id(dossierId)}/papers/process-control`),
  download: (paper: Paper) =>
    downloadFile(`/dossiers/${id(paper.dossierId)}/papers/${id(paper.id)}/content`, `${paper.code}.pdf`),
  verify: (code: string, sha256?: string) =>
    apiRequest<PaperVerification>(
      'GET',
      `/public/papers/${id(code)}${sha256 ? `?sha256=${encodeURIComponent(sha256)}` : ''}`,
    ),
};
