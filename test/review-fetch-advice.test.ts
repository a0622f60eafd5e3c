// The review's "fetch it first" advice is a shell command built from a user-supplied revision: every
// argument is quoted for a POSIX shell, so pasting it runs git fetch and nothing else.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fetchAdvice } from '../src/review/git.ts';

const scratch = mkdtempSync(path.join(tmpdir(), 'factcheck-fetch-advice-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/**
 * The words a POSIX shell makes of `command`. The shell really parses it, so every payload below is harmless
 * even when the quoting is broken (it only echoes a marker, written INJ""ECTED so that only running it prints INJECTED), and it runs in a scratch folder with a scratch HOME.
 */
function shellWords(command: string): string[] {
  const result = spawnSync('sh', ['-c', `set -- ${command}; printf '%s\\0' "$@"`], {
    cwd: scratch,
    env: { PATH: process.env['PATH'], HOME: scratch },
    encoding: 'utf8',
  });
  expect(result.stdout).not.toContain('INJECTED');
  return result.stdout.split('\0').slice(0, -1);
}

describe('fetch advice', () => {
  it('leaves ordinary refs as they are', () => {
    expect(fetchAdvice('origin/main', ['origin'])).toBe('git fetch --depth=1 origin main:refs/remotes/origin/main');
    expect(fetchAdvice('release-1.2', ['origin'])).toBe('git fetch --depth=1 origin release-1.2:release-1.2');
    expect(fetchAdvice('0123abcd', ['upstream'])).toBe('git fetch --depth=1 upstream 0123abcd');
  });

  it.each([
    'main;echo INJ""ECTED',
    'x$(echo INJ""ECTED)',
    '`echo INJ""ECTED`',
    "it's",
    'a b',
    'origin/main;echo INJ""ECTED',
    'feature|echo INJ""ECTED',
    'main&&echo${IFS}INJ""ECTED',
    '*',
  ])('quotes %j so the shell sees it as one word', (rev) => {
    const advice = fetchAdvice(rev, ['origin']);
    const words = shellWords(advice.replace(/^git fetch /, ''));
    expect(words[0]).toBe('--depth=1');
    expect(words.slice(1).join(' ')).toContain(rev.includes('/') && rev.startsWith('origin/') ? rev.slice('origin/'.length) : rev);
    expect(words.length).toBeLessThanOrEqual(3);
  });
});
