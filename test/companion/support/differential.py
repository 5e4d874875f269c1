"""Differential fuzzing: the same random session operations against real Django (reference app) and the
companion, transcribed with the reference scenario's own normalizer (imported, not copied) and compared.

    differential.py REF_URL COMPANION_URL SEED STEPS SCENARIO_PY
Exit 0 when identical (except the cache backend class name), 1 with the first differing step printed.
"""
import sys, random, io, json, re, importlib.util
if len(sys.argv) != 6:
    sys.exit("usage: differential.py REF_URL COMPANION_URL SEED STEPS SCENARIO_PY (the reference app's scenario.py)")
SCENARIO = sys.argv[5]
spec = importlib.util.spec_from_file_location("scenario", SCENARIO)
sc = importlib.util.module_from_spec(spec); spec.loader.exec_module(sc)

def rand_value(rnd, depth=0):
    c = rnd.randrange(12 if depth < 2 else 8)
    if c == 0: return rnd.randint(-5, 300)
    if c == 1: return rnd.choice([1.0, 2.5, -0.0, 1e16, 1e-7, 123456.789, 0.1])
    if c == 2: return rnd.choice(["", "x", "caf\u00e9", "\u2603\U0001F600", "a\"b\\c\n", "0123456789abcdefghijklmnopqrstuv"])
    if c == 3: return rnd.choice([True, False, None])
    if c == 4: return 10**rnd.randint(15, 30)
    if c == 5: return "y" * rnd.randint(0, 400)
    if c == 6: return -rnd.randint(0, 2**40)
    if c == 7: return rnd.choice(["1", "2", "z", "a"])
    if c in (8, 9): return [rand_value(rnd, depth+1) for _ in range(rnd.randint(0, 3))]
    return {rnd.choice(["a", "1", "zz", "10", "bb", "_x"]): rand_value(rnd, depth+1) for _ in range(rnd.randint(0, 3))}

def rand_dict(rnd):
    # "_session_expiry" is set through /session/set_expiry or with non-numbers only: a random small number
    # would make Max-Age a second or two and the jar's expiry check a race between the two servers.
    d = {rnd.choice(["color", "n", "1", "10", "z", "a", "_auth_user_id", "big", "k"]): rand_value(rnd) for _ in range(rnd.randint(0, 3))}
    if rnd.random() < 0.1:
        d["_session_expiry"] = rnd.choice(["soon", [1], {"a": 1}, None, 0, False, 300])
    return d

KEYS = ["color", "n", "1", "z", "nope", "_session_expiry", "_auth_user_id", "a"]
# values setdefault may put under "_session_expiry" must not make Max-Age a second or two (a timing race)
SAFE_EXPIRY_VALUES = [300, 0, None, -10, "soon", [1]]

