export { startServer, type FellesplanServer, type StartOptions } from './app.js';
export { configFromEnv, type ServerConfig } from './config.js';
