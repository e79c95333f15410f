import 'reflect-metadata';
import { loadConfigOrExit } from '@cakap/config';
import { PluginError } from '@cakap/plugin-sdk/host';
import { createApp } from './app.factory';

async function main() {
  const cfg = loadConfigOrExit();
  const app = await createApp(cfg);
  await app.listen(cfg.PORT, cfg.HOST);
  console.log(`Cakap api listening on http://${cfg.HOST}:${cfg.PORT} (docs at /api/docs)`);
}

main().catch((e) => {
  // A plugin the core refuses (CAKAP_PLUGINS) is a configuration error: its message says what to do.
  if (e instanceof PluginError) {
    console.error(`Cannot start: ${e.message}`);
    process.exit(78); // EX_CONFIG
  }
  console.error(e);
  process.exit(1);
});
