import { ConfigError, loadConfig, loadConfigOrExit } from './index';

describe('loadConfig', () => {
  it('gives the documented defaults on an empty environment', () => {
    const cfg = loadConfig({});
    expect(cfg.DATABASE_URL).toBe('postgres://postgres@127.0.0.1:5432/cakap');
    expect(cfg.REDIS_URL).toBe('redis://127.0.0.1:6379');
    expect(cfg.PORT).toBe(3000);
    expect(cfg.CAKAP_DATA_DIR).toBe('./data');
    expect(cfg.JWT_SECRET.length).toBeGreaterThanOrEqual(32);
    expect(cfg.CAKAP_PLUGINS).toEqual(['@cakap/plugin-content', '@cakap/plugin-questions', '@cakap/plugin-certificates', '@cakap/plugin-mail']);
    expect(cfg.SMTP_URL).toBeUndefined();
    expect(cfg.MAIL_FROM).toBe('Cakap <no-reply@localhost>');
    expect([cfg.FILE_MAX_IMAGE_BYTES, cfg.FILE_MAX_DOCUMENT_BYTES, cfg.FILE_MAX_VIDEO_BYTES]).toEqual([5, 50, 500].map((mb) => mb * 1024 * 1024));
    expect(cfg.FILE_URL_TTL_SEC).toBe(3600);
  });

  it('names every malformed variable', () => {
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'not a url' });
      throw new Error('should have failed');
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      const msg = (e as Error).message;
      expect(msg).toContain('PORT');
      expect(msg).toContain('DATABASE_URL');
      expect(msg).toContain('"eighty"');
    }
  });

  it('refuses to run in production without a JWT secret and never prints a secret', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET/);
    let message = '';
    try {
      loadConfig({ JWT_SECRET: 'short-secret' });
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toContain('JWT_SECRET');
    expect(message).not.toContain('short-secret');
  });

  it('requires the signing-key secret in production too, with a development default otherwise', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32) })).toThrow(/CAKAP_KEY_SECRET/);
    expect(loadConfig({}).CAKAP_KEY_SECRET.length).toBeGreaterThanOrEqual(32);
  });

  it('takes an smtp:// or smtps:// SMTP_URL and never prints one it refuses (it may hold a password)', () => {
    expect(loadConfig({ SMTP_URL: 'smtps://mailer:s3cret@mail.example.go.id:465' }).SMTP_URL).toBe('smtps://mailer:s3cret@mail.example.go.id:465');
    expect(loadConfig({ SMTP_URL: 'smtp://127.0.0.1:1025' }).SMTP_URL).toBe('smtp://127.0.0.1:1025');
    let message = '';
    try {
      loadConfig({ SMTP_URL: 'http://mailer:s3cret@mail.example.go.id' });
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toContain('SMTP_URL');
    expect(message).not.toContain('s3cret');
  });

  it('parses lists and booleans', () => {
    const cfg = loadConfig({ CORS_ORIGINS: 'https://a.example, https://b.example', LOG_PRETTY: 'true' });
    expect(cfg.CORS_ORIGINS).toEqual(['https://a.example', 'https://b.example']);
    expect(cfg.LOG_PRETTY).toBe(true);
  });
});

describe('loadConfigOrExit', () => {
  it('stops the process with EX_CONFIG and a message naming the variable', () => {
    const exit = jest.spyOn(process, 'exit').mockImplementation((() => {
      throw new Error('exited');
    }) as never);
    const error = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(() => loadConfigOrExit({ REDIS_URL: 'nope' })).toThrow('exited');
    expect(exit).toHaveBeenCalledWith(78);
    expect(error.mock.calls[0][0]).toMatch(/REDIS_URL/);
    exit.mockRestore();
    error.mockRestore();
  });
});
