import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The console is served by the Fastify server in production (apps/console/dist); in development
// Vite proxies the API and Socket.IO to a server on :3000.
export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist', sourcemap: false, chunkSizeWarningLimit: 2000 },
  server: {
    proxy: {
      '/api': 'http://127.0.0.1:3000',
      '/socket.io': { target: 'http://127.0.0.1:3000', ws: true },
    },
  },
});
