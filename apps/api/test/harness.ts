import { loadConfig, type AppConfig } from '@cakap/config';
import type { Role } from '@cakap/contracts';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createApp } from '../src/app.factory';
import { hashPassword } from '../src/auth/password';

/**
 * Boots the real api (real Postgres database of this run, real Redis) for supertest.
 * Each call gets its own Redis key namespace unless told otherwise, so throttling
 * counters of one suite never leak into another.
 */
export async function startApi(env: Record<string, string> = {}) {
  const cfg: AppConfig = loadConfig({
    ...process.env,
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    QUEUE_PREFIX: `${process.env.QUEUE_PREFIX}-${randomBytes(3).toString('hex')}`,
    ...env,
  });
  const app: NestExpressApplication = await createApp(cfg);
  await app.init();
  const ds = app.get(DataSource);
  return {
    app,
    cfg,
    ds,
    http: () => request(app.getHttpServer()),
    close: () => app.close(),
  };
}
export type Api = Awaited<ReturnType<typeof startApi>>;

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const rnd = (min: number, max: number) => min + Math.floor(Math.random() * (max - min + 1));
/** A valid PNS NIP for fixtures; random, because test files share one database. */
export function nextNip(): string {
  const by = rnd(1965, 1995);
  return `${by}${pad(rnd(1, 12))}${pad(rnd(1, 28))}${by + rnd(20, 28)}${pad(rnd(1, 12))}${rnd(1, 2)}${pad(rnd(1, 999), 3)}`;
}

export async function createUnit(ds: DataSource, code = `U${randomBytes(3).toString('hex')}`, parentId: string | null = null) {
  const [row] = await ds.query(`INSERT INTO org_units (code, name, parent_id) VALUES ($1, $2, $3) RETURNING id`, [
    code,
    `Unit ${code}`,
    parentId,
  ]);
  return row.id as string;
}

export interface Person {
  id: string;
  nip: string;
  password: string;
  token: string;
  refreshToken: string;
}

/** Creates a user with a password and logs them in. */
export async function createPerson(api: Api, roles: Role[], unitId?: string, name = 'Peserta Uji'): Promise<Person> {
  const nip = nextNip();
  const password = 'rahasia123';
  const orgUnitId = unitId ?? (await createUnit(api.ds));
  const [row] = await api.ds.query(
    `INSERT INTO users (nip, name, org_unit_id, roles, password_hash) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [nip, name, orgUnitId, roles, await hashPassword(password)],
  );
  const res = await api.http().post('/api/v1/auth/login').send({ nip, password }).expect(200);
  return { id: row.id, nip, password, token: res.body.accessToken, refreshToken: res.body.refreshToken };
}

export const bearer = (p: Person) => ({ Authorization: `Bearer ${p.token}` });
