import type { TFunction } from 'i18next';
import { isApiError } from './problem';

/** The backend writes its problem details in Vietnamese, whatever the interface language. */
export const SERVER_LANGUAGE = 'vi';

/** A message for people, with its language when it may differ from the page's (WCAG 3.1.2). */
export interface Described {
  message: string;
  lang?: string;
}

/** One sentence for a failed call: the server's own detail, or ours in the interface language. */
export function describeError(t: TFunction, error: unknown): Described {
  if (isApiError(error)) {
    if (error.isNetworkError) return { message: t('common.networkError') };
    if (error.status === 401) return { message: t('auth.sessionExpired') };
    if (error.status === 429) {
      const seconds = error.problem.retryAfter;
      return { message: seconds ? t('common.tooManyRequestsWait', { count: seconds }) : t('common.tooManyRequests') };
    }
    if (error.problem.detail) return { message: error.problem.detail, lang: SERVER_LANGUAGE };
    if (error.status === 403) return { message: t('common.forbidden') };
  }
  return { message: t('common.genericError') };
}
