import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { financialYearRange } from '../../../shared/dates';
import { buildHash, canGoBack, goBack, navigate } from '../lib/route';
import { date } from '../lib/format';
import { useAppState } from '../state';
import { HelpOverlay } from './HelpOverlay';
import { Icon } from './Icon';
import { LanguageOptions } from './LanguageOptions';
import { useLanguage, useLanguageFromSettings } from './useLanguage';
import { LiveIndicator } from './LiveMode';
import { LiveToasts } from './LiveToasts';
import { DateDialog, PeriodDialog } from './PeriodDialog';
import { defaultFy } from './Period';
import { useAppKeys } from './keyboard/useAppKeys';
import { MENU, altKeyOf, screenForAltKey } from './keyboard/menu';
import { toggleDetailed } from './table/detailed';
import { canOpenScreen, usePortalUser } from '../screens/portal/portal-user';

/** Sidebar navigation, company and language pickers, and the page. */
export function Layout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const language = useLanguage();
  useLanguageFromSettings();
  const { route, companies, company, selectCompany, sessionPeriod, setPeriod } = useAppState();
  const [dialog, setDialog] = useState<'period' | 'date' | 'help' | null>(null);
  const portalUser = usePortalUser();
  // Office-portal users do not see the desktop-only screens (Cache, Settings); empty groups go too.
  const nav = MENU.map((group) => ({
    ...group,
    screens: group.screens.filter((screen) => canOpenScreen(portalUser, screen)),
  })).filter((group) => group.screens.length > 0);

  const companyGuid = company?.guid;
  const period =
    sessionPeriod ?? (company ? financialYearRange(defaultFy(company), company.yearStartMonth) : null);
  const back = () => goBack(() => navigate('dashboard', { c: companyGuid }, { replace: true }));
  const backable = canGoBack() || route.screen !== 'dashboard';
  // Tally's keys: Esc / Backspace / Alt+← back, Alt+F2 the period, F2 the date, F1 or ? this help, and
  // Alt+1 … Alt+9 the menu's entries in its order.
  useAppKeys(
    {
      back,
      period: () => period && setDialog('period'),
      date: () => period && setDialog('date'),
      help: () => setDialog('help'),
      detailed: toggleDetailed,
      screen: (n) => {
        const screen = screenForAltKey(n);
        if (screen) navigate(screen, { c: companyGuid });
      },
    },
    dialog === null,
  );

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
                {group.screens.map((screen) => (
                  <a
                    key={screen}
                    href={buildHash(screen, { c: company?.guid })}
                    className={route.screen === screen ? 'nav-link active' : 'nav-link'}
                    aria-current={route.screen === screen ? 'page' : undefined}
                    data-screen={screen}
                    aria-keyshortcuts={altKeyOf(screen)}
                    title={altKeyOf(screen)}
                    onClick={(event) => {
                      // A visit Esc can return from, not a bare link.
                      if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey) return;
                      event.preventDefault();
                      navigate(screen, { c: company?.guid });
                    }}
                  >
                    <span className="nav-icon">
                      <Icon name={screen} />
                    </span>
                    <span className="nav-label">{t(`nav.${screen}`)}</span>
                    {altKeyOf(screen) && (
                      <kbd className="nav-key" aria-hidden="true">
                        {altKeyOf(screen)?.replace('Alt+', '')}
                      </kbd>
                    )}
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
          <button
            type="button"
            className="btn btn-back"
            onClick={back}
            disabled={!backable}
            title={t('keys.backTitle')}
            data-testid="back"
          >
            ← {t('common.back')}
          </button>
          {period && (
            <button
              type="button"
              className="btn btn-period"
              onClick={() => setDialog('period')}
              title="Alt+F2"
              data-testid="session-period"
            >
              <span className="btn-period-label">{t('period.label')}</span> {date(period.from)} –{' '}
              {date(period.to)}
            </button>
          )}
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
              value={language.language}
              onChange={(e) => language.change(e.target.value)}
              aria-label={t('common.language')}
              data-testid="language"
            >
              <LanguageOptions />
            </select>
          </label>
          <button
            type="button"
            className="btn btn-help"
            onClick={() => setDialog('help')}
            title="F1"
            aria-label={t('keys.title')}
            data-testid="help"
          >
            ?
          </button>
        </div>
        <main className="content">
          <div className="print-company">{company?.name}</div>
          {children}
        </main>
        <LiveToasts />
      </div>
      {dialog === 'period' && period && (
        <PeriodDialog
          company={company}
          period={period}
          onApply={(p) => {
            setDialog(null);
            setPeriod(p);
          }}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog === 'date' && period && (
        <DateDialog
          company={company}
          period={period}
          onApply={(p) => {
            setDialog(null);
            setPeriod(p);
          }}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog === 'help' && <HelpOverlay onClose={() => setDialog(null)} />}
    </div>
  );
}
