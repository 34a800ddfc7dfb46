import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import type { Language } from '../../../shared/types/settings';
import { useBridge } from '../bridge/context';
import { useOperation } from '../data/client';
import { isLanguage, rememberLanguage } from '../i18n';
import { usePortalUser } from '../screens/portal/portal-user';

/**
 * The one language setting: what the screen speaks (and the core's messages, which are translated
 * here from their reasons). The header and Settings › Language both show and change it; the desktop
 * keeps it in its settings, this browser remembers it for the first paint.
 */
export function useLanguage(): { language: Language; change: (value: string) => void } {
  const { i18n } = useTranslation();
  const bridge = useBridge();
  const client = useQueryClient();
  const portalUser = usePortalUser();
  const language = isLanguage(i18n.language) ? i18n.language : 'en';
  const change = (value: string) => {
    if (!isLanguage(value) || value === i18n.language) return;
    void i18n.changeLanguage(value);
    rememberLanguage(value);
    // Portal staff cannot write the desktop's settings; their choice stays in this browser.
    if (portalUser) return;
    // A failure here only loses persistence; the screen has already changed.
    void bridge.invoke('settings.update', { language: value }).then((answer) => {
      if (answer.ok) client.setQueryData(['settings.get', {}], answer.data);
    });
  };
  return { language, change };
}

/**
 * On start, the desktop's setting wins over what this browser remembered (someone may have chosen the
 * language in Settings, or in the settings file): both then say the same.
 */
export function useLanguageFromSettings(): void {
  const { i18n } = useTranslation();
  const portalUser = usePortalUser();
  const settings = useOperation('settings.get', {}, { enabled: portalUser === null });
  const adopted = useRef(false);
  const saved = settings.data?.language;
  useEffect(() => {
    if (adopted.current || saved === undefined) return;
    adopted.current = true;
    if (isLanguage(saved) && saved !== i18n.language) {
      void i18n.changeLanguage(saved);
      rememberLanguage(saved);
    }
  }, [saved, i18n]);
}
