import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { registerAppScheme, serveAppRequest } from '../../../electron/main/app-protocol';
import {
  APP_ENTRY_URL,
  CONTENT_SECURITY_POLICY,
  isAllowedExternalUrl,
  isTrustedRendererUrl,
  resolveAppFile,
} from '../../../electron/main/security';
import { applySessionSecurity } from '../../../electron/main/session-security';

describe('content security policy', () => {
  it('allows only the app itself: no remote scripts, eval, inline scripts, plugins or framing', () => {
    const directives = Object.fromEntries(
      CONTENT_SECURITY_POLICY.split(';').map((d) => {
        const [name, ...values] = d.trim().split(/\s+/);
        return [name, values];
      }),
    );
    expect(directives['default-src']).toEqual(["'self'"]);
    expect(directives['script-src']).toEqual(["'self'"]);
    expect(directives['object-src']).toEqual(["'none'"]);
    expect(directives['frame-ancestors']).toEqual(["'none'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|https?:|\*/);
  });

  it('the default session adds the CSP header and refuses every permission but clipboard writes', () => {
    const onHeadersReceived = vi.fn();
    const setPermissionRequestHandler = vi.fn();
    const setPermissionCheckHandler = vi.fn();
    applySessionSecurity({
      webRequest: { onHeadersReceived },
      setPermissionRequestHandler,
      setPermissionCheckHandler,
    } as never);
    const listener = onHeadersReceived.mock.calls[0]![0] as (d: object, cb: (r: object) => void) => void;
    const callback = vi.fn();
    listener({ responseHeaders: { 'Content-Type': ['text/html'] } }, callback);
    expect(callback).toHaveBeenCalledWith({
      responseHeaders: {
        'Content-Type': ['text/html'],
        'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
      },
    });
    const permission = setPermissionRequestHandler.mock.calls[0]![0] as (
      w: unknown,
      p: string,
      cb: (ok: boolean) => void,
    ) => void;
    const answer = vi.fn();
    permission({}, 'media', answer);
    permission({}, 'clipboard-read', answer);
    permission({}, 'clipboard-sanitized-write', answer);
    expect(answer.mock.calls).toEqual([[false], [false], [true]]);
    const check = setPermissionCheckHandler.mock.calls[0]![0] as (w: unknown, p: string) => boolean;
    expect(check(null, 'geolocation')).toBe(false);
    expect(check(null, 'clipboard-sanitized-write')).toBe(true);
  });
});

describe('external links allow-list', () => {
  it.each([
    ['https://help.tallysolutions.com/article/xml-port', true],
    ['https://www.memurai.com/get-memurai', true],
    ['http://www.memurai.com/', false], // never plain http
    ['https://memurai.com.evil.example/', false],
    ['https://user:pw@memurai.com/', false],
    ['file:///C:/Windows/system32/calc.exe', false],
    ['javascript:alert(1)', false],
    ['not a url', false],
    ['https://wa.me/919876543210?text=Dear%20Patil', true],
    ['whatsapp://send?phone=919876543210&text=Dear%20Patil', true],
    ['whatsapp://call?phone=919876543210', false],
    ['https://wa.me.evil.example/919876543210', false],
  ])('%s → %s', (url, allowed) => {
    expect(isAllowedExternalUrl(url)).toBe(allowed);
  });
});

describe('trusted renderer URL', () => {
  it('accepts only app://tallyconnect, and the dev server only when one is configured', () => {
    expect(isTrustedRendererUrl(APP_ENTRY_URL)).toBe(true);
    expect(isTrustedRendererUrl('app://tallyconnect/index.html#/ledger?x=1')).toBe(true);
    expect(isTrustedRendererUrl('app://other/index.html')).toBe(false);
    expect(isTrustedRendererUrl('http://localhost:5173/')).toBe(false);
    expect(isTrustedRendererUrl('http://localhost:5173/', 'http://localhost:5173')).toBe(true);
    expect(isTrustedRendererUrl('http://localhost:5174/', 'http://localhost:5173')).toBe(false);
    expect(isTrustedRendererUrl('')).toBe(false);
  });
});

describe('app:// protocol', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tc-renderer-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>TallyConnect</title>');
  writeFileSync(join(dir, 'assets', 'app.js'), 'console.log(1)');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('maps URLs into the renderer folder and refuses escapes', () => {
    expect(resolveAppFile(dir, 'app://tallyconnect/')).toBe(join(dir, 'index.html'));
    expect(resolveAppFile(dir, 'app://tallyconnect/ledgers/abc')).toBe(join(dir, 'index.html'));
    expect(resolveAppFile(dir, 'app://tallyconnect/assets/app.js')).toBe(join(dir, 'assets', 'app.js'));
    // The URL parser already clamps dot segments at the root: still inside the folder.
    expect(resolveAppFile(dir, 'app://tallyconnect/%2e%2e/%2e%2e/secret.txt')).toBe(join(dir, 'secret.txt'));
    expect(resolveAppFile(dir, 'app://tallyconnect/..%2F..%2Fsecret.txt')).toBeNull();
    expect(resolveAppFile(dir, 'app://tallyconnect/%E0%A4%A')).toBeNull();
    expect(resolveAppFile(dir, 'app://elsewhere/index.html')).toBeNull();
    expect(resolveAppFile(dir, 'https://tallyconnect/index.html')).toBeNull();
  });

  it('serves files with their type and the CSP header; 403 for escapes, 404 for missing files', async () => {
    const page = await serveAppRequest(dir, 'app://tallyconnect/index.html');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await page.text()).toContain('<title>TallyConnect</title>');
    const script = await serveAppRequest(dir, 'app://tallyconnect/assets/app.js');
    expect(script.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect((await serveAppRequest(dir, 'app://tallyconnect/..%2Fx.txt')).status).toBe(403);
    const missing = await serveAppRequest(dir, 'app://tallyconnect/assets/missing.js');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('registers app:// as a standard, secure scheme', () => {
    const registerSchemesAsPrivileged = vi.fn();
    registerAppScheme({ registerSchemesAsPrivileged });
    expect(registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
  });
});
