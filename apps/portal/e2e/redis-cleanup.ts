import net from 'node:net';

function command(args: string[]): string {
  return `*${args.length}\r\n${args.map((a) => `$${Buffer.byteLength(a)}\r\n${a}\r\n`).join('')}`;
}

/**
 * Deletes the keys of one test run's queue prefix (BullMQ queues, throttling counters) with a
 * single Lua call over a raw connection, so the portal needs no Redis client. Best effort.
 */
export async function deleteRedisPrefix(redisUrl: string, prefix: string): Promise<void> {
  if (!/^cakap-e2e-[a-z0-9-]+$/.test(prefix)) throw new Error(`refusing to delete keys of prefix "${prefix}"`);
  const url = new URL(redisUrl);
  const script =
    "local n = 0 local cursor = '0' repeat local r = redis.call('SCAN', cursor, 'MATCH', ARGV[1], 'COUNT', 1000) " +
    "cursor = r[1] for _, k in ipairs(r[2]) do redis.call('DEL', k) n = n + 1 end until cursor == '0' return n";
  const parts: string[] = [];
  if (url.password) parts.push(command(url.username ? ['AUTH', decodeURIComponent(url.username), decodeURIComponent(url.password)] : ['AUTH', decodeURIComponent(url.password)]));
  const db = url.pathname.slice(1);
  if (db) parts.push(command(['SELECT', db]));
  parts.push(command(['EVAL', script, '0', `${prefix}:*`]));
  parts.push(command(['QUIT']));
  await new Promise<void>((resolve) => {
    const socket = net.connect(Number(url.port || 6379), url.hostname || '127.0.0.1');
    socket.setTimeout(5000, () => socket.destroy());
    socket.on('connect', () => socket.write(parts.join('')));
    socket.on('data', () => undefined);
    socket.on('error', () => resolve());
    socket.on('close', () => resolve());
  });
}