def steps(rnd, n):
    out = []
    for i in range(n):
        c = rnd.randrange(26)
        status = rnd.choice(["", "", "", "", "?status=404", "?status=500", "?status=503", "?status=302", "?status=201"])
        amp = status.replace("?", "&")
        cookie = "jar"
        r = rnd.random()
        if r < 0.06: cookie = None
        elif r < 0.09: cookie = rnd.choice(["short", "", "0123456789abcdefghijklmnopqrstuv", "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345", '"quoted-value-xx"', "a b c d e f g h", "../../etc/passwd"])
        elif r < 0.11: cookie = ("var", "old")
        kw = dict(cookie=cookie)
        if c == 0: out.append(("set", "POST", "/session/set" + status, rand_dict(rnd), kw))
        elif c == 1: out.append(("update", "POST", "/session/update" + status, rand_dict(rnd), kw))
        elif c == 2:
            k = rnd.choice(KEYS)
            value = rnd.choice(SAFE_EXPIRY_VALUES) if k == "_session_expiry" else rand_value(rnd)
            out.append(("setdefault", "POST", "/session/setdefault" + status, {"key": k, "value": value}, kw))
        elif c == 3: out.append(("get", "GET", "/session/get?key=" + rnd.choice(KEYS) + rnd.choice(["", "&default=1.0", "&default=[1]", "&default=null"]) + amp, None, kw))
        elif c == 4: out.append(("pop", "POST", "/session/pop?key=" + rnd.choice(KEYS) + rnd.choice(["", "&default=7"]) + amp, None, kw))
        elif c == 5: out.append(("delete", "POST", "/session/delete?key=" + rnd.choice(KEYS) + amp, None, kw))
        elif c == 6: out.append(("clear", "POST", "/session/clear" + status, None, kw))
        elif c == 7: out.append(("flush", "POST", "/session/flush" + status, None, kw))
        elif c == 8: out.append(("cycle", "POST", "/session/cycle_key" + status, None, dict(kw, remember="old")))
        elif c == 9:
            # datetime expiries are left to the fixed scenario: their Max-Age is floored from the wall clock,
            # so two servers asked a few milliseconds apart can differ by a second
            v = rnd.choice([300, 90.5, 0, None, -10, False, 7200.0, "garbage", [1], {"x": 1}, 0.0, 10**20])
            out.append(("expiry", "POST", "/session/set_expiry" + status, v, dict(kw, approx=isinstance(v, (dict, str)))))
        elif c == 10: out.append(("login", "POST", "/login" + status, {"user_id": rnd.choice([1, 2, 42, "7", 10])}, kw))
        elif c == 11: out.append(("logout", "POST", "/logout" + status, None, kw))
        elif c == 12: out.append(("interrupt", "POST", "/session/interrupt" + status, None, kw))
        elif c == 13: out.append(("store", "GET", "/store/{jar}", None, kw))
        elif c == 14: out.append(("corrupt", "POST", "/store/{jar}/corrupt", None, kw))
        elif c == 15: out.append(("clearsessions", "POST", "/clearsessions", None, kw))
        elif c == 16: out.append(("noop", "GET", "/noop" + status, None, kw))
        elif c == 17: out.append(("notfound", "GET", "/nothing", None, kw))
        elif c == 18: out.append(("method", "GET", "/session/set", None, kw))
        elif c == 19: out.append(("storeold", "GET", "/store/{old}", None, kw))
        elif c == 20: out.append(("setlist", "POST", "/session/set", rnd.choice([[1], "str", 0, [], None]), kw))
        else: out.append(("session", "GET", "/session" + status, None, dict(kw, approx=True)))
    return out

def run_both(bases, seq, secret):
    """Each step goes to both servers back to back, so time-dependent expiry sees the same clock."""
    bufs = [io.StringIO() for _ in bases]
    runners = [sc.Runner(b, "sessionid", secret, buf) for b, buf in zip(bases, bufs)]
    for (title, method, path, body, kw) in seq:
        for r, buf in zip(runners, bufs):
            try:
                r.step(title, method, path, body, **dict(kw))
            except Exception as e:
                buf.write("EXC %r\n" % e)
    return [buf.getvalue() for buf in bufs]

if __name__ == "__main__":
    a, b, seed, n = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    rnd = random.Random(seed)
    seq = steps(rnd, n)
    m = lambda t: re.sub(r'"cache_backend": "[^"]*"', 'CB', t)
    ra, rb = (m(t) for t in run_both([a, b], seq, sc.DEFAULT_SECRET))
    if ra != rb:
        la, lb = ra.split("\n"), rb.split("\n")
        hdr = ""
        shown = 0
        for i in range(max(len(la), len(lb))):
            x = la[i] if i < len(la) else None; y = lb[i] if i < len(lb) else None
            if x and x.startswith("###"): hdr = x
            if x != y:
                # print context of the step
                j = i
                while j > 0 and not la[j].startswith("###"): j -= 1
                print("\n".join(l[:300] for l in la[j:i+1][:8]))
                print("REF :", (x or '')[:600])
                print("MINE:", (y or '')[:600])
                shown += 1
                break
        sys.exit(1)
    print("seed", seed, "OK")
