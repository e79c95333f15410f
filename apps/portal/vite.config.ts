/// <reference types="vitest/config" />
import { defineConfig, defaultClientConditions } from 'vite';
import react from '@vitejs/plugin-react';
import { cakapPlugins } from './vite/cakap-plugins.ts';

// The api the dev and preview servers forward /api and /health to.
const apiUrl = process.env.API_URL || 'http://127.0.0.1:3000';
const proxy = {
  '/api': { target: apiUrl, changeOrigin: false },
  '/health': { target: apiUrl, changeOrigin: false },
  // The public signing keys the verification page links to live at the api's root.
  '/.well-known': { target: apiUrl, changeOrigin: false },
};
const port = Number(process.env.PORTAL_PORT || 5173);

export default defineConfig({
  plugins: [cakapPlugins({ root: import.meta.dirname }), react()],
  resolve: {
    // Workspace packages (@cakap/contracts) export their TypeScript source under "source".
    conditions: ['source', ...defaultClientConditions],
    // Plugin packages (virtual:cakap-plugins) bring their own React components: one React.
    dedupe: ['react', 'react-dom', 'react-i18next', 'i18next', '@mantine/core', '@mantine/hooks'],
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
    include: ['src/**/*.test.{ts,tsx}', 'vite/**/*.test.ts'],
    restoreMocks: true,
  },
});
