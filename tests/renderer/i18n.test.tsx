// @vitest-environment jsdom
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { en } from '../../renderer/src/i18n/en';
import { mr } from '../../renderer/src/i18n/mr';
import { hi } from '../../renderer/src/i18n/hi';
import { leaves } from './message-leaves';
import { renderApp } from './render-app';

/** Every `t('literal.key'` call in the renderer, with its inline English default when it has one. */
function usedKeys(): { key: string; fallback?: string; file: string }[] {
  const root = join(__dirname, '../../renderer/src');
  const files = (readdirSync(root, { recursive: true }) as string[]).filter((f) => /\.tsx?$/.test(f));
  const found: { key: string; fallback?: string; file: string }[] = [];
  const call =
    /\bt\(\s*'([\w.]+)'\s*(?:,\s*(?:'((?:[^'\\]|\\.)*)'|\{\s*defaultValue:\s*'((?:[^'\\]|\\.)*)'))?/g;
  for (const file of files) {
    const source = readFileSync(join(root, file), 'utf8');
    for (const m of source.matchAll(call)) found.push({ key: m[1]!, fallback: m[2] ?? m[3], file });
  }
  return found;
}

describe('translations', () => {
  it('has every key the screens use (portal screens included), with the same English default', () => {
    const english = leaves(en);
    const used = usedKeys();
    expect(used.filter((u) => u.key.startsWith('portal.')).length).toBeGreaterThan(40);
    for (const { key, fallback, file } of used) {
      // A plural key is called without its suffix; its `_other` form is the English default.
      const text = english[key] ?? english[`${key}_other`];
      expect(text, `${key} (${file})`).toBeTypeOf('string');
      if (fallback !== undefined) expect(text, `${key} (${file})`).toBe(fallback);
    }
  });

  it.each([
    ['mr', mr],
    ['hi', hi],
  ])('%s has every English key, keeps placeholders and is really translated', (_code, messages) => {
    const english = leaves(en);
    const other = leaves(messages);
    expect(Object.keys(other).sort()).toEqual(Object.keys(english).sort());
    for (const [key, text] of Object.entries(english)) {
      const placeholders = (s: string) => (s.match(/\{\{\w+\}\}/g) ?? []).sort();
      expect(placeholders(other[key] ?? ''), key).toEqual(placeholders(text));
    }
    const devanagari = Object.values(other).filter((s) => /[\u0900-\u097F]/.test(s)).length;
    expect(devanagari / Object.keys(other).length).toBeGreaterThan(0.8);
  });

  it('switches the whole app to Marathi and remembers it', async () => {
    const { bridge } = renderApp('#/dashboard');
    await screen.findByRole('button', { name: /Sales/ });
    fireEvent.change(screen.getByTestId('language'), { target: { value: 'mr' } });
    expect(await screen.findByRole('button', { name: /विक्री/ })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /खातेवही उतारा/ })).toBeInTheDocument();
    expect(localStorage.getItem('tallyconnect.language')).toBe('mr');
    expect(document.documentElement.lang).toBe('mr');
    await waitFor(() =>
      expect(bridge.calls.find((c) => c.operation === 'settings.update')?.input).toEqual({ language: 'mr' }),
    );
  });
});
