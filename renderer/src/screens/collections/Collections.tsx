import { useTranslation } from 'react-i18next';
import type { CompanySummary } from '../../../../shared/types/reports';
import { useAppState } from '../../state';
import { PartyList } from './PartyList';
import { PartyView } from './PartyView';
import { PreviewSend } from './PreviewSend';
import { decodeSelection } from './selection';
import './collections.css';

/**
 * Collections (issue 28): the parties with dues and their contacts (p: one party, its contacts and
 * messages), and a preview of the reminders for a choice of parties, sent from there (v=preview, s: the
 * choice). Each step is a visit of its own, so Esc goes back a step as everywhere in the app.
 */
export function Collections({ company }: { company: CompanySummary }) {
  const { t } = useTranslation();
  const { route } = useAppState();
  const partyGuid = route.params.p;
  if (partyGuid) return <PartyView company={company} ledgerGuid={partyGuid} />;
  if (route.params.v === 'preview') {
    const selection = decodeSelection(route.params.s);
    if (selection) return <PreviewSend company={company} selection={selection} />;
    return (
      <div className="notice notice-bad" role="alert">
        {t('collections.noneChosen')}
      </div>
    );
  }
  return <PartyList company={company} entry={route.entry} />;
}
