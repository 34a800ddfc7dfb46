import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../../../shared/errors';
import type { SyncManager } from '../sync/manager';
import type { CallContext, PartialHandlerMap } from './types';

// Windows device names (CON, NUL, COM1, ...) are devices in every folder, with or without an extension.
const DEVICE_NAME = /^(con|prn|aux|nul|conin\$|conout\$|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;
// eslint-disable-next-line no-control-regex -- refusing control characters is the point
const CONTROL = /[\u0000-\u001f\u007f]/;

function refused(shown: string, why: string): AppError {
  return new AppError(
    'FORBIDDEN',
    `Cannot import ${shown}: ${why}. Over the web, TallyConnect imports only files uploaded to it`,
    { path: shown },
  );
}

/**
 * The files an import over HTTP may read: only files directly inside `folder` (the upload folder).
 * Checked on the text first, before anything touches the file system (no UNC \\server\share paths,
 * no \\?\ or \\.\ device paths, no Windows device names, no relative paths or `..`, no control
 * characters), then on real paths (fs.realpath, so a link in the folder that points elsewhere is
 * refused), the file type (a regular file) and its link count (one: a hard link is refused). Answers
 * the real paths to import.
 */
export async function confineToFolder(paths: readonly string[], folder: string): Promise<string[]> {
  const root = path.resolve(folder);
  const lexical: string[] = [];
  for (const raw of paths) {
    const shown = raw.slice(0, 200);
    if (CONTROL.test(raw)) throw refused(JSON.stringify(shown), 'the path holds control characters');
    if (/^[\\/]{2}/.test(raw)) throw refused(shown, 'network (UNC) and device paths are not imported');
    if (!path.isAbsolute(raw)) throw refused(shown, 'the path is not absolute');
    if (raw.split(/[\\/]/).includes('..')) throw refused(shown, 'the path climbs out of its folder (..)');
    const resolved = path.resolve(raw);
    const name = path.basename(resolved);
    if (path.dirname(resolved) !== root || name === '')
      throw refused(shown, 'it is outside the upload folder');
    if (DEVICE_NAME.test(name) || name.includes(':')) throw refused(shown, 'it names a device or a stream');
    lexical.push(resolved);
  }
  let realRoot: string;
  try {
    realRoot = await realpath(root);
  } catch {
    throw new AppError('IMPORT_INVALID', 'Nothing has been uploaded yet (the upload folder does not exist)');
  }
  const real: string[] = [];
  for (const file of lexical) {
    let target: string;
    try {
      target = await realpath(file);
    } catch {
      throw new AppError(
        'IMPORT_INVALID',
        `Cannot read ${path.basename(file)}: the uploaded file is gone; upload it again`,
      );
    }
    if (path.dirname(target) !== realRoot)
      throw refused(path.basename(file), 'it leads outside the upload folder');
    const info = await stat(target);
    if (!info.isFile()) throw refused(path.basename(file), 'it is not a regular file');
    // An upload is a file of its own; a second name for it is a hard link planted to some other file
    // (the books, a key) that realpath cannot see through.
    if (info.nlink > 1) throw refused(path.basename(file), 'it is linked to another file (a hard link)');
    real.push(target);
  }
  return real;
}

/** Which files an import may read for this caller: any for the desktop (IPC, CLI); uploads only over HTTP. */
async function importablePaths(paths: readonly string[], context: CallContext): Promise<string[]> {
  if (context.importFolder !== undefined) return confineToFolder(paths, context.importFolder);
  if (context.caller === 'http') {
    throw new AppError(
      'FORBIDDEN',
      'Importing files over HTTP needs an upload folder; upload the files first',
    );
  }
  return [...paths];
}

/** Tally connection test, sync now / cancel / status, and file import. */
export function syncHandlers(deps: {
  sync: SyncManager;
}): PartialHandlerMap<
  'tally.testConnection' | 'sync.start' | 'sync.cancel' | 'sync.status' | 'import.files'
> {
  const { sync } = deps;
  return {
    'tally.testConnection': (input) => sync.testConnection({ host: input.host, port: input.port }),
    'sync.start': (input) => sync.start({ companyGuid: input.companyGuid, full: input.full }),
    'sync.cancel': async () => sync.cancel(),
    'sync.status': async () => sync.status(),
    'import.files': async (input, context) => sync.importFiles(await importablePaths(input.paths, context)),
  };
}
