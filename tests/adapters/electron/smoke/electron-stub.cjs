// CommonJS face of electron-stub.mjs, for packages that require('electron') (electron-log).
module.exports = globalThis.__tallyConnectElectronStub;
