"""Peer side of decodeVsDjangoRatio, run with Debian's /usr/bin/python3 (python3-django).

  django-signing.py generate N OUT.json   N signed_cookies-backend session cookies made by Django itself
  django-signing.py loads IN.json RUNS    times signing.loads over all of them RUNS times; prints JSON
"""
import json
import random
import sys
import time

from django.conf import settings

SECRET_KEY = 'django-insecure-bench-0123456789abcdefghijklmnopqrstuvwxyz-ABCDEFG'
SALT = 'django.contrib.sessions.backends.signed_cookies'
settings.configure(SECRET_KEY=SECRET_KEY, USE_TZ=True)

from django.core import signing  # noqa: E402  (needs settings first)


def payload(rng):
    data = {'_auth_user_id': str(rng.randint(1, 10**6)), '_auth_user_backend': 'django.contrib.auth.backends.ModelBackend',
            '_auth_user_hash': '%064x' % rng.getrandbits(256)}
    for i in range(rng.randint(0, 12)):
        data['k%d' % i] = rng.choice([rng.randint(0, 10**9), 'v' * rng.randint(0, 80), [1, 2, 3], {'nested': True}, None])
    return data


def generate(n, out):
    rng = random.Random(6)
    cookies = [signing.dumps(payload(rng), key=SECRET_KEY, salt=SALT, compress=bool(i % 2),
                             serializer=signing.JSONSerializer) for i in range(n)]
    with open(out, 'w') as f:
        json.dump({'secret': SECRET_KEY, 'salt': SALT, 'cookies': cookies}, f)


def loads(path, runs):
    with open(path) as f:
        cookies = json.load(f)['cookies']
    times, cpu = [], []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        for c in cookies:
            signing.loads(c, key=SECRET_KEY, salt=SALT, serializer=signing.JSONSerializer)
        times.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    print(json.dumps({'count': len(cookies), 'seconds': times, 'cpu_seconds': cpu,
                      'django': '.'.join(map(str, __import__('django').VERSION[:3]))}))


if __name__ == '__main__':
    if sys.argv[1] == 'generate':
        generate(int(sys.argv[2]), sys.argv[3])
    else:
        loads(sys.argv[2], int(sys.argv[3]))
