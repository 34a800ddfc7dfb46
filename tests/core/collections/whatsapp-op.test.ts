import { createCollectionsArea } from '../../../electron/core/collections/area';
import { collectionsHandlers } from '../../../electron/core/service/collections-handlers';
import { openStore } from '../../../electron/core/db/store';
import { createEventBus } from '../../../electron/core/events/bus';
import { silentLogger } from '../../../electron/core/logger';
import type { CallContext } from '../../../shared/types/handlers';
import { tempDir, TINY_GUID } from '../db/fixtures';
import { ASHA, ASHA_CONTACT, testSecretBox, writeTinyWithContacts } from './books';

const desktop: CallContext = { caller: 'test', user: null };
const dir = tempDir('tc-coll-wa-');
afterAll(() => dir.cleanup());

function setUp(name: string) {
  const store = openStore(dir.path(`${name}.db`));
  writeTinyWithContacts(store);
  const area = createCollectionsArea({
    store,
    events: createEventBus(),
    secretBox: testSecretBox(),
    now: () => new Date('2026-12-01T06:00:00.000Z'),
    logger: silentLogger,
    statementPdf: null,
  });
  return { store, area, handlers: collectionsHandlers({ store, area }) };
}

describe('collections.whatsapp: a reminder the user sends by hand', () => {
  it('gives the text in the party’s language and the links; only log: true records it, as WhatsApp to the mobile', async () => {
    const { store, area, handlers } = setUp('links');
    try {
      area.parties.update(TINY_GUID, ASHA, { language: 'mr' });
      const look = await handlers['collections.whatsapp'](
        {
          companyGuid: TINY_GUID,
          ledgerGuid: ASHA,
          log: false,
        },
        desktop,
      );
      expect(look.mobile).toBe('+919822012345');
      expect(look.language).toBe('mr');
      expect(look.text).toContain('प्रिय Asha Stores');
      expect(look.links.web).toBe(`https://wa.me/919822012345?text=${encodeURIComponent(look.text)}`);
      expect(look.links.app).toBe(`whatsapp://send?phone=919822012345&text=${encodeURIComponent(look.text)}`);
      expect(look.logged).toBe(false);
      expect(area.log.partyLog(TINY_GUID, ASHA)).toEqual([]);

      const sent = await handlers['collections.whatsapp'](
        {
          companyGuid: TINY_GUID,
          ledgerGuid: ASHA,
          log: true,
        },
        desktop,
      );
      expect(sent.text).toBe(look.text);
      const log = area.log.partyLog(TINY_GUID, ASHA);
      expect(log).toHaveLength(1);
      expect(log[0]).toMatchObject({
        channel: 'whatsapp',
        state: 'sent',
        to: ['+919822012345'],
        partyName: 'Asha Stores',
        attachments: [],
      });
      const party = area.listParties(TINY_GUID).parties.find((p) => p.ledgerGuid === ASHA);
      expect(log[0]?.amounts.totalDue).toBe(party?.totalDue);
      // It counts as a reminder: the party's last reminder is now, and its run is finished.
      expect(party?.lastReminderAt).toBe('2026-12-01T06:00:00.000Z');
      expect(area.log.run(log[0]?.runId ?? '')?.status).toBe('finished');
    } finally {
      await area.close();
      store.close();
    }
  });

  it('refuses a party without a mobile or with a bad one, and an unknown party, logging nothing', async () => {
    const { store, area, handlers } = setUp('refused');
    try {
      // The handler may throw before it returns a promise (as the dispatcher allows): awaited either way.
      const call = async (ledgerGuid: string) =>
        handlers['collections.whatsapp']({ companyGuid: TINY_GUID, ledgerGuid, log: true }, desktop);
      writeTinyWithContacts(store, null);
      await expect(call(ASHA)).rejects.toMatchObject({ code: 'VALIDATION', details: { field: 'mobile' } });
      // TallyConnect refuses to keep a bad number, but Tally's ledger may carry one.
      writeTinyWithContacts(store, { ...ASHA_CONTACT, mobile: '12345' });
      await expect(call(ASHA)).rejects.toMatchObject({
        code: 'VALIDATION',
        message: '"12345" is not a 10-digit Indian mobile number',
      });
      await expect(call('L-nobody')).rejects.toMatchObject({ code: 'NOT_FOUND' });
      expect(area.log.partyLog(TINY_GUID, ASHA)).toEqual([]);
      expect(area.log.runs(TINY_GUID)).toEqual([]);
    } finally {
      await area.close();
      store.close();
    }
  });
});
