// Worker threads start plain Node: register the TypeScript loader the server runs under, then load the tasks.
import { register } from 'tsx/esm/api';

register();
const work = await import('./sqliteWriter.worker.ts');

export const { append, compact, ready, release } = work;
