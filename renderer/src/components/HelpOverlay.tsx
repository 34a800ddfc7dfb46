import { useTranslation } from 'react-i18next';
import { Dialog } from './Dialog';

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
  { keys: 'Tab', what: 'keys.tab' },
  { keys: 'Alt+1 … Alt+9', what: 'keys.screens' },
  { keys: 'F1 · ?', what: 'keys.help' },
] as const;

export function HelpOverlay({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Dialog title={t('keys.title')} onClose={onClose} testId="help-overlay">
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
      <div className="dialog-actions">
        <button type="button" className="btn btn-primary" onClick={onClose} data-autofocus>
          {t('common.close')}
        </button>
      </div>
    </Dialog>
  );
}
