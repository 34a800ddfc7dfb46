import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

/**
 * The core's layers, top to bottom: app.ts (wiring) → service/ (API handlers) → portal/, sync/, import/,
 * live/ … → cache → reports → db. No folder may import one that imports it back (directly or round a
 * longer loop), and the arrows that once climbed back up stay removed. Parsed from the import statements
 * of electron/core/**\/*.ts, type-only imports included (a type shared by two layers belongs to the lower).
 */

const CORE = resolve(__dirname, '../../electron/core');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** The folder of a core file ("sync", "db" ...); files at the core's top level are themselves ("app.ts"). */
const unitOf = (path: string): string => relative(CORE, path).split(sep)[0] as string;

interface Arrow {
  from: string;
  to: string;
  /** "sync/area.ts imports ../service/sync-handlers" */
  where: string;
}

/** Every import (static, re-export, dynamic, type-only) from one core unit into another. */
function coreArrows(): Arrow[] {
  const arrows: Arrow[] = [];
  for (const file of sourceFiles(CORE)) {
    const info = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    for (const imported of info.importedFiles) {
      const spec = imported.fileName;
      if (!spec.startsWith('.')) continue;
      const target = resolve(dirname(file), spec);
      if (!target.startsWith(CORE + sep)) continue;
      const from = unitOf(file);
      const to = unitOf(target.endsWith('.ts') ? target : `${target}.ts`);
      if (from !== to) arrows.push({ from, to, where: `${relative(CORE, file)} imports ${spec}` });
    }
  }
  return arrows;
}

/** Folder cycles: for each arrow a → b with a way back from b to a, the loop's imports (one line per loop). */
function cycles(arrows: readonly Arrow[]): string[] {
  const next = new Map<string, Arrow[]>();
  for (const a of arrows) next.set(a.from, [...(next.get(a.from) ?? []), a]);
  const loops = new Map<string, string>();
  for (const arrow of arrows) {
    // Breadth-first from arrow.to, remembering the arrow each unit was reached by.
    const reachedBy = new Map<string, Arrow | null>([[arrow.to, null]]);
    const queue = [arrow.to];
    while (queue.length > 0 && !reachedBy.has(arrow.from)) {
      for (const a of next.get(queue.shift() as string) ?? []) {
        if (reachedBy.has(a.to)) continue;
        reachedBy.set(a.to, a);
        queue.push(a.to);
      }
    }
    if (!reachedBy.has(arrow.from)) continue;
    const loop: Arrow[] = [arrow];
    for (let a = reachedBy.get(arrow.from); a; a = reachedBy.get(a.from)) loop.splice(1, 0, a);
    const key = loop
      .map((a) => a.from)
      .sort()
      .join(' ');
    if (!loops.has(key)) loops.set(key, loop.map((a) => a.where).join('; '));
  }
  return [...loops.values()];
}

/** Arrows that climbed back up and were removed (issue 29 §3): each must stay gone. */
const REMOVED_ARROWS: { from: string; to: string; why: string }[] = [
  { from: 'portal', to: 'service', why: 'the handler types live in shared/types/handlers.ts' },
  { from: 'sync', to: 'service', why: "the sync's handlers are wired in app.ts" },
  { from: 'import', to: 'sync', why: 'the import declares the progress it reports through' },
  { from: 'config', to: 'cache', why: "the cache's settings and defaults live in config/cache-settings.ts" },
  { from: 'db', to: 'inventory', why: 'which lines move stock is the store’s: db/stock-moves.ts' },
];

describe('the core’s import structure', () => {
  const arrows = coreArrows();

  it('finds the imports it checks', () => {
    // A parser that found nothing would pass every rule below.
    expect(arrows.length).toBeGreaterThan(100);
    expect(arrows.some((a) => a.from === 'sync' && a.to === 'tally')).toBe(true);
  });

  it('has no import cycle between folders', () => {
    expect(cycles(arrows)).toEqual([]);
  });

  it.each(REMOVED_ARROWS)('$from/ does not import $to/ ($why)', ({ from, to }) => {
    expect(arrows.filter((a) => a.from === from && a.to === to).map((a) => a.where)).toEqual([]);
  });

  // Only the wiring (app.ts) may import the API handlers' layer.
  it('only app.ts imports the service layer', () => {
    const upward = arrows.filter((a) => a.to === 'service' && a.from !== 'app.ts').map((a) => a.where);
    expect(upward).toEqual([]);
  });
});
