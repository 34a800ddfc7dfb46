import { generateDemoCompany } from '../electron/core/demo/generator';
import { renderVoucher, collectionHead, collectionTail } from '../tools/tally-sim/render';
import { createTallyParser } from '../electron/core/tally/parser';
import { createTextCleaner } from '../electron/core/tally/clean';
import { createStreamDecoder } from '../electron/core/tally/decode';
import { FIELDS_READ, mapVoucher } from '../electron/core/tally/mappers';
const demo = generateDemoCompany({ vouchers: 5000, seed: 42 });
const parts = [collectionHead];
for (const v of demo.vouchers()) parts.push(renderVoucher(v));
parts.push(collectionTail);
const buf = Buffer.from(parts.join(''), 'utf16le');
const m = () => { const u = process.memoryUsage(); return `rss ${Math.round(u.rss / 2 ** 20)} heap ${Math.round(u.heapUsed / 2 ** 20)}/${Math.round(u.heapTotal / 2 ** 20)}`; };
for (let r = 0; r < 30; r++) {
  const batch = [];
  const dec = createStreamDecoder('x'); const cl = createTextCleaner();
  const p = createTallyParser({ source: 'x', capture: new Set(['VOUCHER']), keep: FIELDS_READ, onObject: (node) => { batch.push(mapVoucher(node).record); } });
  for (let o = 0; o < buf.length; o += 65536) p.write(cl.push(dec.push(buf.subarray(o, o + 65536))));
  p.write(cl.push(dec.end())); p.write(cl.flush()); p.close();
  if (r % 5 === 0) console.log((r + 1) * 5000, m());
}
