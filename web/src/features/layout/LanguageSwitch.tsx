import { LinkButton } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, switchLanguage } from '../../i18n';

/** Each language is named in itself and marked with its own `lang`; the current one is pressed. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <nav className="regie-language" aria-label={t('app.language')}>
      <ul className="regie-language__list">
        {LANGUAGES.map((language) => (
          <li key={language.code}>
            <LinkButton
              lang={language.code}
              pressed={i18n.resolvedLanguage === language.code}
              onClick={() => void switchLanguage(language.code)}
            >
              {language.name}
            </LinkButton>
          </li>
        ))}
      </ul>
    </nav>
  );
}
