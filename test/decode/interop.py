"""Signs random payloads with the real Django 3.2 and Flask 2.2 and prints one JSON line per case.

Run with /usr/bin/python3 (Debian's python3-django / python3-flask). argv: seed count.
Each line (8 per round): {"framework", "kind", "value", "name", "secret", "salt", "keyPrefix", "json"} where "json" is the exact
JSON text that was signed (tagged JSON for Flask), so the TypeScript side can check payloads and re-encode.
"""
import datetime
import json
import random
import sys
import uuid

import django
from django.conf import settings

settings.configure(SECRET_KEY="placeholder", DEFAULT_HASHING_ALGORITHM="sha256", USE_TZ=True)
django.setup()

from django.core import signing  # noqa: E402
from django.contrib.messages.storage.base import Message  # noqa: E402
from django.contrib.messages.storage.cookie import MessageEncoder, MessageSerializer  # noqa: E402
from django.contrib.sessions.backends.signed_cookies import SessionStore  # noqa: E402
from flask import Flask  # noqa: E402
from flask.sessions import SecureCookieSessionInterface  # noqa: E402
from markupsafe import Markup  # noqa: E402

rng = random.Random(int(sys.argv[1]))
ALPHABET = "abcXYZ019 _-:.\"\\/\u00e9\u2603\U0001F600\u0000\n"


def text(n=8):
    return "".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, n)))


def scalar():
    return rng.choice([
        lambda: rng.randint(-2**40, 2**40), lambda: rng.random() * 10 ** rng.randint(-8, 20), lambda: float(rng.randint(0, 9)),
        lambda: True, lambda: False, lambda: None, text,
    ])()


def value(depth=0):
    if depth > 2 or rng.random() < 0.5:
        return scalar()
    if rng.random() < 0.5:
        return [value(depth + 1) for _ in range(rng.randint(0, 4))]
    return {text(6): value(depth + 1) for _ in range(rng.randint(0, 4))}


def flask_value(depth=0):
    kind = rng.randint(0, 8)
    if kind == 0:
        return tuple(flask_value(depth + 1) for _ in range(rng.randint(0, 3))) if depth < 2 else 1
    if kind == 1:
        return bytes(rng.randint(0, 255) for _ in range(rng.randint(0, 12)))
    if kind == 2:
        return uuid.UUID(int=rng.getrandbits(128))
    if kind == 3:
        return datetime.datetime(2020 + rng.randint(0, 9), rng.randint(1, 12), rng.randint(1, 28), rng.randint(0, 23), tzinfo=datetime.timezone.utc)
    if kind == 4:
        return Markup("<b>%s</b>") % text(5)
    if kind == 5:
        return {" t": text(4)}
    return value(depth)


def emit(**fields):
    print(json.dumps(fields))


def django_cases():
    secret = text(20) or "k"
    settings.SECRET_KEY = secret
    obj = {text(6): value() for _ in range(rng.randint(0, 6))}
    if rng.random() < 0.4:
        obj["pad"] = "x" * rng.randint(50, 400)  # makes zlib worth it
    dumped = json.dumps(obj, separators=(",", ":"))
    salt = text(10)
    emit(framework="django", kind="signing.dumps", value=signing.dumps(obj, key=secret, salt=salt, compress=rng.random() < 0.7),
         name="data", secret=secret, salt=salt, keyPrefix="", json=dumped)
    store = SessionStore()
    store.update(obj)
    store.save()
    emit(framework="django", kind="signed_cookies-session", value=store.session_key, name="sessionid", secret=secret, salt=None, keyPrefix=None, json=dumped)
    emit(framework="django", kind="session-data", value=store.encode(obj), name="sessionid", secret=secret, salt=None, keyPrefix=None, json=dumped)
    plain = text(12)
    emit(framework="django", kind="TimestampSigner.sign", value=signing.TimestampSigner(key=secret, salt=salt).sign(plain),
         name="t", secret=secret, salt=salt, keyPrefix="", json=json.dumps(plain))
    emit(framework="django", kind="Signer.sign", value=signing.Signer(key=secret, salt=salt).sign(plain),
         name="s", secret=secret, salt=salt, keyPrefix="", json=json.dumps(plain))
    messages = [Message(rng.choice([10, 20, 25, 30, 40]), text(30), extra_tags=rng.choice(["", text(5)])) for _ in range(rng.randint(1, 4))]
    emit(framework="django", kind="messages-cookie", name="messages", secret=secret, salt=None, keyPrefix=None,
         value=signing.get_cookie_signer(salt="django.contrib.messages").sign_object(messages, serializer=MessageSerializer, compress=True),
         json=json.dumps(messages, cls=MessageEncoder, separators=(",", ":")))
    emit(framework="django", kind="set_signed_cookie", value=signing.get_cookie_signer(salt="pref" + salt).sign(plain),
         name="pref", secret=secret, salt="pref" + salt, keyPrefix="django.http.cookies", json=json.dumps(plain))


def flask_case():
    app = Flask(__name__)
    app.secret_key = text(20) or "k"
    iface = SecureCookieSessionInterface()
    serializer = iface.get_signing_serializer(app)
    session = {text(6): flask_value() for _ in range(rng.randint(1, 6))}
    with app.app_context():  # Flask's JSON provider (sort_keys=True) only applies inside an app context
        tagged = iface.serializer.dumps(session)
        value = serializer.dumps(session)
    emit(framework="flask", kind="secure-cookie-session", value=value, name="session", secret=app.secret_key,
         salt=None, keyPrefix=None, json=tagged)



for _ in range(int(sys.argv[2])):
    django_cases()
    flask_case()
