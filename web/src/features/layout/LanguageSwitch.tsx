import { useTranslation } from 'react-i18next';
import { LANGUAGES } from '../../i18n';

/** Each language named in itself and marked with its own `lang`, as NL Design System's alternate-language nav. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <nav className="regie-language utrecht-alternate-lang-nav" aria-label={t('app.language')}>
      <ul className="regie-language__list">
        {LANGUAGES.map((language) => {
          const current = i18n.resolvedLanguage === language.code;
          return (
            <li key={language.code}>
              <button
                type="button"
                className={`utrecht-link-button utrecht-link-button--html-button regie-language__button${current ? ' regie-language__button--current' : ''}`}
                lang={language.code}
                aria-pressed={current}
                onClick={() => void i18n.changeLanguage(language.code)}
              >
                {language.name}
              </button>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
