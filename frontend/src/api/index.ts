import i18n from 'i18next';
import { createApiClient } from './client';
import type { CatalogueContent } from './types';

let accessToken: string | null = null;
let unauthorizedHandler: (() => void) | null = null;

/** The signed-in user's token, set by the auth module, sent with every call. */
export function setAccessToken(token: string | null): void {
  accessToken = token;
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

export type { ApiClient } from './client';
export { ApiError, isApiError } from './problem';
export type { Problem, ProblemFieldError } from './problem';
export * from './types';
