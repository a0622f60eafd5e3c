// Temporary folders for tests, each under the system's temporary folder and removed by removeTempDirs.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const made: string[] = [];

/** A new empty folder named `factcheck-<name>-` and six random characters, in the system's temporary folder. */
export function tempDir(name: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `factcheck-${name}-`));
  made.push(dir);
  return dir;
}

/** Removes every folder made by tempDir (call from afterAll). */
export function removeTempDirs(): void {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}
