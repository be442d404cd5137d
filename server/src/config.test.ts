import { describe, expect, it } from 'vitest';
import { configFromEnv, describeStorage } from './config.js';

describe('TRUST_PROXY', () => {
  it('[S4] names hops or proxy addresses; anything else stops the start with a clear message', () => {
    expect(configFromEnv({}).trustProxy).toBe(false);
    expect(configFromEnv({ TRUST_PROXY: '0' }).trustProxy).toBe(false);
    expect(configFromEnv({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(configFromEnv({ TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(configFromEnv({ TRUST_PROXY: '10.0.0.5, 192.168.0.0/16,::1,fd00::/8,loopback' }).trustProxy).toEqual([
      '10.0.0.5',
      '192.168.0.0/16',
      '::1',
      'fd00::/8',
      'loopback',
    ]);
    // `true` used to mean "believe any X-Forwarded-For", which let a client pick its address.
    for (const bad of ['true', 'yes', '10.0.0.300', '10.0.0.0/33', 'proxy.lan', '1.5']) {
      expect(() => configFromEnv({ TRUST_PROXY: bad }), bad).toThrow(/TRUST_PROXY must be a number of proxy hops/);
    }
  });

  it('[S4] the login limit per address is configurable and must be a positive number', () => {
    expect(configFromEnv({}).loginAttemptsPerAddressPerMinute).toBe(60);
    expect(configFromEnv({ LOGIN_ATTEMPTS_PER_ADDRESS_PER_MINUTE: '200' }).loginAttemptsPerAddressPerMinute).toBe(200);
    expect(() => configFromEnv({ LOGIN_ATTEMPTS_PER_ADDRESS_PER_MINUTE: 'many' })).toThrow(
      /LOGIN_ATTEMPTS_PER_ADDRESS_PER_MINUTE/,
    );
  });
});

describe('DATABASE_URL', () => {
  it('unset or empty keeps SQLite in DATA_DIR; postgres:// selects PostgreSQL; anything else stops the start', () => {
    expect(configFromEnv({}).databaseUrl).toBeNull();
    expect(configFromEnv({ DATABASE_URL: ' ' }).databaseUrl).toBeNull();
    for (const url of ['postgres://fp:hemmelig@db:5432/fellesplan', 'postgresql://db/fellesplan']) {
      expect(configFromEnv({ DATABASE_URL: url }).databaseUrl).toBe(url);
    }
    for (const bad of ['mysql://fp:hemmelig@db/fellesplan', 'fellesplan.sqlite']) {
      expect(() => configFromEnv({ DATABASE_URL: bad })).toThrow(/^DATABASE_URL must be a postgres:\/\/ URL/);
      // The message never repeats the URL: it may carry a password into a log.
      expect(() => configFromEnv({ DATABASE_URL: bad })).not.toThrow(/hemmelig/);
    }
  });

  it('the start banner names the database without its password', () => {
    const config = configFromEnv({
      DATABASE_URL: 'postgres://fp:hemmelig@db.example.no:5433/fellesplan',
      DATA_DIR: '/srv/fp',
    });
    expect(describeStorage(config)).toBe('PostgreSQL db.example.no:5433/fellesplan');
    expect(describeStorage(configFromEnv({ DATA_DIR: '/srv/fp' }))).toBe('/srv/fp');
  });
});

describe('administration settings', () => {
  it('[ADM7] LOCAL_PASSWORDS is on unless 0; PUBLIC_URL gives links their origin; SMTP_URL must be smtp(s)', () => {
    expect(configFromEnv({}).localPasswords).toBe(true);
    expect(configFromEnv({ LOCAL_PASSWORDS: '0' }).localPasswords).toBe(false);
    expect(configFromEnv({ LOCAL_PASSWORDS: '1' }).localPasswords).toBe(true);
    expect(() => configFromEnv({ LOCAL_PASSWORDS: 'kanskje' })).toThrow(/LOCAL_PASSWORDS/);

    expect(configFromEnv({}).publicUrl).toBeNull();
    expect(configFromEnv({ PUBLIC_URL: 'https://plan.example.no/' }).publicUrl).toBe('https://plan.example.no');
    expect(configFromEnv({ PUBLIC_URL: 'https://example.no/fellesplan/' }).publicUrl).toBe(
      'https://example.no/fellesplan',
    );

    expect(configFromEnv({}).smtpUrl).toBeNull();
    expect(configFromEnv({ SMTP_URL: 'smtps://fp:hemmelig@smtp.example.no:465' }).smtpUrl).toBe(
      'smtps://fp:hemmelig@smtp.example.no:465',
    );
    expect(() => configFromEnv({ SMTP_URL: 'http://fp:hemmelig@smtp.example.no' })).toThrow(/^SMTP_URL must be/);
    expect(() => configFromEnv({ SMTP_URL: 'http://fp:hemmelig@smtp.example.no' })).not.toThrow(/hemmelig/);
    expect(configFromEnv({ PUBLIC_URL: 'https://plan.example.no' }).mailFrom).toBe(
      'Fellesplan <fellesplan@plan.example.no>',
    );
    expect(configFromEnv({ SMTP_FROM: 'Sekretariatet <post@innlandet.no>' }).mailFrom).toBe(
      'Sekretariatet <post@innlandet.no>',
    );
  });
});

describe('METRICS_TOKEN', () => {
  it('unset keeps /metrics to loopback; a token too short to resist guessing stops the start', () => {
    expect(configFromEnv({}).metricsToken).toBeNull();
    expect(configFromEnv({ METRICS_TOKEN: '' }).metricsToken).toBeNull();
    expect(configFromEnv({ METRICS_TOKEN: ' 0123456789abcdef ' }).metricsToken).toBe('0123456789abcdef');
    for (const bad of ['kort', '0123456789 abcdef']) {
      expect(() => configFromEnv({ METRICS_TOKEN: bad }), bad).toThrow(/^METRICS_TOKEN must be at least 16 characters/);
    }
  });
});
