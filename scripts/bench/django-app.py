"""The project's own minimal Django app for companionVsDjangoRatio: real django.contrib.sessions with the
chosen engine behind SessionMiddleware, served by gunicorn (Debian python3-gunicorn), one process like the
companion. It answers the companion playground's read-modify-write endpoint with the same shape:

  POST /session/set  {"key": value, ...}  -> loads the session, sets the keys, saves, returns
                                             {"session_key", "items", "is_empty", "accessed", "modified"}

usage: /usr/bin/python3 django-app.py ENGINE PORT DATA_DIR [THREADS]
"""
import json
import os
import sys

from django.conf import settings

ENGINE, PORT, DATA_DIR = sys.argv[1], int(sys.argv[2]), sys.argv[3]
THREADS = int(sys.argv[4]) if len(sys.argv) > 4 else 1
ENGINES = {'db': 'db', 'file': 'file', 'cache': 'cache', 'cached_db': 'cached_db', 'signed_cookies': 'signed_cookies'}

settings.configure(
    DEBUG=False,
    SECRET_KEY='django-insecure-bench-0123456789abcdefghijklmnopqrstuvwxyz-ABCDEFG',
    ALLOWED_HOSTS=['127.0.0.1', 'localhost'],
    ROOT_URLCONF=__name__,
    INSTALLED_APPS=['django.contrib.sessions'],
    MIDDLEWARE=['django.contrib.sessions.middleware.SessionMiddleware'],
    DATABASES={'default': {'ENGINE': 'django.db.backends.sqlite3', 'NAME': os.path.join(DATA_DIR, 'db.sqlite3')}},
    CACHES={'default': {'BACKEND': 'django.core.cache.backends.locmem.LocMemCache'}},
    SESSION_ENGINE='django.contrib.sessions.backends.' + ENGINES[ENGINE],
    SESSION_FILE_PATH=DATA_DIR,
    USE_TZ=True,
)

import django  # noqa: E402
django.setup()

from django.core.management import call_command  # noqa: E402
from django.core.wsgi import get_wsgi_application  # noqa: E402
from django.http import JsonResponse  # noqa: E402
from django.urls import path  # noqa: E402


def session_set(request):
    body = json.loads(request.body or b'{}')
    if not isinstance(body, dict):
        return JsonResponse({'error': 'body must be a JSON object'}, status=400)
    for key, value in body.items():
        request.session[key] = value
    s = request.session
    return JsonResponse({'session_key': s.session_key, 'items': dict(s.items()), 'is_empty': s.is_empty(),
                         'accessed': s.accessed, 'modified': s.modified})


urlpatterns = [path('session/set', session_set)]

if __name__ == '__main__':
    if ENGINE in ('db', 'cached_db'):
        call_command('migrate', verbosity=0, interactive=False)
    from gunicorn.app.base import BaseApplication

    class App(BaseApplication):
        def load_config(self):
            self.cfg.set('bind', '127.0.0.1:%d' % PORT)
            self.cfg.set('workers', 1)
            self.cfg.set('threads', THREADS)
            self.cfg.set('loglevel', 'warning')
            self.cfg.set('accesslog', None)

        def load(self):
            return get_wsgi_application()

    print('DJANGO_BENCH_READY http://127.0.0.1:%d' % PORT, flush=True)
    App().run()
