import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { nlBenchmark } from './benchmark';
import { en } from './en';
import type { nlIncentives } from './incentives';
import { nl } from './nl';
import type { nlServices } from './services';

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
/** The shape every language must fill: the Dutch keys, any text. */
export type Messages = Widen<typeof nl>;

export const LANGUAGES = [
  { code: 'nl', name: 'Nederlands' },
  { code: 'en', name: 'English' },
] as const;
export type Language = (typeof LANGUAGES)[number]['code'];

const STORAGE_KEY = 'regie.language';

function storedLanguage(): Language {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'nl';
  } catch {
    return 'nl';
  }
}

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    /**
     * With the texts lazy pages add when they load (`incentives-texts.ts`, `./benchmark.ts`, `services-load.ts`):
     * typed, not in the first load.
     */
    resources: {
      translation: typeof nl & {
        incentives: typeof nlIncentives;
        benchmark: typeof nlBenchmark;
        services: typeof nlServices;
      };
    };
  }
}

i18n.on('languageChanged', (language) => {
  document.documentElement.lang = language;
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // not persisted; the choice still holds for this page
  }
});

// Resources are bundled TS objects: initialisation is synchronous, no loading state, no Suspense.
void i18n.use(initReactI18next).init({
  resources: { nl: { translation: nl }, en: { translation: en } },
  lng: storedLanguage(),
  fallbackLng: 'nl',
  supportedLngs: LANGUAGES.map((l) => l.code),
  initAsync: false,
  interpolation: { escapeValue: false }, // React escapes
  react: { useSuspense: false },
  returnNull: false,
});
document.documentElement.lang = i18n.language;

export default i18n;
