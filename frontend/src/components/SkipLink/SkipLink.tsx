import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import './SkipLink.css';

export const MAIN_CONTENT_ID = 'main-content';

export function SkipLink() {
  const { t } = useTranslation();
  // With history routing a bare "#main-content" would change the URL; move focus instead.
  function skip(event: MouseEvent<HTMLAnchorElement>) {
    const main = document.getElementById(MAIN_CONTENT_ID);
    if (!main) return;
    event.preventDefault();
    main.focus();
    main.scrollIntoView();
  }
  return (
    <a className="skip-link" href={`#${MAIN_CONTENT_ID}`} onClick={skip}>
      {t('skipLink')}
    </a>
  );
}
