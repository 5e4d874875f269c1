import { describe, expect, it } from 'vitest';
import { isLoopbackName, splitHost } from './loopback.ts';

const hostOf = (header: string): boolean => {
  const h = splitHost(header);
  return h !== null && isLoopbackName(h.name);
};

describe('loopback Host names', () => {
  it.each(['localhost', 'localhost:8000', 'LOCALHOST', 'db.localhost:8000', 'a.b.localhost', 'localhost.', '127.0.0.1',
    '127.0.0.1:65535', '127.255.3.4:80', '[::1]', '[::1]:8000'])('accepts %s', (h) => expect(hostOf(h)).toBe(true));

  it.each(['evil.example', 'evil.example:8000', 'localhost.evil.example', 'evillocalhost', '128.0.0.1', '127.0.0.256',
    '127.1', '0.0.0.0', '[::2]', '192.168.1.10', '127.0.0.1.nip.io', '', 'local host', 'localhost:abc', '.localhost',
    'a..localhost', '[::1', '127.0.0.01'])('refuses %s', (h) => expect(hostOf(h)).toBe(false));
});
