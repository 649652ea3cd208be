import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { nlBenchmark } from './benchmark';
import type { nlIncentives } from './incentives';
import { nl } from './nl';
import { setEnglishReasons } from './reasons';
import type { nlServices } from './services';
import type { nlSpecEdit } from './spec-edit';
import type { nlUsage } from './usage';

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
     * With the texts lazy pages add when they load (`incentives-texts.ts`, `./benchmark.ts`, `services-load.ts`,
     * `spec-edit-load.ts`):
     * typed, not in the first load.
     */
    resources: {
      translation: typeof nl & {
        incentives: typeof nlIncentives;
        benchmark: typeof nlBenchmark;
        services: typeof nlServices;
        usage: typeof nlUsage;
        specEdit: typeof nlSpecEdit;
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

let english: Promise<void> | null = null;

/**
 * Loads a language's texts (English is a chunk of its own, so the first load carries Dutch only) and switches to it.
 * Texts lazy pages add (`addResourceBundle`) are merged, not replaced.
 */
export function loadLanguage(language: Language): Promise<void> {
  if (language === 'en') {
    english ??= import('./english').then(({ en, enReasons }) => {
      i18n.addResourceBundle('en', 'translation', en, true, false);
      setEnglishReasons(enReasons);
    });
    return english;
  }
  return Promise.resolve();
}

/** Switches the app's language once its texts are there. */
export async function switchLanguage(language: Language): Promise<void> {
  await loadLanguage(language);
  await i18n.changeLanguage(language);
}

// Dutch is a bundled TS object: initialisation is synchronous, no loading state, no Suspense. With English stored
// as the choice, `i18nReady` resolves once its chunk is in; main.tsx renders after it.
void i18n.use(initReactI18next).init({
  resources: { nl: { translation: nl } },
  lng: 'nl',
  fallbackLng: 'nl',
  supportedLngs: LANGUAGES.map((l) => l.code),
  initAsync: false,
  interpolation: { escapeValue: false }, // React escapes
  react: { useSuspense: false },
  returnNull: false,
});
document.documentElement.lang = i18n.language;

export const i18nReady: Promise<void> =
  storedLanguage() === 'en' ? switchLanguage('en').catch(() => undefined) : Promise.resolve();

export default i18n;
