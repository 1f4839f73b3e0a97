#!/usr/bin/env python3
"""Hostile pages on loopback for the robustness half of the scan benchmark.

Each path misbehaves in one way a real site can: a redirect loop, a script that never finishes downloading, dialogs,
a 5 MB page, an endless feed, a JavaScript busy loop, a link to a missing page, a server that answers after a minute.
/ok is a well-behaved page, so a tool that stops early shows as losing it.
Usage: hostile.py --port PORT
"""
import argparse
import http.server
import time

TEXT = "東京都のデジタルサービスについての説明文です。"


def page(title: str, body: str, head: str = "") -> bytes:
    return f"""<!DOCTYPE html>
<html lang="ja"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>{head}</head><body><main><h1>{title}</h1>{body}</main></body></html>
""".encode("utf-8")


PAGES = {
    "/ok": lambda: page("普通のページ", f"<p>{TEXT}</p>"),
    "/never-ending": lambda: page("終わらない読み込み", f"<p>{TEXT}</p>", '<script async src="/stream.js"></script>'),
    "/alert": lambda: page("ダイアログ", f"<p>{TEXT}</p>", "<script>alert('hello'); confirm('sure?'); prompt('name?');</script>"),
    "/huge": lambda: page("5 MB のページ", "<p>" + "あ" * (5 * 1024 * 1024 // 3) + "</p>"),
    "/infinite-scroll": lambda: page("無限スクロール", f'<div id="feed"><p>{TEXT}</p></div>', """<script>
addEventListener('load', () => setInterval(() => { const p = document.createElement('p'); p.textContent = 'もう一件 ' + Date.now();
document.getElementById('feed').append(p); window.scrollTo(0, document.body.scrollHeight); }, 20));</script>"""),
    "/busy-loop": lambda: page("無限ループ", "<p>ループの前。</p><script>while (true) {}</script><p>ここは読まれない。</p>"),
    "/broken-link": lambda: page("壊れたリンク", f'<p>{TEXT}<a href="/missing">このリンク先はありません</a></p>'),
}


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, format, *args):  # noqa: A002 - the base class names it so
        pass

    def send(self, status: int, body: bytes, content_type: str = "text/html; charset=utf-8", extra=None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in (extra or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:  # noqa: N802 - the base class names it so
        path = self.path.split("?")[0]
        if path in PAGES:
            self.send(200, PAGES[path]())
        elif path in ("/redirect-loop", "/redirect-loop-2"):
            target = "/redirect-loop-2" if path == "/redirect-loop" else "/redirect-loop"
            self.send(302, b"", "text/plain", {"Location": target})
        elif path == "/slow":
            time.sleep(60)
            self.send(200, page("遅いサーバー", f"<p>{TEXT}</p>"))
        elif path == "/stream.js":
            self.send_response(200)
            self.send_header("Content-Type", "text/javascript")
            self.end_headers()
            try:
                while True:
                    self.wfile.write(b"// still coming\n")
                    self.wfile.flush()
                    time.sleep(0.5)
            except (BrokenPipeError, ConnectionResetError):
                return
        elif path == "/robots.txt":
            self.send(200, b"User-agent: *\nAllow: /\n", "text/plain")
        else:
            self.send(404, page("見つかりません", "<p>このページはありません。</p>"))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    args = parser.parse_args()
    server = http.server.ThreadingHTTPServer(("127.0.0.1", args.port), Handler)
    server.daemon_threads = True
    server.serve_forever()


if __name__ == "__main__":
    main()
