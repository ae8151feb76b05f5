import i18n from 'i18next';
import { createApiClient } from './client';
import type { CatalogueContent, Commune, ContentDetail, FundingCall, PublicConfig, ReviewCriterion } from './types';

let accessToken: string | null = null;
let unauthorizedHandler: (() => void) | null = null;

/** The signed-in user's token, set by the auth module, sent with every call. */
export function setAccessToken(token: string | null): void {
  accessToken = token;
}

/** The token of the signed-in user, for pages that call endpoints the shared client does not list. */
export function currentAccessToken(): string | null {
  return accessToken;
}

let renewal: Promise<unknown> | null = null;

/**
 * While the auth module renews the access token, calls wait for the new token rather than send the old one, which
 * may have expired while the person was reading.
 */
export function holdRequestsWhile(renewing: Promise<unknown>): void {
  const held: Promise<unknown> = renewing.then(
    () => undefined,
    () => undefined,
  );
  renewal = held;
  void held.then(() => {
    if (renewal === held) renewal = null;
  });
}

/** The auth module listens for refused tokens to end the local session. */
export function onUnauthorized(handler: (() => void) | null): void {
  unauthorizedHandler = handler;
}

export const api = createApiClient({
  getAccessToken: () => accessToken,
  getLanguage: () => i18n.language || 'vi',
  onUnauthorized: () => {
    if (accessToken) unauthorizedHandler?.();
  },
  renewal: () => renewal,
});

let contents: Promise<CatalogueContent[]> | null = null;

/** The catalogue's contents change rarely: loaded once per visit, retried after a failure. */
export function catalogueContents(): Promise<CatalogueContent[]> {
  contents ??= api.catalogueContents().catch((error: unknown) => {
    contents = null;
    throw error;
  });
  return contents;
}

const cache = new Map<string, Promise<unknown>>();

/** Catalogue data kept once per visit under `key`; a failure is forgotten so the next call retries. */
function cached<T>(key: string, load: () => Promise<T>): Promise<T> {
  let entry = cache.get(key) as Promise<T> | undefined;
  if (!entry) {
    entry = load().catch((error: unknown) => {
      cache.delete(key);
      throw error;
    });
    cache.set(key, entry);
  }
  return entry;
}

export const catalogue = {
  communes: () => cached<Commune[]>('communes', () => api.communes()),
  fundingCalls: () => cached<FundingCall[]>('funding-calls', () => api.fundingCalls()),
  content: (code: string) => cached<ContentDetail>(`content:${code}`, () => api.contentDetail(code)),
  reviewCriteria: () => cached<ReviewCriterion[]>('review-criteria', () => api.reviewCriteria()),
  publicConfig: () => cached<PublicConfig>('public-config', () => api.publicConfig()),
  /** For tests: start from an empty cache. */
  clear: () => {
    cache.clear();
    contents = null;
  },
};

export type { ApiClient } from './client';
export { ApiError, isApiError } from './problem';
export type { Problem, ProblemFieldError } from './problem';
export * from './types';
export * from './documents';
