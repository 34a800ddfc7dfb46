import { generateDemoCompany } from '../electron/core/demo/generator';
import { openStore } from '../electron/core/db/store';
import { rmSync } from 'node:fs';
const path = '/tmp/_rss_test.db';
rmSync(path, { force: true }); rmSync(path + '-wal', { force: true }); rmSync(path + '-shm', { force: true });
const demo = generateDemoCompany({ vouchers: 100000, seed: 1 });
const all = [...demo.vouchers()];
global.gc?.();
const store = openStore(path);
const w = store.beginCompanyWrite({ guid: demo.company.guid, name: demo.company.name, source: 'tally' }, 'replace');
w.putGroups(demo.groups); w.putVoucherTypes(demo.voucherTypes); w.putLedgers(demo.ledgers);
const m = () => { const u = process.memoryUsage(); return `rss ${Math.round(u.rss / 2 ** 20)} heap ${Math.round(u.heapUsed / 2 ** 20)} ext ${Math.round(u.external / 2 ** 20)}`; };
console.log('start', m());
for (let i = 0; i < all.length; i += 5000) { w.putVouchers(all.slice(i, i + 5000)); if (i % 25000 === 0) { global.gc?.(); console.log(i, m()); } }
console.log('before commit', m());
w.commit({ ...demo.company, source: 'tally' });
global.gc?.();
console.log('after commit', m());
