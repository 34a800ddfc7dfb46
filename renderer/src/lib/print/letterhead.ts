import { useCallback } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { letterheadFromProfile, type Letterhead } from '../../../../shared/print/letterhead';
import { statementWords } from '../../../../shared/print/statement-words';
import { useBridge } from '../../bridge/context';
import { operationQuery, useOperation } from '../../data/client';
import { useAppState } from '../../state';

/** The profile changes only with the company master in Tally: a sync invalidates it (useLiveRefresh). */
const PROFILE_STALE_MS = 10 * 60_000;

/** The current company's profile (`company.profile`): name, address, state, pincode, GSTIN. */
export function useCompanyProfile(companyGuid: string | undefined) {
  return useOperation(
    'company.profile',
    { companyGuid: companyGuid ?? '' },
    { enabled: companyGuid !== undefined && companyGuid !== '', staleTime: PROFILE_STALE_MS },
  );
}

/**
 * The current company's letterhead for printed pages and workbooks' title rows: the one place screens get
 * it from (the export menu applies it to every report). Fetched ahead while the screen is open; the
 * returned function waits for it when asked before it arrived, and answers null (the name alone, as
 * before) when the company has no profile or it cannot be read.
 */
export function useLetterhead(): () => Promise<Letterhead | null> {
  const { company } = useAppState();
  const bridge = useBridge();
  const client = useQueryClient();
  const { i18n } = useTranslation();
  const guid = company?.guid;
  // Fetched ahead, so printing does not wait for it.
  useCompanyProfile(guid);
  const language = i18n.language;
  return useCallback(async () => {
    if (!guid) return null;
    try {
      const profile = await client.fetchQuery({
        ...operationQuery(bridge, 'company.profile', { companyGuid: guid }),
        staleTime: PROFILE_STALE_MS,
      });
      return letterheadFromProfile(profile, { gstin: statementWords(language).gstin });
    } catch {
      // An older core without the operation, or a store without the company: print as before.
      return null;
    }
  }, [bridge, client, guid, language]);
}
