import { ApiError, parseProblem } from './problem';
import { answered, idempotencyKey } from './idempotency';
import type { Checklist, StartUpload, StoredDocument, UploadSession } from './documents';
import type {
  Agency,
  AgencyUpdate,
  CatalogueContent,
  CatalogueDocumentType,
  ContentUpdate,
  FundingCall,
  Holiday,
  NewFundingCall,
  NewSupportCap,
  SupportCapPeriod,
  Commune,
  ContentDetail,
  Dossier,
  DossierDocument,
  DossierForm,
  DocumentType,
  HistoryEntry,
  Invitation,
  Me,
  NewOrganisation,
  Organisation,
  Processing,
  PublicConfig,
  PublicDossier,
  QueueFilter,
  ReviewCriterion,
  TransitionPayload,
  WorkflowEvent,
} from './types';

export interface UploadOptions {
  /** Called with the share of the file sent so far, from 0 to 1. */
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
}

export interface ApiClientOptions {
  baseUrl?: string;
  fetch?: typeof fetch;
  createXhr?: () => XMLHttpRequest;
  getAccessToken?: () => string | null | undefined;
  getLanguage?: () => string;
  /** Called when the server refuses the token we sent (it expired or was revoked). */
  onUnauthorized?: () => void;
  /** While the token is being renewed, a promise for the new one: calls wait for it instead of sending the old. */
  renewal?: () => Promise<unknown> | null | undefined;
}

export type ApiClient = ReturnType<typeof createApiClient>;

const ACCEPT = 'application/json, application/problem+json';

