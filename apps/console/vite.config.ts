import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The console is served by the Fastify server in production (apps/console/dist); in development
// Vite proxies the API and Socket.IO to a server on :3000.
export default defineConfig({
  plugins: [react()],
  // @amk/domain reads and writes CSV with csv-parse and csv-stringify; their Node builds use
  // Node's Buffer, so the browser gets the builds the libraries publish for it.
  resolve: {
    alias: {
      'csv-parse/sync': 'csv-parse/browser/esm/sync',
      'csv-stringify/sync': 'csv-stringify/browser/esm/sync',
    },
  },
  build: { outDir: 'dist', sourcemap: false, chunkSizeWarningLimit: 2000 },
  server: {
    proxy: {
      '/api': 'http://127.0.0.1:3000',
      '/socket.io': { target: 'http://127.0.0.1:3000', ws: true },
    },
  },
});
