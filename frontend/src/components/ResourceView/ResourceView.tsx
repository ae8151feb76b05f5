import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Resource } from '../../lib/useResource';
import { ErrorText } from '../ErrorText/ErrorText';
import { Loading } from '../Loading/Loading';

/**
 * What a page shows of data it loads: a loading status, the error in plain words (with a retry button when the page
 * can reload), or the data itself.
 */
export function ResourceView<T>({
  resource,
  onRetry,
  children,
}: {
  resource: Resource<T>;
  onRetry?: () => void;
  children: (data: T) => ReactNode;
}) {
  const { t } = useTranslation();
  if (resource.state === 'loading') return <Loading />;
  if (resource.state === 'failed')
    return (
      <div className="notice notice--error" role="alert">
        <ErrorText error={resource.error} />
        {onRetry ? (
          <button type="button" className="button button--secondary" onClick={onRetry}>
            {t('common.retry')}
          </button>
        ) : null}
      </div>
    );
  return <>{children(resource.data)}</>;
}
