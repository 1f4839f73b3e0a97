"""Times failed sign-ins by kind: unknown e-mail, known account + wrong password, locked account (see run.sh)."""
import http.cookiejar
import re
import statistics
import sys
import time
import urllib.parse
import urllib.request

BASE, TRIES, PASSWORD = sys.argv[1], int(sys.argv[2]), sys.argv[3]
TOKEN = re.compile(r'name="__RequestVerificationToken" type="hidden" value="([^"]+)"')


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def attempt(email, password):
    """One sign-in POST on a fresh session; returns (seconds, status). Only the POST is timed."""
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()), NoRedirect)
    html = opener.open(BASE + "/account/sign-in").read().decode()
    token = TOKEN.search(html).group(1).replace("&#x2B;", "+").replace("&#x2F;", "/").replace("&#x3D;", "=")
    body = urllib.parse.urlencode({"Input.Email": email, "Input.Password": password, "__RequestVerificationToken": token}).encode()
    start = time.perf_counter()
    try:
        status = opener.open(BASE + "/account/sign-in", body).status
    except urllib.error.HTTPError as e:
        status = e.code
    return time.perf_counter() - start, status


def main():
    # Lock the second account: five wrong passwords (rate limits are off for the bench).
    for i in range(5):
        attempt("locked@bench.example.jp", f"wrong password {i}")
    for _ in range(5):  # warm-up
        attempt("nobody@bench.example.jp", "wrong password")
    samples = {"unknown e-mail": [], "known, wrong password": [], "locked account": []}
    for i in range(TRIES):
        # Interleaved, so drift of the machine hits every kind alike.
        samples["unknown e-mail"].append(attempt(f"nobody{i}@bench.example.jp", "wrong password")[0])
        samples["known, wrong password"].append(attempt("known@bench.example.jp", "wrong password")[0])
        attempt("known@bench.example.jp", PASSWORD)  # a success resets the failure count, so it never locks
        samples["locked account"].append(attempt("locked@bench.example.jp", PASSWORD)[0])
    print(f"| kind | tries | p50 ms | p90 ms | p99 ms | mean ms |")
    print(f"|---|---:|---:|---:|---:|---:|")
    for kind, values in samples.items():
        ms = sorted(v * 1000 for v in values)
        q = lambda p: ms[min(len(ms) - 1, int(round(p * (len(ms) - 1))))]
        print(f"| {kind} | {len(ms)} | {q(0.5):.1f} | {q(0.9):.1f} | {q(0.99):.1f} | {statistics.mean(ms):.1f} |")


main()
