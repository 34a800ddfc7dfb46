// Boots a built main.js (path in argv[2]) against the stub, drives it like the renderer and the user
// would, and prints one JSON line of findings; the shutdown then prints the exit line.
import { record, app } from './electron-stub.mjs';

const wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
await import(process.argv[2]);
for (let i = 0; i < 100 && !record.trays[0]?.menu; i++) await wait(50);
await wait(200);

const trusted = { senderFrame: { url: 'app://tallyconnect/index.html' } };
const call = (operation, input, event = trusted) =>
  record.ipcHandlers.get(`tallyconnect:invoke:${operation}`)(event, input);
const findings = {
  ipcChannels: [...record.ipcHandlers.keys()].filter((c) => c.startsWith('tallyconnect:')).length,
  webPreferences: record.windows[0]?.options.webPreferences,
  loaded: record.calls.filter((c) => c[0] === 'loadURL').map((c) => c[1]),
  appInfo: await call('app.info', {}),
  demo: await call('demo.load', { vouchers: 20 }),
  cleared: await call('cache.clearAll', {}),
  companies: await call('companies.list', {}),
  cacheStatus: await call('cache.status', {}),
  badInput: await call('dashboard.get', { companyGuid: 'x', fy: '2025' }),
  foreign: await call('app.info', {}, { senderFrame: { url: 'https://evil.example/' } }),
  page: await (async () => {
    const response = await record.protocolHandler({ url: 'app://tallyconnect/index.html' });
    return {
      status: response.status,
      csp: response.headers.get('content-security-policy'),
      body: await response.text(),
    };
  })(),
  tooltip: record.trays[0]?.tooltip,
  menu: record.trays[0]?.menu.template.map((item) => item.id).filter(Boolean),
};
// The main-process hooks npm run test:electron uses (TALLYCONNECT_TEST_HOOKS=1), on the built bundle.
const hooks = globalThis.__tallyConnectTestHooks;
if (hooks) {
  findings.update = await call('update.status', {});
  findings.hooks = {
    trayExists: hooks.trayExists(),
    tooltip: hooks.trayTooltip(),
    menu: hooks.trayMenu().map((item) => item.id),
    clickedClear: hooks.clickTray('cache.clearAll'),
  };
  await hooks.settled();
  findings.hooks.notifications = record.calls.filter((c) => c[0] === 'notification').map((c) => c[1]);
}
const close = {
  defaultPrevented: false,
  preventDefault() {
    this.defaultPrevented = true;
  },
};
record.windows[0].emit('close', close);
findings.hiddenOnClose = close.defaultPrevented;
process.stdout.write(`${JSON.stringify(findings)}\n`);
app.emit('before-quit');
app.emit('will-quit', { preventDefault() {} });
