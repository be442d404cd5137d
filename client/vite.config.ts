import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { precompress } from './build/precompress.js';

const server = process.env.FELLESPLAN_DEV_SERVER ?? 'http://127.0.0.1:8080';

export default defineConfig({
  plugins: [react(), precompress()],
  build: {
    outDir: 'dist',
    // Maps stay in dist for operators reading a stack trace; no file points to them and the
    // server refuses to send any *.map (SPEC H4).
    sourcemap: 'hidden',
  },
  server: {
    proxy: {
      '/api': server,
      '/collab': { target: server.replace(/^http/, 'ws'), ws: true },
    },
  },
});
