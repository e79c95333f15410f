import { loadConfig } from '@cakap/config';
import jwt from 'jsonwebtoken';
import { TokenService } from './token.service';

describe('TokenService', () => {
  const tokens = new TokenService(loadConfig({ JWT_SECRET: 'x'.repeat(40), ACCESS_TOKEN_TTL_SEC: '120' }));

  it('signs access tokens that carry user, roles and session, and expire', () => {
    const token = tokens.signAccess('u1', ['learner', 'author'], 's1');
    expect(tokens.verifyAccess(token)).toMatchObject({ sub: 'u1', roles: ['learner', 'author'], sid: 's1' });
    const { exp, iat } = jwt.decode(token) as { exp: number; iat: number };
    expect(exp - iat).toBe(120);
  });

  it('refuses tokens signed with another secret, another algorithm, expired or for another audience', () => {
    const claims = { sub: 'u1', roles: ['admin'], sid: 's1' };
    expect(tokens.verifyAccess(jwt.sign(claims, 'y'.repeat(40), { issuer: 'cakap', audience: 'cakap-api' }))).toBeNull();
    expect(tokens.verifyAccess(jwt.sign(claims, 'x'.repeat(40), { issuer: 'cakap', audience: 'other' }))).toBeNull();
    expect(
      tokens.verifyAccess(jwt.sign(claims, 'x'.repeat(40), { issuer: 'cakap', audience: 'cakap-api', expiresIn: -1 })),
    ).toBeNull();
    const none = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.`;
    expect(tokens.verifyAccess(none)).toBeNull();
    expect(tokens.verifyAccess('not.a.token')).toBeNull();
  });

  it('makes refresh tokens that are random and stored only as their hash', () => {
    const a = tokens.newRefreshToken();
    const b = tokens.newRefreshToken();
    expect(a.token).not.toBe(b.token);
    expect(a.token.length).toBeGreaterThanOrEqual(43);
    expect(a.hash).toBe(TokenService.hash(a.token));
    expect(a.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(a.expiresAt.getTime()).toBeGreaterThan(Date.now() + 29 * 86_400_000);
  });
});
