import http from 'node:http';
import { companiesRequest, vouchersRequest } from '../../../electron/core/tally/requests';
import { startTallySimulator, type TallySimulator } from '../../../tools/tally-sim/server';
import { SMALL_GUID, smallCompanySource } from '../../fixtures/tally/small-company';

let sim: TallySimulator;
beforeEach(async () => {
  sim = await startTallySimulator([smallCompanySource()]);
  // Collections answer for Tally's current period; the company's books are in 2025-26.
  sim.setPeriod({ from: '2025-04-01', to: '2026-03-31' });
});
afterEach(async () => {
  await sim.stop();
});

function post(body: string): Promise<{ headers: http.IncomingHttpHeaders; bytes: Buffer }> {
  return new Promise((resolve, reject) => {
    const payload = Buffer.from(body, 'utf16le');
    const req = http.request({ host: '127.0.0.1', port: sim.port, method: 'POST', path: '/' }, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (c: Buffer) => parts.push(c));
      res.on('end', () => resolve({ headers: res.headers, bytes: Buffer.concat(parts) }));
    });
    req.on('error', reject);
    req.end(payload);
  });
}

describe('Tally simulator native answers', () => {
  it("answers a voucher collection for Tally's current period, not the request's dates", async () => {
    sim.setPeriod({ from: '2026-04-01', to: '2027-03-31' });
    const outside = (await post(vouchersRequest('Small & Co', '2025-04-01', '2025-04-30'))).bytes.toString(
      'utf16le',
    );
    expect(outside).not.toMatch(/<VOUCHER [^>]*>/);
    sim.setPeriod({ from: '2025-04-01', to: '2026-03-31' });
    const inside = (await post(vouchersRequest('Small & Co', '2025-04-01', '2025-04-30'))).bytes.toString(
      'utf16le',
    );
    expect(inside).toMatch(/<VOUCHER [^>]*>/);
  });

  it("answers in UTF-16LE with Tally's quirks: debit negative, YYYYMMDD, spaced AlterIDs, &#4;", async () => {
    const { headers, bytes } = await post(vouchersRequest('Small & Co', '2025-04-01', '2025-04-01'));
    expect(headers['content-type']).toMatch(/utf-16/);
    const text = bytes.toString('utf16le');
    expect(text).toContain('<DATE TYPE="Date">20250401</DATE>');
    expect(text).toContain('<ALTERID TYPE="Number"> 11</ALTERID>');
    expect(text).toContain('&#4; Not Applicable');
    expect(text).toContain('<EWAYBILLDETAILS.LIST>      </EWAYBILLDETAILS.LIST>');
    // The party is debited 10,000: Tally writes it negative.
    expect(text).toMatch(
      /<LEDGERNAME TYPE="String">Sharma &amp; Sons &quot;Retail&quot;<\/LEDGERNAME>.*?<AMOUNT TYPE="Amount">-10000\.00<\/AMOUNT>/s,
    );
    expect(text).not.toContain('20250410'); // outside the range
  });

  it('moves AltVchId on changes and filters by AlterID', async () => {
    const before = (await post(companiesRequest())).bytes.toString('utf16le');
    expect(before).toContain(`<GUID TYPE="String">${SMALL_GUID}</GUID>`);
    const c = sim.company();
    // The six vouchers of the books, then the non-posting ones (shapes.ts), numbered above them.
    const last = c.voucherAlterId;
    expect(last).toBeGreaterThan(16);
    expect(before).toContain(`<ALTVCHID TYPE="Number"> ${last}</ALTVCHID>`);
    const first = [...c.all()][0]!;
    c.alterVoucher(first.guid, (v) => ({ ...v, narration: 'edited' }));
    expect((await post(companiesRequest())).bytes.toString('utf16le')).toContain(
      `<ALTVCHID TYPE="Number"> ${last + 1}</ALTVCHID>`,
    );
    const changed = (
      await post(vouchersRequest('Small & Co', '2025-04-01', '2026-03-31', last))
    ).bytes.toString('utf16le');
    expect(changed.match(/<VOUCHER /g)).toHaveLength(1);
    expect(changed).toContain('<NARRATION TYPE="String">edited</NARRATION>');
  });

  it('answers nothing for a company that is not open', async () => {
    sim.close(SMALL_GUID);
    const { bytes } = await post(vouchersRequest('Small & Co', '2025-04-01', '2025-04-30'));
    expect(bytes.length).toBe(0);
  });
});
