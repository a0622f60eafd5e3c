// The CI workflows call only commands that exist, and keep the promises made for them: pull requests
// (forks included) run with a read-only token and no secrets; main deploys with the official Pages actions.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = path.resolve(import.meta.dirname, '..');
const dir = path.join(root, '.github/workflows');
const scripts = (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  if?: string;
  id?: string;
}
interface Job {
  steps: Step[];
  permissions?: Record<string, string>;
  container?: unknown;
}
interface Workflow {
  on: Record<string, unknown>;
  permissions?: Record<string, string>;
  jobs: Record<string, Job>;
}

const files = readdirSync(dir)
  .filter((name) => /\.ya?ml$/.test(name))
  .sort();
const workflows = new Map(files.map((name) => [name, parse(readFileSync(path.join(dir, name), 'utf8')) as Workflow]));
const steps = (w: Workflow) => Object.values(w.jobs).flatMap((job) => job.steps);
const runs = (w: Workflow) => steps(w).flatMap((s) => (s.run ? [s.run] : []));

/** `npm run X`, `npm X` for npm's own script shorthands (test, start). */
function npmScripts(command: string): string[] {
  const named = [...command.matchAll(/\bnpm\s+(?:run|run-script)\s+([\w:.-]+)/g)].map((m) => m[1]!);
  const shorthand = [...command.matchAll(/\bnpm\s+(test|start)\b/g)].map((m) => m[1]!);
  return [...named, ...shorthand];
}

describe('CI workflows', () => {
  it('exist and parse', () => {
    expect(files).toEqual(['deploy.yml', 'pull-request.yml']);
    for (const [name, workflow] of workflows) expect(Object.keys(workflow.jobs).length, name).toBeGreaterThan(0);
  });

  for (const name of files) {
    it(`${name}: every npm script it runs exists in package.json`, () => {
      const called = runs(workflows.get(name)!).flatMap(npmScripts);
      expect(called.length).toBeGreaterThan(0);
      for (const script of called) expect(Object.keys(scripts), `npm run ${script}`).toContain(script);
    });

    it(`${name}: uses no secrets and pins every action to a major version`, () => {
      const text = readFileSync(path.join(dir, name), 'utf8');
      expect(text).not.toMatch(/secrets\./);
      for (const step of steps(workflows.get(name)!)) if (step.uses) expect(step.uses).toMatch(/^[\w-]+\/[\w-]+@v\d+$/);
    });
  }

  it('pull requests: read-only, fork-safe, and run check, review, tests, lint, build and the preview upload', () => {
    const w = workflows.get('pull-request.yml')!;
    expect(Object.keys(w.on)).toEqual(['pull_request']); // never pull_request_target with the fork's code
    expect(w.permissions).toEqual({ contents: 'read' });
    for (const job of Object.values(w.jobs)) expect(job.permissions).toBeUndefined();
    const commands = runs(w).join('\n');
    expect(commands).toMatch(/npm ci/);
    expect(commands).toMatch(/npm run check -- --format=github/);
    expect(commands).toMatch(/npm run review -- --base "origin\/\$BASE_REF"/);
    expect(commands).toMatch(/apt-get install -y .*chromium/);
    expect(commands).toMatch(/npm test/);
    expect(commands).toMatch(/npm run lint/);
    expect(commands).toMatch(/npm run build/);
    const review = steps(w).find((s) => s.run?.includes('npm run review'))!;
    expect((review as { env?: Record<string, string> }).env).toEqual({ BASE_REF: '${{ github.base_ref }}' });
    const checkout = steps(w).find((s) => s.uses?.startsWith('actions/checkout@'))!;
    expect(checkout.with).toMatchObject({ 'fetch-depth': 0, 'persist-credentials': false });
    const upload = steps(w).find((s) => s.uses?.startsWith('actions/upload-artifact@'))!;
    expect(upload.with).toMatchObject({ path: '_site' });
  });

  it('pull requests: the site is built as a preview (PREVIEW=1), never as a deployment', () => {
    const w = workflows.get('pull-request.yml')!;
    const builds = steps(w).filter((s) => s.run?.includes('npm run build'));
    expect(builds).toHaveLength(1);
    expect((builds[0] as { env?: Record<string, string> }).env).toEqual({ PREVIEW: '1' });
  });

  it('main: the deployed build is not a preview', () => {
    const text = readFileSync(path.join(dir, 'deploy.yml'), 'utf8');
    expect(text).not.toMatch(/PREVIEW/);
  });

  it('main: builds under the repository path and deploys with the official Pages actions', () => {
    const w = workflows.get('deploy.yml')!;
    expect(w.on).toHaveProperty('push', { branches: ['main'] });
    expect(w.permissions).toEqual({ contents: 'read' });
    const uses = steps(w).flatMap((s) => (s.uses ? [s.uses.split('@')[0]] : []));
    expect(uses).toEqual(expect.arrayContaining(['actions/configure-pages', 'actions/upload-pages-artifact', 'actions/deploy-pages']));
    const build = steps(w).find((s) => s.run?.includes('npm run build'))!;
    expect(build.run).toContain('npm run build -- --pathprefix="${BASE_PATH:-/}"');
    expect((build as { env?: Record<string, string> }).env).toEqual({
      BASE_PATH: '${{ steps.pages.outputs.base_path }}',
      SITE_URL: '${{ steps.pages.outputs.origin }}',
    });
    expect(steps(w).find((s) => s.uses?.startsWith('actions/configure-pages@'))?.id).toBe('pages');
    expect(w.jobs['deploy']!.permissions).toEqual({ pages: 'write', 'id-token': 'write' });
  });
});
