import { ConfigValidationError, loadConfig } from './app-config.js';

describe('loadConfig', () => {
  it('applies defaults when nothing is set', () => {
    const sut = loadConfig({});
    expect(sut).toMatchObject({
      PORT: 3000,
      TEMPORAL_NAMESPACE: 'default',
      DATA_DIR: './.data',
      LOG_LEVEL: 'log',
    });
    expect(sut.DATABASE_URL).toBeUndefined();
  });

  it.each([
    ['PORT', 'abc', /PORT="abc": .*must be an integer port number/],
    ['DATABASE_URL', 'mysql://x', /DATABASE_URL=\(hidden\): must be a postgres/],
    ['TEMPORAL_ADDRESS', 'localhost', /TEMPORAL_ADDRESS="localhost": must be host:port/],
    ['LOG_LEVEL', 'loud', /LOG_LEVEL="loud": must be one of/],
    ['BOOTSTRAP_ADMIN_TOKEN', 'short', /BOOTSTRAP_ADMIN_TOKEN=\(hidden\): must be at least 24/],
  ])('refuses a bad %s and names it', (name, value, message) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigValidationError);
    expect(() => loadConfig({ [name]: value })).toThrow(message);
  });

  it('never shows secrets when serialised', () => {
    const sut = loadConfig({
      DATABASE_URL: 'postgres://u:secret@h/db',
      BOOTSTRAP_ADMIN_TOKEN: 'x'.repeat(30),
    });
    expect(JSON.stringify(sut)).not.toContain('secret');
    expect(JSON.stringify(sut)).not.toContain('x'.repeat(30));
  });
});
