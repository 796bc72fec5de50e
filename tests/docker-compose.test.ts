import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

// No Docker engine runs here: check the wiring users rely on instead of running it.
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
    expect(fs.existsSync('Dockerfile')).toBe(true);
    const url = new URL(app.environment.DATABASE_URL);
    expect(url.hostname).toBe('db');
    expect(url.username).toBe(db.environment.POSTGRES_USER);
    expect(url.password).toBe(db.environment.POSTGRES_PASSWORD);
    expect(url.pathname).toBe(`/${db.environment.POSTGRES_DB}`);
    expect(app.depends_on.db.condition).toBe('service_healthy');
    expect(app.ports).toContain(`${app.environment.PORT}:${app.environment.PORT}`);
    expect(app.healthcheck.test.join(' ')).toContain('/healthz');
  });

  it('has a Dockerfile that starts the same entry point as npm start', () => {
    const dockerfile = fs.readFileSync('Dockerfile', 'utf8');
    const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8'));
    expect(pkg.scripts.start).toContain('src/server/main.ts');
    expect(dockerfile).toContain('src/server/main.ts');
    expect(dockerfile).toMatch(/npm ci/);
    expect(dockerfile).toContain('prisma generate');
  });
});
