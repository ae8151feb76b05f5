import { useTranslation } from 'react-i18next';
import './Footer.css';

export function Footer() {
  const { t } = useTranslation();
  return (
    <footer className="site-footer">
      <div className="container">
        <h2 className="visually-hidden">{t('footer.label')}</h2>
        <p className="site-footer__name">{t('app.name')}</p>
        <p>{t('footer.about')}</p>
        <p>{t('footer.legal')}</p>
        <p>{t('footer.openSource')}</p>
      </div>
    </footer>
  );
}
