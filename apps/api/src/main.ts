import 'reflect-metadata';
import { loadConfigOrExit } from '@cakap/config';
import { createApp } from './app.factory';

async function main() {
  const cfg = loadConfigOrExit();
  const app = await createApp(cfg);
  await app.listen(cfg.PORT, cfg.HOST);
  console.log(`Cakap api listening on http://${cfg.HOST}:${cfg.PORT} (docs at /api/docs)`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
