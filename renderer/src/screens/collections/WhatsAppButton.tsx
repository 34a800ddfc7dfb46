import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import { useOperation, useOperationMutation } from '../../data/client';
import { Dialog } from '../../components/Dialog';
import { QueryState } from '../../components/QueryState';
import { CollectionsError } from './CollectionsError';

/**
 * Opens a chat with the party in WhatsApp (the app, or WhatsApp Web) with its reminder typed in, after
 * showing exactly that text; the user sends it. Opening is noted in the party's messages. Nothing here
 * drives WhatsApp. The desktop app opens the links in the system (electron/main/security.ts allows
 * wa.me and whatsapp://send); the browser opens them itself.
 */
export function WhatsAppButton({
  companyGuid,
  ledgerGuid,
  partyName,
  asOn,
}: {
  companyGuid: string;
  ledgerGuid: string;
  partyName: string;
  asOn?: string;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        className="btn btn-small coll-whatsapp"
        onClick={(e) => {
          e.stopPropagation();
          setOpen(true);
        }}
        onKeyDown={(e) => e.stopPropagation()}
        data-testid="whatsapp"
      >
        {t('collections.whatsapp.button')}
      </button>
      {open && (
        <WhatsAppDialog
          companyGuid={companyGuid}
          ledgerGuid={ledgerGuid}
          partyName={partyName}
          asOn={asOn}
          onClose={() => setOpen(false)}
        />
      )}
    </>
  );
}

function WhatsAppDialog({
  companyGuid,
  ledgerGuid,
  partyName,
  asOn,
  onClose,
}: {
  companyGuid: string;
  ledgerGuid: string;
  partyName: string;
  asOn: string | undefined;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const input = { companyGuid, ledgerGuid, log: false, ...(asOn ? { asOn } : {}) };
  const message = useOperation('collections.whatsapp', input);
  const record = useOperationMutation('collections.whatsapp');
  const openLink = (link: string) => {
    // Opened in the click itself (browsers block windows opened later), then noted in the log.
    window.open(link, '_blank', 'noopener,noreferrer');
    record.mutate(
      { ...input, log: true },
      {
        onSuccess: () => {
          void client.invalidateQueries({ queryKey: ['collections.log'] });
          void client.invalidateQueries({ queryKey: ['collections.parties'] });
        },
      },
    );
  };
  return (
    <Dialog
      title={t('collections.whatsapp.title', { party: partyName })}
      onClose={onClose}
      testId="whatsapp-dialog"
    >
      <QueryState query={message}>
        {(m) => (
          <>
            <p className="muted">
              {t('collections.whatsapp.to', {
                mobile: m.mobile,
                language: t(`collections.languages.${m.language}`),
              })}
            </p>
            <pre className="coll-body" lang={m.language} data-testid="whatsapp-text">
              {m.text}
            </pre>
            <p className="hint">{t('collections.whatsapp.hint')}</p>
            {record.isSuccess && (
              <div className="notice notice-good" role="status">
                {t('collections.whatsapp.opened')}
              </div>
            )}
            {record.error && <CollectionsError error={record.error} companyGuid={companyGuid} />}
            <div className="form-actions">
              <button
                type="button"
                className="btn btn-primary"
                onClick={() => openLink(m.links.app)}
                data-autofocus
              >
                {t('collections.whatsapp.openApp')}
              </button>
              <button type="button" className="btn" onClick={() => openLink(m.links.web)}>
                {t('collections.whatsapp.openWeb')}
              </button>
              <button type="button" className="btn btn-ghost" onClick={onClose}>
                {t('collections.whatsapp.close')}
              </button>
            </div>
          </>
        )}
      </QueryState>
    </Dialog>
  );
}
