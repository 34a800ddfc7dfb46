// node --import ./register.mjs: every import or require of 'electron' gets the stub.
import Module, { register } from 'node:module';
import { fileURLToPath } from 'node:url';
import './electron-stub.mjs';

const stubUrl = new URL('./electron-stub.mjs', import.meta.url).href;
const cjsStub = fileURLToPath(new URL('./electron-stub.cjs', import.meta.url));
register(
  'data:text/javascript,' +
    encodeURIComponent(
      `export async function resolve(s, c, next) { return s === 'electron' ? { url: ${JSON.stringify(stubUrl)}, shortCircuit: true } : next(s, c); }`,
    ),
);
const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return request === 'electron' ? cjsStub : resolveFilename.call(this, request, ...rest);
};
