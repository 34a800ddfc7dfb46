import { useTranslation } from 'react-i18next';
import { Dialog } from './Dialog';
import { altKeyOf, MENU_SCREENS } from './keyboard/menu';

/** Every keyboard shortcut, in the user's language (F1 or ?). */
export const SHORTCUTS = [
  { keys: 'Alt+F2', what: 'keys.period' },
  { keys: 'F2', what: 'keys.date' },
  { keys: 'Enter', what: 'keys.enter' },
  { keys: 'Esc', what: 'keys.esc' },
  { keys: 'Backspace · Alt+←', what: 'keys.back' },
  { keys: '↑ ↓', what: 'keys.arrows' },
  { keys: 'Home · End', what: 'keys.homeEnd' },
  { keys: 'PgUp · PgDn', what: 'keys.pages' },
  { keys: '→ ←', what: 'keys.expand' },
  { keys: 'Alt+F5', what: 'keys.detailed' },
  { keys: 'Alt+F1', what: 'comparison.keyDetailed' },
  { keys: 'Alt+C', what: 'comparison.keyNewColumn' },
  { keys: 'Tab', what: 'keys.tab' },
  { keys: 'Ctrl+F', what: 'keys.find' },
  { keys: 'Alt+P · Ctrl+P', what: 'keys.print' },
  { keys: 'Alt+E', what: 'keys.export' },
  { keys: 'F1 · ?', what: 'keys.help' },
] as const;

export function HelpOverlay({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  // The menu's keys come from the menu itself, so this list cannot say other than the keys do.
  const screens = MENU_SCREENS.flatMap((screen) => {
    const keys = altKeyOf(screen);
    return keys ? [{ keys, screen }] : [];
  });
  return (
    <Dialog title={t('keys.title')} onClose={onClose} testId="help-overlay">
      <div className="shortcut-columns">
        <table className="shortcut-table">
          <tbody>
            {SHORTCUTS.map((s) => (
              <tr key={s.keys}>
                <th scope="row">
                  <kbd>{s.keys}</kbd>
                </th>
                <td>{t(s.what)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <table className="shortcut-table" aria-label={t('keys.screens')} data-testid="help-screens">
          <caption>{t('keys.screens')}</caption>
          <tbody>
            {screens.map((s) => (
              <tr key={s.keys}>
                <th scope="row">
                  <kbd>{s.keys}</kbd>
                </th>
                <td>{t(`nav.${s.screen}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="dialog-actions">
        <button type="button" className="btn btn-primary" onClick={onClose} data-autofocus>
          {t('common.close')}
        </button>
      </div>
    </Dialog>
  );
}
