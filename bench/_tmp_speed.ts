import { renderVoucher, collectionHead, collectionTail } from '../tools/tally-sim/render';
import { createTallyParser } from '../electron/core/tally/parser';
import { createTextCleaner } from '../electron/core/tally/clean';
import { createStreamDecoder } from '../electron/core/tally/decode';
import { mapVoucher } from '../electron/core/tally/mappers';
const parts: string[] = [collectionHead];
for (let i = 0; i < 20000; i++) {
  parts.push(renderVoucher({ guid: 'a1b2c3d4-0000-4000-8000-00000000abcd-' + i.toString(16).padStart(8,'0'), alterId: i, masterId: i, date: '2025-04-01', voucherType: 'Sales', voucherNumber: String(i), partyLedgerName: 'Party ' + (i%100), narration: 'Being goods sold', reference: 'INV-' + i, isCancelled: false, isOptional: false,
  entries: [{ledgerGuid:null, ledgerName:'Party ' + (i%100), amount: 118000, bills:[{billName:'INV-'+i, billType:'New Ref', amount:118000, creditPeriodDays:30, dueDate:null}]},{ledgerGuid:null, ledgerName:'Sales', amount:-100000, bills:[]},{ledgerGuid:null, ledgerName:'GST', amount:-18000, bills:[]}]}));
}
parts.push(collectionTail);
const xml = parts.join('');
console.log('chars/voucher', xml.length / 20000);
const buf = Buffer.concat([Buffer.from([0xff,0xfe]), Buffer.from(xml, 'utf16le')]);
for (let r = 0; r < 4; r++) {
  let t0 = performance.now();
  const dec = createStreamDecoder('x'); const cl = createTextCleaner(); const chunks: string[] = [];
  for (let o = 0; o < buf.length; o += 65536) chunks.push(cl.push(dec.push(buf.subarray(o, o + 65536))));
  console.log('decode+clean', (performance.now() - t0).toFixed(0));
  t0 = performance.now();
  let n = 0;
  const p = createTallyParser({ source: 'x', capture: new Set(['VOUCHER']), onObject: () => { n++; } });
  for (const c of chunks) p.write(c);
  p.close();
  console.log('parse-tree', (performance.now() - t0).toFixed(0));
  t0 = performance.now();
  const p2 = createTallyParser({ source: 'x', capture: new Set(['VOUCHER']), onObject: (node) => { mapVoucher(node); } });
  for (const c of chunks) p2.write(c);
  p2.close();
  const ms = performance.now() - t0;
  console.log('parse+map', ms.toFixed(0), (n / ms * 1000).toFixed(0), '/s');
}
