import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import { isLanguage, rememberLanguage } from '../i18n';
import { SCREENS, buildHash, navigate, type Screen } from '../lib/route';
import { useAppState } from '../state';
import { useBridge } from '../bridge/context';
import { Icon } from './Icon';
import { LanguageOptions } from './LanguageOptions';
import { LiveIndicator } from './LiveMode';
import { LiveToasts } from './LiveToasts';
import { canOpenScreen, usePortalUser } from '../screens/portal/portal-user';

const NAV: { section: 'overview' | 'reports' | 'tools'; items: { screen: Screen }[] }[] = [
  {
    section: 'overview',
    items: [{ screen: 'companies' }, { screen: 'dashboard' }],
  },
  {
    section: 'reports',
    items: [
      { screen: 'ledger' },
      { screen: 'outstanding' },
      { screen: 'trialBalance' },
      { screen: 'profitLoss' },
      { screen: 'balanceSheet' },
      { screen: 'stockSummary' },
      { screen: 'dayBook' },
    ],
  },
  {
    section: 'tools',
    items: [{ screen: 'cache' }, { screen: 'settings' }],
  },
];

/** Sidebar navigation, company and language pickers, and the page. */
export function Layout({ children }: { children: ReactNode }) {
  const { t, i18n } = useTranslation();
  const { route, companies, company, selectCompany } = useAppState();
  const bridge = useBridge();
  const client = useQueryClient();
  const portalUser = usePortalUser();
  // Office-portal users do not see the desktop-only screens (Cache, Settings); empty groups go too.
  const nav = NAV.map((group) => ({
    ...group,
    items: group.items.filter((item) => canOpenScreen(portalUser, item.screen)),
  })).filter((group) => group.items.length > 0);

  // Alt+1 … Alt+9 open the screens in sidebar order, for keyboard-first accountants (as in Tally).
  const companyGuid = company?.guid;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!event.altKey || event.ctrlKey || event.metaKey) return;
      const screen = SCREENS[Number(event.key) - 1];
      if (!screen) return;
      event.preventDefault();
      navigate(screen, { c: companyGuid });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [companyGuid]);

  const changeLanguage = (value: string) => {
    if (!isLanguage(value)) return;
    void i18n.changeLanguage(value);
    rememberLanguage(value);
    // The desktop keeps the language in its settings too; a failure here only loses persistence.
    void bridge.invoke('settings.update', { language: value }).then(() => {
      void client.invalidateQueries({ queryKey: ['settings.get'] });
    });
  };

  return (
    <div className="app">
      <aside className="sidebar no-print">
        <div className="sidebar-inner">
          <div className="brand">
            <span className="brand-mark" aria-hidden="true">
              TC
            </span>
            <div>
              <div className="brand-name">{t('app.name')}</div>
              <div className="brand-tagline">{t('app.tagline')}</div>
            </div>
          </div>
          <nav aria-label="Main">
            {nav.map((group) => (
              <div key={group.section} className="nav-group">
                <div className="nav-heading">{t(`nav.${group.section}`)}</div>
                {group.items.map((item) => (
                  <a
                    key={item.screen}
                    href={buildHash(item.screen, { c: company?.guid })}
                    className={route.screen === item.screen ? 'nav-link active' : 'nav-link'}
                    aria-current={route.screen === item.screen ? 'page' : undefined}
                    data-screen={item.screen}
                    title={
                      SCREENS.indexOf(item.screen) < 9 ? `Alt+${SCREENS.indexOf(item.screen) + 1}` : undefined
                    }
                  >
                    <span className="nav-icon">
                      <Icon name={item.screen} />
                    </span>
                    {t(`nav.${item.screen}`)}
                  </a>
                ))}
              </div>
            ))}
          </nav>
        </div>
      </aside>
      <div className="main">
        <div className="topbar no-print">
          <LiveIndicator companyGuid={company?.guid} />
          <label className="topbar-field">
            <span>{t('common.company')}</span>
            <select
              value={company?.guid ?? ''}
              onChange={(e) => selectCompany(e.target.value)}
              disabled={companies.length === 0}
              aria-label={t('common.company')}
            >
              {companies.length === 0 && <option value="">—</option>}
              {companies.map((c) => (
                <option key={c.guid} value={c.guid}>
                  {c.name}
                </option>
              ))}
            </select>
          </label>
          <label className="topbar-field topbar-language">
            <span>{t('common.language')}</span>
            <select
              value={i18n.language}
              onChange={(e) => changeLanguage(e.target.value)}
              aria-label={t('common.language')}
              data-testid="language"
            >
              <LanguageOptions />
            </select>
          </label>
        </div>
        <main className="content">
          <div className="print-company">{company?.name}</div>
          {children}
        </main>
        <LiveToasts />
      </div>
    </div>
  );
}
