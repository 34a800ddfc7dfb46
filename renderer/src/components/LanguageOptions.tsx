import { LANGUAGES } from '../i18n';

/** The <option>s of a language <select>, each language under its own name. */
export function LanguageOptions() {
  return (
    <>
      {LANGUAGES.map((l) => (
        <option key={l.code} value={l.code}>
          {l.label}
        </option>
      ))}
    </>
  );
}
