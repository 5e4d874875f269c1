// django.contrib.auth's login()/logout() session handling (django-sessions.md §10) for the demo's users:
// cycle_key when nobody was logged in, flush when another user (or a stale hash) was, nothing for the same user.
import { hexEncode } from '../../core/util/bytes.ts';
import { digest, hmac } from '../../core/util/crypto.ts';
import type { SessionBase } from '../engine/session-base.ts';

export interface DemoUser { id: number; username: string; password: string; name: string }

/** Demo accounts, shown on the login page: this is a local playground, not a real login. */
export const DEMO_USERS: DemoUser[] = [
  { id: 1, username: 'alice', password: 'wonderland', name: 'Alice' },
  { id: 2, username: 'bob', password: 'builder', name: 'Bob' },
];

const BACKEND = 'django.contrib.auth.backends.ModelBackend';

export function authenticate(username: string, password: string): DemoUser | null {
  return DEMO_USERS.find((u) => u.username === username.trim().toLowerCase() && u.password === password) ?? null;
}

/** get_session_auth_hash: salted HMAC-SHA256 of the (stored, hashed) password field. */
export async function sessionAuthHash(user: DemoUser, secretKey: string): Promise<string> {
  const key = await digest('SHA-256', 'django.contrib.auth.models.AbstractBaseUser.get_session_auth_hash' + secretKey);
  return hexEncode(await hmac('SHA-256', key, `md5$demo$${user.username}`));
}

export async function login(session: SessionBase, user: DemoUser, secretKey: string): Promise<void> {
  const hash = await sessionAuthHash(user, secretKey);
  if (await session.has('_auth_user_id')) {
    if ((await session.get('_auth_user_id')) !== String(user.id) || (await session.get('_auth_user_hash', '')) !== hash) await session.flush();
  } else {
    await session.cycleKey();
  }
  await session.setItem('_auth_user_id', String(user.id));
  await session.setItem('_auth_user_backend', BACKEND);
  await session.setItem('_auth_user_hash', hash);
}

export async function logout(session: SessionBase): Promise<void> {
  await session.flush();
}

export async function currentUser(session: SessionBase): Promise<DemoUser | null> {
  const id = await session.get('_auth_user_id');
  return DEMO_USERS.find((u) => String(u.id) === id) ?? null;
}