/** A typed client for the backend's /api/v1. Every failure becomes an {@link ApiError}. */
export function createApiClient(options: ApiClientOptions = {}) {
  const baseUrl = options.baseUrl ?? '/api/v1';
  const doFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  const createXhr = options.createXhr ?? (() => new XMLHttpRequest());

  function headers(extra: Record<string, string> = {}): Record<string, string> {
    const result: Record<string, string> = { Accept: ACCEPT, ...extra };
    const token = options.getAccessToken?.();
    if (token) result.Authorization = `Bearer ${token}`;
    const language = options.getLanguage?.();
    if (language) result['Accept-Language'] = language;
    return result;
  }

  /** Waits for a renewal in progress, if any; resolves at once (without a turn of the event loop) otherwise. */
  function renewed(): Promise<unknown> | null {
    return options.renewal?.() ?? null;
  }

  async function request<T>(method: string, path: string, body?: unknown, extra: Record<string, string> = {}): Promise<T> {
    const waiting = renewed();
    if (waiting) await waiting;
    let response: Response;
    const json = body === undefined ? null : JSON.stringify(body);
    const key = idempotencyKey(method, path, json);
    const sent = { ...extra, ...(json === null ? {} : { 'Content-Type': 'application/json' }), ...(key ? { 'Idempotency-Key': key } : {}) };
    try {
      response = await doFetch(baseUrl + path, { method, headers: headers(sent), body: json, credentials: 'same-origin' });
    } catch {
      answered(method, path, json, 0);
      throw new ApiError({ status: 0, errors: [] });
    }
    const text = await response.text().catch(() => '');
    if (!response.ok) {
      if (response.status === 401) options.onUnauthorized?.();
      const problem = parseProblem(response.status, text, response.headers?.get?.('Retry-After'));
      answered(method, path, json, response.status, problem.type);
      throw new ApiError(problem);
    }
    answered(method, path, json, response.status);
    return (text ? JSON.parse(text) : null) as T;
  }

  /** The bytes of a stored file, with the token: a plain link cannot carry it. */
  async function requestBlob(path: string, signal?: AbortSignal): Promise<Blob> {
    const waiting = renewed();
    if (waiting) await waiting;
    let response: Response;
    try {
      response = await doFetch(baseUrl + path, {
        method: 'GET',
        headers: headers({ Accept: '*/*' }),
        credentials: 'same-origin',
        signal,
      });
    } catch (failure) {
      if (failure instanceof DOMException && failure.name === 'AbortError') throw failure;
      throw new ApiError({ status: 0, errors: [] });
    }
    if (!response.ok) {
      const text = await response.text().catch(() => '');
      if (response.status === 401) options.onUnauthorized?.();
      throw new ApiError(parseProblem(response.status, text, response.headers?.get?.('Retry-After')));
    }
    return response.blob();
  }

  function upload<T>(path: string, form: FormData, opts: UploadOptions = {}): Promise<T> {
    const waiting = renewed();
    return waiting ? waiting.then(() => sendForm<T>(path, form, opts)) : sendForm<T>(path, form, opts);
  }

  function sendForm<T>(path: string, form: FormData, { onProgress, signal }: UploadOptions): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const xhr = createXhr();
      xhr.open('POST', baseUrl + path);
      for (const [name, value] of Object.entries(headers())) xhr.setRequestHeader(name, value);
      xhr.upload.onprogress = (event) => {
        if (event.lengthComputable && event.total > 0) onProgress?.(event.loaded / event.total);
      };
      xhr.onload = () => {
        if (xhr.status >= 200 && xhr.status < 300) {
          onProgress?.(1);
          try {
            resolve(JSON.parse(xhr.responseText) as T);
          } catch {
            reject(new ApiError({ status: xhr.status, errors: [] }));
          }
        } else {
          if (xhr.status === 401) options.onUnauthorized?.();
          reject(new ApiError(parseProblem(xhr.status, xhr.responseText)));
        }
      };
      xhr.onerror = () => reject(new ApiError({ status: 0, errors: [] }));
      xhr.onabort = () => reject(new DOMException('Upload cancelled', 'AbortError'));
      signal?.addEventListener('abort', () => xhr.abort(), { once: true });
      xhr.send(form);
    });
  }

  /** Sends a file's bytes as they are (one part of a resumable upload), with progress. */
  function sendBytes<T>(method: string, path: string, body: Blob, opts: UploadOptions = {}): Promise<T> {
    const waiting = renewed();
    return waiting ? waiting.then(() => sendBlob<T>(method, path, body, opts)) : sendBlob<T>(method, path, body, opts);
  }

  function sendBlob<T>(method: string, path: string, body: Blob, { onProgress, signal }: UploadOptions): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const xhr = createXhr();
      xhr.open(method, baseUrl + path);
      for (const [name, value] of Object.entries(headers({ 'Content-Type': 'application/octet-stream' })))
        xhr.setRequestHeader(name, value);
      xhr.upload.onprogress = (event) => {
        if (event.lengthComputable && event.total > 0) onProgress?.(event.loaded / event.total);
      };
      xhr.onload = () => {
        if (xhr.status >= 200 && xhr.status < 300) {
          onProgress?.(1);
          resolve(JSON.parse(xhr.responseText || 'null') as T);
        } else {
          if (xhr.status === 401) options.onUnauthorized?.();
          reject(new ApiError(parseProblem(xhr.status, xhr.responseText)));
        }
      };
      xhr.onerror = () => reject(new ApiError({ status: 0, errors: [] }));
      xhr.onabort = () => reject(new DOMException('Upload cancelled', 'AbortError'));
      signal?.addEventListener('abort', () => xhr.abort(), { once: true });
      xhr.send(body);
    });
  }

  const id = encodeURIComponent;

  return {
    publicConfig: () => request<PublicConfig>('GET', '/public/config'),
    lookupDossier: (code: string) => request<PublicDossier>('GET', `/public/dossiers/${id(code)}`),
    catalogueContents: () => request<CatalogueContent[]>('GET', '/catalog/contents'),
    contentDetail: (contentCode: string) => request<ContentDetail>('GET', `/catalog/contents/${id(contentCode)}`),
    communes: () => request<Commune[]>('GET', '/catalog/communes'),
    fundingCalls: () => request<FundingCall[]>('GET', '/catalog/funding-calls'),
    agencies: () => request<Agency[]>('GET', '/catalog/agencies'),
    holidays: () => request<Holiday[]>('GET', '/catalog/holidays'),
    documentTypes: () => request<CatalogueDocumentType[]>('GET', '/catalog/document-types'),
    /** The administrator's side of the catalogue. */
    admin: {
      updateContent: (code: string, update: ContentUpdate) =>
        request<CatalogueContent>('PUT', `/admin/catalog/contents/${id(code)}`, update),
      addSupportCap: (cap: NewSupportCap) => request<SupportCapPeriod[]>('POST', '/admin/catalog/support-caps', cap),
      addFundingCall: (call: NewFundingCall) => request<FundingCall>('POST', '/admin/catalog/funding-calls', call),
      setRequiredDocuments: (code: string, documentTypes: string[]) =>
        request<string[]>('PUT', `/admin/catalog/contents/${id(code)}/required-documents`, { documentTypes }),
      putAgency: (code: string, agency: AgencyUpdate) => request<Agency>('PUT', `/admin/catalog/agencies/${id(code)}`, agency),
      addHoliday: (holiday: Holiday) => request<Holiday>('POST', '/admin/catalog/holidays', holiday),
      removeHoliday: (day: string) => request<null>('DELETE', `/admin/catalog/holidays/${id(day)}`),
    },
    reviewCriteria: () => request<ReviewCriterion[]>('GET', '/catalog/review-criteria'),
    me: () => request<Me>('GET', '/me'),
    /** Registers the signed-in person's organisation; 409 `tax-code-unique` or `organisation-already`. */
    registerOrganisation: (organisation: NewOrganisation) => request<Organisation>('POST', '/me/organisation', organisation),
    invitation: (token: string) => request<Invitation>('GET', `/public/invitations/${id(token)}`),
    /** Joins the organisation of an invitation; 404 when invalid, used or expired, 409 `organisation-already`. */
    acceptInvitation: (token: string) => request<Organisation>('POST', '/me/invitation', { token }),
    myDossiers: () => request<Dossier[]>('GET', '/dossiers'),
    createDossier: (form: DossierForm) => request<Dossier>('POST', '/dossiers', form),
    /** Saves a draft; with the version last read, a change made meanwhile elsewhere is refused (409). */
    saveDossier: (dossierId: string, form: DossierForm, version?: number) =>
      request<Dossier>('PUT', `/dossiers/${id(dossierId)}`, form, version === undefined ? {} : { 'If-Match': `"${version}"` }),
    dossier: (dossierId: string) => request<Dossier>('GET', `/dossiers/${id(dossierId)}`),
    history: (dossierId: string) => request<HistoryEntry[]>('GET', `/dossiers/${id(dossierId)}/history`),
    processing: (dossierId: string) => request<Processing>('GET', `/dossiers/${id(dossierId)}/processing`),
    queue(filter: QueueFilter = {}) {
      const query = new URLSearchParams();
      if (filter.status) query.set('status', filter.status);
      if (filter.assignee) query.set('assignee', filter.assignee);
      if (filter.unassigned) query.set('unassigned', 'true');
      const text = query.toString();
      return request<Dossier[]>('GET', `/queue${text ? `?${text}` : ''}`);
    },
    documents: (dossierId: string) => request<DossierDocument[]>('GET', `/dossiers/${id(dossierId)}/documents`),
    uploadDocument(dossierId: string, documentType: DocumentType, file: File, opts?: UploadOptions) {
      const form = new FormData();
      form.append('documentType', documentType);
      form.append('file', file, file.name);
      return upload<DossierDocument>(`/dossiers/${id(dossierId)}/documents`, form, opts);
    },
    /** Any type of the catalogue; `replaces` adds a new version of a submitted document (supplement). */
    uploadAnyDocument(dossierId: string, documentType: string, file: File, opts: UploadOptions & { replaces?: string } = {}) {
      const form = new FormData();
      form.append('documentType', documentType);
      if (opts.replaces) form.append('replaces', opts.replaces);
      form.append('file', file, file.name);
      return upload<StoredDocument>(`/dossiers/${id(dossierId)}/documents`, form, opts);
    },
    /** A stored document's content, to preview or save; the server sends it as an attachment. */
    documentContent: (dossierId: string, documentId: string, signal?: AbortSignal) =>
      requestBlob(`/dossiers/${id(dossierId)}/documents/${id(documentId)}/content`, signal),
    checklist: (dossierId: string) => request<Checklist>('GET', `/dossiers/${id(dossierId)}/checklist`),
    deleteDocument: (dossierId: string, documentId: string) =>
      request<null>('DELETE', `/dossiers/${id(dossierId)}/documents/${id(documentId)}`),
    startUpload: (dossierId: string, start: StartUpload) =>
      request<UploadSession>('POST', `/dossiers/${id(dossierId)}/uploads`, start),
    uploadStatus: (dossierId: string, uploadId: string) =>
      request<UploadSession>('GET', `/dossiers/${id(dossierId)}/uploads/${id(uploadId)}`),
    uploadPart: (dossierId: string, uploadId: string, part: number, bytes: Blob, opts?: UploadOptions) =>
      sendBytes<UploadSession>('PUT', `/dossiers/${id(dossierId)}/uploads/${id(uploadId)}/parts/${part}`, bytes, opts),
    completeUpload: (dossierId: string, uploadId: string) =>
      request<StoredDocument>('POST', `/dossiers/${id(dossierId)}/uploads/${id(uploadId)}/complete`),
    fire: (dossierId: string, event: WorkflowEvent, payload: TransitionPayload = {}) =>
      request<Dossier>('POST', `/dossiers/${id(dossierId)}/transitions`, { event, ...payload }),
  };
}
