import { generateDemoCompany } from '../electron/core/demo/generator';
const demo = generateDemoCompany({ vouchers: Number(process.argv[2] ?? 100000), seed: 42, until: '2026-11-25' });
const c = process.cpuUsage(); const t = performance.now();
let k = 0; for (const v of demo.vouchers()) k += v.entries.length;
const cu = process.cpuUsage(c);
console.log('gen wall', (performance.now() - t).toFixed(0), 'cpu', ((cu.user + cu.system) / 1000).toFixed(0), k);
