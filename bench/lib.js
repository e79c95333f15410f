'use strict';
/** What the benchmarks share: flags, fixture NIPs, and tearing down what a run made. */

/** `--name value` from the command line as a number, or the fallback. */
function arg(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

/** The i-th of many distinct, valid PNS NIPs (DOMAIN.md rules), deterministic per index. */
function benchNip(i) {
  const year = 1965 + (i % 30);
  const month = 1 + (Math.floor(i / 30) % 12);
  const day = 1 + (Math.floor(i / 360) % 28);
  const serial = 1 + Math.floor(i / 10080);
  const appointment = `${year + 22 + (i % 8)}${String(1 + (i % 12)).padStart(2, '0')}`;
  return `${year}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}${appointment}${1 + (i % 2)}${String(serial).padStart(3, '0')}`;
}

/**
 * Stops the spawned app (SIGTERM, as an orchestrator would), removes the run's Redis keys,
 * and drops its database.
 */
async function teardown({ child, redis, prefix, pg, db }) {
  if (child && child.exitCode === null) {
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
  }
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
    if (keys.length) await redis.del(...keys);
    cursor = next;
  } while (cursor !== '0');
  redis.disconnect();
  await pg?.end().catch(() => undefined);
  await db.drop();
}

module.exports = { arg, benchNip, teardown };
