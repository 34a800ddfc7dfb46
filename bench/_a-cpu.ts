import { rmSync } from 'node:fs';
import { openStore } from '../electron/core/db/store';
import { generateDemoCompany } from '../electron/core/demo/generator';
import { writeDemoCompany } from '../electron/core/demo/load';
const n = Number(process.argv[2] ?? 100000);
const path = `/tmp/a-cpu-${n}.db`;
for (const s of ['', '-wal', '-shm']) rmSync(path + s, { force: true });
const demo = generateDemoCompany({ vouchers: n, seed: 42, until: '2026-11-25' });
let c = process.cpuUsage(); let t = performance.now();
for (const _ of demo.vouchers()) {}
let cu = process.cpuUsage(c);
console.log('gen wall', (performance.now() - t).toFixed(0), 'cpu', ((cu.user + cu.system) / 1000).toFixed(0));
const store = openStore(path);
c = process.cpuUsage(); t = performance.now();
writeDemoCompany(store, demo);
cu = process.cpuUsage(c);
console.log('gen+store wall', (performance.now() - t).toFixed(0), 'cpu', ((cu.user + cu.system) / 1000).toFixed(0), 'user', (cu.user/1000).toFixed(0), 'sys', (cu.system/1000).toFixed(0));
store.close();
