import WebSocket from 'ws';
import { round } from './proc.js';

/** What a server process holds once a full garbage collection has run. */
export interface RetainedMemory {
  heapUsedMb: number | null;
  rssMb: number | null;
}

/**
 * A server's retained memory: a full garbage collection through the inspector, then its own
 * `process.memoryUsage()`. Heap read without one counts garbage V8 has not collected yet, which
 * under churn is most of the growth (issue 14). The inspector is opened (SIGUSR1) only to measure,
 * on the port the process was started with (`--inspect-port`); until then nothing of it runs.
 */
export async function memoryAfterGc(pid: number, inspectPort: number): Promise<RetainedMemory> {
  process.kill(pid, 'SIGUSR1');
  const url = await debuggerUrl(inspectPort);
  const socket = new WebSocket(url);
  await new Promise((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('error', reject);
  });
  try {
    let id = 0;
    const call = (method: string, params: object = {}) =>
      new Promise<unknown>((resolve) => {
        const sent = ++id;
        const onMessage = (raw: WebSocket.RawData) => {
          const message = JSON.parse(raw.toString()) as { id?: number; result?: unknown };
          if (message.id !== sent) return;
          socket.off('message', onMessage);
          resolve(message.result);
        };
        socket.on('message', onMessage);
        socket.send(JSON.stringify({ id: sent, method, params }));
      });
    // Twice: objects freed by the first collection's finalizers go in the second.
    await call('HeapProfiler.collectGarbage');
    await call('HeapProfiler.collectGarbage');
    const result = (await call('Runtime.evaluate', {
      expression: 'JSON.stringify(process.memoryUsage())',
      returnByValue: true,
    })) as { result: { value: string } };
    const usage = JSON.parse(result.result.value) as { heapUsed: number; rss: number };
    return { heapUsedMb: round(usage.heapUsed / 1024 ** 2, 1), rssMb: round(usage.rss / 1024 ** 2, 1) };
  } finally {
    socket.close();
  }
}

async function debuggerUrl(port: number): Promise<string> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    try {
      const targets = (await (await fetch(`http://127.0.0.1:${port}/json/list`)).json()) as {
        webSocketDebuggerUrl?: string;
      }[];
      const url = targets[0]?.webSocketDebuggerUrl;
      if (url) return url;
    } catch {
      // Not listening yet: the signal is handled on the process's own time.
    }
    if (Date.now() > deadline) throw new Error(`no inspector on port ${port}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
