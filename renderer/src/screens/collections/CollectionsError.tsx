import { useTranslation } from 'react-i18next';
import { OperationError } from '../../data/client';
import { ErrorState } from '../../components/States';
import { buildHash } from '../../lib/route';

/**
 * An error of a collections operation: the mail settings' problems said in the user's words with the
 * way to Settings; the server's own sentence where it is the reason (a password it cannot keep or open);
 * anything else as every screen shows errors.
 */
export function CollectionsError({ error, companyGuid }: { error: Error; companyGuid: string }) {
  const { t } = useTranslation();
  const field = error instanceof OperationError ? error.info.details?.field : undefined;
  if (field === 'smtp' || field === 'password')
    return (
      <div className="notice notice-bad" role="alert" data-field={field}>
        <p>{t(field === 'smtp' ? 'collections.noSmtp' : 'collections.passwordProblem')}</p>
        {field === 'password' && <p className="coll-server-words">{error.message}</p>}
        <a href={buildHash('settings', { c: companyGuid })}>{t('collections.openSettings')}</a>
      </div>
    );
  return <ErrorState error={error} />;
}
