import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = join(import.meta.dirname, '..', '..', '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx|mts|cts|js|mjs|cjs)$/.test(entry.name) ? [path] : [];
  });
}

/** Every module specifier: import/export ... from, import(), require(). */
function specifiers(source: string): string[] {
  const found: string[] = [];
  const patterns = [
    /\b(?:import|export)\s[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]/g,
    /\bimport\s*['"]([^'"]+)['"]/g,
    /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
    /\brequire\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  for (const pattern of patterns) for (const match of source.matchAll(pattern)) found.push(match[1]!);
  return found;
}

const isElectron = (spec: string) =>
  spec === 'electron' ||
  spec.startsWith('electron/') ||
  spec === 'electron-log' ||
  spec.startsWith('electron-log/');

describe('electron/core stays plain Node', () => {
  it('the scanner finds imports in every form', () => {
    const sample = [
      "import { app } from 'electron';",
      "import type { Tray } from 'electron'",
      "export * from 'electron/main';",
      "const e = require('electron');",
      "await import('electron-log/main');",
      "import 'electron';",
    ].join('\n');
    expect(specifiers(sample).filter(isElectron)).toHaveLength(6);
  });

  it('no file under electron/core or shared imports electron (or electron-log)', () => {
    const files = [...sourceFiles(join(root, 'electron', 'core')), ...sourceFiles(join(root, 'shared'))];
    expect(files.length).toBeGreaterThan(5);
    const offenders = files.flatMap((file) =>
      specifiers(readFileSync(file, 'utf8'))
        .filter(isElectron)
        .map((spec) => `${relative(root, file)} imports ${spec}`),
    );
    expect(offenders).toEqual([]);
  });
});
