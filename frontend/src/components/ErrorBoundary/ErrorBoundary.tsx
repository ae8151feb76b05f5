import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

function Fallback() {
  const { t } = useTranslation();
  return (
    <div className="notice notice--error" role="alert">
      <h1 className="notice__title">{t('common.errorTitle')}</h1>
      <p>{t('common.genericError')}</p>
      <button type="button" className="button" onClick={() => window.location.reload()}>
        {t('common.reloadPage')}
      </button>
    </div>
  );
}

/**
 * Catches rendering failures, including a page chunk that no longer exists after a new
 * release, and offers a reload instead of a blank page.
 */
export class ErrorBoundary extends Component<{ children: ReactNode; resetKey: string }, { failed: boolean }> {
  state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  /** Going to another page gives it a fresh start. */
  componentDidUpdate(previous: { resetKey: string }) {
    if (this.state.failed && previous.resetKey !== this.props.resetKey) this.setState({ failed: false });
  }

  componentDidCatch(error: unknown, info: ErrorInfo) {
    console.error('Page failed to render', error, info.componentStack);
  }

  render() {
    return this.state.failed ? <Fallback /> : this.props.children;
  }
}
