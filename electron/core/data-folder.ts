import { execFile } from 'node:child_process';
import { chmodSync, closeSync, lstatSync, mkdirSync, openSync, readdirSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join } from 'node:path';

/**
 * The data folder holds the books, portal password hashes and the session-signing key: only the user
 * who runs TallyConnect may read it. On POSIX the folder (and every folder in it) is 0700 and every file
 * 0600; files made by an older version are fixed at start. On Windows the folder gets the ACL Electron's
 * per-user folder has: the user, SYSTEM and Administrators, nothing inherited (icacls).
 */
export const PRIVATE_FOLDER_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

/** Runs icacls with these arguments; injected so tests never change a real ACL. */
export type IcaclsRunner = (args: string[]) => Promise<void>;

const runIcacls: IcaclsRunner = (args) =>
  new Promise((resolve, reject) =>
    execFile('icacls', args, { windowsHide: true }, (error) => (error ? reject(error) : resolve())),
  );

/** icacls arguments that leave the folder to its user (and SYSTEM and Administrators), as %APPDATA% is. */
export function windowsPrivateAclArgs(dir: string, user: string): string[] {
  return [
    dir,
    '/inheritance:r',
    '/grant:r',
    `${user}:(OI)(CI)F`,
    '/grant:r',
    '*S-1-5-18:(OI)(CI)F', // SYSTEM
    '/grant:r',
    '*S-1-5-32-544:(OI)(CI)F', // Administrators
  ];
}

export interface SecureFolderOptions {
  platform?: NodeJS.Platform;
  icacls?: IcaclsRunner;
  /** The Windows account (DOMAIN\user); default from the environment. */
  windowsUser?: string;
}

/** Folders and files whose permissions were tightened (for the log), and a Windows ACL failure if any. */
export interface SecureFolderReport {
  fixed: string[];
  problem: string | null;
}

/** Tightens a folder tree: folders 0700, files 0600 (links are left alone; what they point at is not ours). */
function tightenTree(dir: string, fixed: string[], depth: number): void {
  const info = lstatSync(dir);
  if ((info.mode & 0o777) !== PRIVATE_FOLDER_MODE) {
    chmodSync(dir, PRIVATE_FOLDER_MODE);
    fixed.push(dir);
  }
  if (depth > 8) return;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    let entry;
    try {
      entry = lstatSync(path);
    } catch {
      continue; // removed meanwhile
    }
    if (entry.isSymbolicLink()) continue;
    if (entry.isDirectory()) tightenTree(path, fixed, depth + 1);
    else if (entry.isFile() && (entry.mode & 0o077) !== 0) {
      chmodSync(path, PRIVATE_FILE_MODE);
      fixed.push(path);
    }
  }
}

/** Creates the data folder readable by its user only, and fixes what an older version left open. */
export async function securePrivateFolder(
  dir: string,
  options: SecureFolderOptions = {},
): Promise<SecureFolderReport> {
  const platform = options.platform ?? process.platform;
  mkdirSync(dir, { recursive: true, mode: PRIVATE_FOLDER_MODE });
  if (platform !== 'win32') {
    const fixed: string[] = [];
    tightenTree(dir, fixed, 0);
    return { fixed, problem: null };
  }
  const user =
    options.windowsUser ??
    (process.env.USERDOMAIN ? `${process.env.USERDOMAIN}\\${userInfo().username}` : userInfo().username);
  try {
    await (options.icacls ?? runIcacls)(windowsPrivateAclArgs(dir, user));
    return { fixed: [], problem: null };
  } catch (error) {
    return {
      fixed: [],
      problem: `Could not limit the data folder to ${user}: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
}

/**
 * Creates a file readable by its user only before another library (SQLite) opens it, so the file, and
 * the -wal/-shm files SQLite gives the same permissions, are never readable by others, not even for a
 * moment. An existing file is left as it is (securePrivateFolder fixes its mode).
 */
export function createPrivateFile(path: string): void {
  if (path === ':memory:' || path === '') return;
  try {
    // 'wx': only a new file is opened here; one that exists is never touched by node:fs (a process's
    // POSIX locks on the database would go with any descriptor closed, see docs/security/database.md).
    closeSync(openSync(path, 'wx', PRIVATE_FILE_MODE));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
}
