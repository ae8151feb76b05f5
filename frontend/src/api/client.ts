import { ApiError, parseProblem } from './problem';
import type {
  CatalogueContent,
  Dossier,
  DossierDocument,
  DocumentType,
  Me,
  NewDossier,
  PublicConfig,
  PublicDossier,
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

  async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
    let response: Response;
    try {
      response = await doFetch(baseUrl + path, {
        method,
        headers: headers(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        body: body === undefined ? null : JSON.stringify(body),
        credentials: 'same-origin',
      });
    } catch {
      throw new ApiError({ status: 0, errors: [] });
    }
    const text = await response.text().catch(() => '');
    if (!response.ok) {
      if (response.status === 401) options.onUnauthorized?.();
      throw new ApiError(parseProblem(response.status, text));
    }
    return (text ? JSON.parse(text) : null) as T;
  }

  function upload<T>(path: string, form: FormData, { onProgress, signal }: UploadOptions = {}): Promise<T> {
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

  const id = encodeURIComponent;

  return {
    publicConfig: () => request<PublicConfig>('GET', '/public/config'),
    lookupDossier: (code: string) => request<PublicDossier>('GET', `/public/dossiers/${id(code)}`),
    catalogueContents: () => request<CatalogueContent[]>('GET', '/catalog/contents'),
    me: () => request<Me>('GET', '/me'),
    myDossiers: () => request<Dossier[]>('GET', '/dossiers'),
    createDossier: (dossier: NewDossier) => request<Dossier>('POST', '/dossiers', dossier),
    dossier: (dossierId: string) => request<Dossier>('GET', `/dossiers/${id(dossierId)}`),
    documents: (dossierId: string) => request<DossierDocument[]>('GET', `/dossiers/${id(dossierId)}/documents`),
    uploadDocument(dossierId: string, documentType: DocumentType, file: File, opts?: UploadOptions) {
      const form = new FormData();
      form.append('documentType', documentType);
      form.append('file', file, file.name);
      return upload<DossierDocument>(`/dossiers/${id(dossierId)}/documents`, form, opts);
    },
    fire: (dossierId: string, event: WorkflowEvent, comment: string | null = null) =>
      request<Dossier>('POST', `/dossiers/${id(dossierId)}/transitions`, { event, comment }),
  };
}
