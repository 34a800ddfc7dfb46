import { Component, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** What a screen shows when it failed to draw: a plain sentence and a way back. */
function ScreenFailed({ onBack, onHome }: { onBack: () => void; onHome: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="state state-error" role="alert" data-testid="screen-failed">
      <strong>{t('screenError.title')}</strong>
      <p>{t('screenError.body')}</p>
      <div className="state-actions">
        <button type="button" className="btn btn-primary" onClick={onBack} data-autofocus>
          ← {t('common.back')}
        </button>
        <button type="button" className="btn" onClick={onHome}>
          {t('screenError.dashboard')}
        </button>
      </div>
    </div>
  );
}

interface Props {
  children: ReactNode;
  onBack: () => void;
  onHome: () => void;
}

/**
 * One per screen (keyed by the visit): a bad link or an unexpected answer ends that screen only; the
 * sidebar, the header and Back keep working.
 */
export class ScreenBoundary extends Component<Props, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: unknown): void {
    // The console keeps the cause for a developer; the user sees the sentence above.
    console.error('A screen failed to draw', error);
  }

  override render(): ReactNode {
    if (this.state.failed) return <ScreenFailed onBack={this.props.onBack} onHome={this.props.onHome} />;
    return this.props.children;
  }
}
