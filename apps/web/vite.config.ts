import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The dashboard: pages are lazy chunks; the server (apps/server) serves `dist/` and answers /trpc and /api. */
export default defineConfig({
  plugins: [react()],
  server: {
    proxy: {
      '/trpc': 'http://localhost:3000',
      '/api': 'http://localhost:3000',
    },
  },
  build: {
    chunkSizeWarningLimit: 1200,
    reportCompressedSize: true,
  },
});
