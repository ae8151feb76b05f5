import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Sets the document title; when a form has errors the count comes first ("(1 lỗi) …"),
 * so screen-reader users hear at once that the page came back with problems.
 */
export function usePageTitle(pageTitle: string, errorCount = 0): void {
  const { t } = useTranslation();
  useEffect(() => {
    const prefix = errorCount > 0 ? t('title.errorPrefix', { count: errorCount }) : '';
    document.title = prefix + t('title.pattern', { page: pageTitle });
  }, [pageTitle, errorCount, t]);
}
