/// <reference types="vitest/config" />
import { defineConfig, defaultClientConditions } from 'vite';
import react from '@vitejs/plugin-react';

// The api the dev and preview servers forward /api and /health to.
const apiUrl = process.env.API_URL || 'http://127.0.0.1:3000';
const proxy = {
  '/api': { target: apiUrl, changeOrigin: false },
  '/health': { target: apiUrl, changeOrigin: false },
};
const port = Number(process.env.PORTAL_PORT || 5173);

export default defineConfig({
  plugins: [react()],
  resolve: {
    // Workspace packages (@cakap/contracts) export their TypeScript source under "source".
    conditions: ['source', ...defaultClientConditions],
  },
  server: { port, proxy },
  preview: { port, proxy },
  build: {
    target: 'es2022',
    sourcemap: true,
    chunkSizeWarningLimit: 700,
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    restoreMocks: true,
  },
});
