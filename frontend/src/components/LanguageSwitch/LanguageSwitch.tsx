import { useTranslation } from 'react-i18next';
import { LANGUAGES, switchLanguage } from '../../i18n';
import './LanguageSwitch.css';

/** Each language is named in itself (and marked with its lang), as people look for their own. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <div className="language-switch" role="group" aria-label={t('language.label')}>
      {LANGUAGES.map((language) => (
        <button
          key={language}
          type="button"
          lang={language}
          className="language-switch__option"
          aria-pressed={i18n.language === language}
          onClick={() => void switchLanguage(language)}
        >
          {t(`language.${language}`)}
        </button>
      ))}
    </div>
  );
}
