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
    rollupOptions: {
      output: {
        // Libraries change far less often than our code: as chunks of their own they stay cached
        // across deploys, and the browser fetches them in parallel.
        manualChunks(id) {
          // Stylesheets stay with whoever imports them: ProseMirror's CSS, imported by main.tsx,
          // would otherwise make the first page load the editor chunk.
          if (!id.includes('/node_modules/') || id.endsWith('.css')) return undefined;
          if (/\/node_modules\/(@tiptap|prosemirror-|linkifyjs|orderedmap|rope-sequence|w3c-keyname)/.test(id))
            return 'editor';
          if (/\/node_modules\/(yjs|lib0|y-protocols|@hocuspocus)\//.test(id)) return 'yjs';
          if (
            /\/node_modules\/(react|react-dom|scheduler|react-router|react-router-dom|use-sync-external-store)\//.test(
              id,
            )
          )
            return 'react';
          return undefined;
        },
      },
    },
  },
  server: {
    proxy: {
      '/api': server,
      '/collab': { target: server.replace(/^http/, 'ws'), ws: true },
    },
  },
});
