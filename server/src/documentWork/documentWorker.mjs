// Worker threads start plain Node: register the TypeScript loader the server runs under, then load the tasks.
import { register } from 'tsx/esm/api';

register();
const work = await import('./documentWorker.ts');

export const { importDocx, exportDocx, exportHtml, exportSummaryDocx } = work;
