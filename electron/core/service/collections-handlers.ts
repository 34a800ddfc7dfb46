import { AppError } from '../../../shared/errors';
import type { CollectionsArea } from '../collections/area';
import type { Store } from '../db/store';
import { withDatabaseErrors } from '../db/sqlite-errors';
import type { PartialHandlerMap } from './types';

type CollectionOperation =
  | 'company.profile'
  | 'collections.parties'
  | 'collections.party.update'
  | 'collections.preview'
  | 'collections.run.start'
  | 'collections.run.cancel'
  | 'collections.runs'
  | 'collections.log'
  | 'collections.whatsapp'
  | 'collections.settings.get'
  | 'collections.settings.set'
  | 'collections.smtp.get'
  | 'collections.smtp.set'
  | 'collections.smtp.test';

/**
 * Collections (issue 28): thin handlers over the collections area (electron/core/collections/area.ts).
 * Who may call them is decided by the portal's access check (portal/access.ts), before these run.
 */
export function collectionsHandlers(deps: {
  store: Store;
  area: CollectionsArea;
}): PartialHandlerMap<CollectionOperation> {
  const { store, area } = deps;
  const db = <T>(read: () => T): Promise<T> => Promise.resolve(withDatabaseErrors(store.path, read));
  return {
    'company.profile': (input) => db(() => area.parties.profile(input.companyGuid)),
    'collections.parties': (input) => db(() => area.listParties(input.companyGuid, input.asOn)),
    'collections.party.update': (input) =>
      db(() => {
        area.parties.update(input.companyGuid, input.ledgerGuid, {
          ...(input.email !== undefined ? { email: input.email } : {}),
          ...(input.mobile !== undefined ? { mobile: input.mobile } : {}),
          ...(input.excluded !== undefined ? { excluded: input.excluded } : {}),
          ...(input.language !== undefined ? { language: input.language } : {}),
        });
        return { ok: true as const };
      }),
    'collections.preview': (input) => db(() => area.preview(input.companyGuid, input.selection, input.asOn)),
    'collections.run.start': (input) =>
      db(() =>
        area.startRun({
          companyGuid: input.companyGuid,
          selection: input.selection,
          ...(input.asOn !== undefined ? { asOn: input.asOn } : {}),
          ...(input.runId !== undefined ? { runId: input.runId } : {}),
        }),
      ),
    'collections.run.cancel': (input) =>
      db(() => {
        const run = area.log.run(input.runId);
        if (run === null || run.companyGuid !== input.companyGuid)
          throw new AppError('NOT_FOUND', `No reminder run ${input.runId} for this company`, {
            runId: input.runId,
          });
        return { cancelled: area.cancel(input.runId) };
      }),
    'collections.runs': (input) => db(() => area.log.runs(input.companyGuid)),
    'collections.log': (input) => db(() => area.log.partyLog(input.companyGuid, input.ledgerGuid)),
    'collections.whatsapp': (input) =>
      db(() =>
        area.whatsApp(input.companyGuid, input.ledgerGuid, {
          log: input.log,
          ...(input.asOn !== undefined ? { asOn: input.asOn } : {}),
        }),
      ),
    'collections.settings.get': (input) => db(() => area.settings.reminderSettings(input.companyGuid)),
    'collections.settings.set': (input) =>
      db(() => {
        const { attachExcel, ...rest } = input.settings;
        return area.settings.setReminderSettings(input.companyGuid, {
          ...rest,
          attachExcel: attachExcel ?? area.settings.reminderSettings(input.companyGuid).attachExcel,
        });
      }),
    'collections.smtp.get': (input) => db(() => area.settings.smtpSettings(input.companyGuid)),
    'collections.smtp.set': (input) =>
      db(() =>
        area.settings.setSmtpSettings(
          input.companyGuid,
          {
            host: input.host,
            port: input.port,
            security: input.security,
            user: input.user,
            fromName: input.fromName,
            fromAddress: input.fromAddress,
            replyTo: input.replyTo,
          },
          input.password,
        ),
      ),
    'collections.smtp.test': async (input) => {
      withDatabaseErrors(store.path, () => store.requireCompany(input.companyGuid));
      return area.testSmtp(input.companyGuid);
    },
  };
}
