import pino from 'pino';
import { startServer } from './app.js';
import { configFromEnv, describeStorage } from './config.js';
import { DEMO_PARTIES, DEMO_PASSWORD } from './demo/demoPlan.js';
import { seedDemoIfEmpty } from './demo/seedDemo.js';
import { prepareFirstStart, setupLine } from './setup/firstStart.js';

const config = configFromEnv(process.env);
// People starting the server in a terminal get readable lines; services and CI get JSON.
const logger = process.stdout.isTTY
  ? pino({
      level: config.logLevel,
      transport: { target: 'pino-pretty', options: { translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname' } },
    })
  : pino({ level: config.logLevel });

const setup: { token: string | null } = { token: null };
const server = await startServer({
  ...config,
  logger,
  afterContext: async (context) => {
    if (config.demo) await seedDemoIfEmpty(context);
    // Only on the console below, never through the logger: logs are collected and kept.
    else setup.token = await prepareFirstStart(context.db);
  },
});

const lines = ['', `Fellesplan kjører på ${server.url}`, `Data: ${describeStorage(config)}`];
if (config.demo) {
  lines.push('', `Demo-innlogginger (passord «${DEMO_PASSWORD}»):`);
  for (const party of DEMO_PARTIES) lines.push(`  ${party.email.padEnd(22)} ${party.name}`);
}
if (setup.token) lines.push('', setupLine(config.publicUrl ?? server.url, setup.token));
lines.push('');
process.stdout.write(`${lines.join('\n')}\n`);

let stopping = false;
async function stop(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'shutting down');
  await server.close();
  process.exit(0);
}
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
