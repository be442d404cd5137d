import type { RedisOptions } from 'ioredis';

/**
 * Every Redis client of an instance: reconnect for ever, quickly at first and at most every two
 * seconds, so an instance finds Redis again soon after it returns; commands never wait for a
 * connection longer than it takes to notice it is gone.
 */
export const redisClientOptions: RedisOptions = {
  connectTimeout: 2000,
  maxRetriesPerRequest: null,
  retryStrategy: (attempt) => Math.min(50 * 2 ** attempt, 2000),
};

/** `REDIS_URL` as the server accepts it: redis:// or rediss://, nothing else. */
export function redisUrlFromEnv(value: string | undefined): string | null {
  if (value === undefined || value.trim() === '') return null;
  if (!/^rediss?:\/\//.test(value.trim())) throw new Error('REDIS_URL must be a redis:// or rediss:// URL');
  return value.trim();
}

/** `REDIS_PREFIX`: what keys and channels start with, so deployments can share one Redis. */
export function redisPrefixFromEnv(value: string | undefined): string {
  const prefix = value?.trim() || 'fellesplan';
  if (!/^[A-Za-z0-9_.:-]{1,64}$/.test(prefix)) throw new Error('REDIS_PREFIX may hold letters, digits and _.:- only');
  return prefix;
}
