// django.contrib.auth login()/logout() as they touch the session (django-sessions.md §10). Users are the
// reference app's: created on demand with the fixed password field "!django-ref-fixed".
import { digest, hmac } from '../../core/util/crypto.ts';
import { hexEncode } from '../../core/util/bytes.ts';
import type { SessionBase } from '../engine/session-base.ts';
import { ServerError } from '../engine/errors.ts';
import { toNumber } from '../py/value.ts';
import { pythonInt } from './views.ts';

export const FIXED_PASSWORD = '!django-ref-fixed';
export const MODEL_BACKEND = 'django.contrib.auth.backends.ModelBackend';
const HASH_SALT = 'django.contrib.auth.models.AbstractBaseUser.get_session_auth_hash';

/** AbstractBaseUser.get_session_auth_hash: salted_hmac(key_salt, password, SECRET_KEY, sha256).hexdigest() */
export async function sessionAuthHash(secretKey: string, password = FIXED_PASSWORD): Promise<string> {
  const key = await digest('SHA-256', HASH_SALT + secretKey);
  return hexEncode(await hmac('SHA-256', key, password));
}

/** login(request, user): flush for another user or a stale hash, cycle_key when nobody was logged in. */
export async function loginUser(session: SessionBase, secretKey: string, userId: number, backend = MODEL_BACKEND, password = FIXED_PASSWORD): Promise<void> {
  const hash = await sessionAuthHash(secretKey, password);
  if (await session.has('_auth_user_id')) {
    // AutoField.to_python: int(value); None stays None (a different user); anything int() refuses is a 500
    const stored = await session.getItem('_auth_user_id');
    const storedId = stored === null ? null : typeof stored === 'string' ? pythonInt(stored) : toNumber(stored);
    if (stored !== null && (storedId === null || !Number.isFinite(storedId))) throw new ServerError(`ValidationError: '${String(stored)}' value must be an integer.`);
    const storedHash = await session.get('_auth_user_hash', '');
    if (storedId === null || Math.trunc(storedId) !== userId || String(storedHash) !== hash) await session.flush();
  } else {
    await session.cycleKey();
  }
  // str(pk) is a new object even for one digit (not the shared one-character string), as pickles show
  await session.setItem('_auth_user_id', String(userId), { freshValue: true });
  await session.setItem('_auth_user_backend', backend);
  await session.setItem('_auth_user_hash', hash);
}

/** logout(request): flush the session. */
export async function logoutUser(session: SessionBase): Promise<void> {
  await session.flush();
}
