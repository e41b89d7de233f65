import { ConfigValidationError, loadConfig } from './app-config.js';
import { parseInterval } from './interval.js';

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
    [
      'MONITORING_INTERVAL',
      'daily',
      /MONITORING_INTERVAL="daily": must be a whole number and a unit .*e\.g\. 30m, 24h/,
    ],
    ['MONITORING_INTERVAL', '1.5h', /MONITORING_INTERVAL="1.5h": must be a whole number and a unit/],
    ['MONITORING_INTERVAL', '30s', /MONITORING_INTERVAL="30s": must be between 5m and 365d/],
    ['MONITORING_INTERVAL', '400d', /MONITORING_INTERVAL="400d": must be between 5m and 365d/],
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

describe('MONITORING_INTERVAL', () => {
  it('defaults to a daily re-check', () => {
    expect(loadConfig({}).MONITORING_INTERVAL).toBe('24h');
  });

  it.each([
    ['5m', 300_000],
    ['6h', 21_600_000],
    ['24h', 86_400_000],
    ['7d', 604_800_000],
  ])('accepts %s (%d ms)', (value, ms) => {
    expect(loadConfig({ MONITORING_INTERVAL: value }).MONITORING_INTERVAL).toBe(value);
    expect(parseInterval(value)).toBe(ms);
  });

  it.each(['', '0h', '24', 'h', '-1d', '1w', 'P1D'])('parseInterval refuses %j', (value) => {
    expect(parseInterval(value)).toBeNull();
  });
});
