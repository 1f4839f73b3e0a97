#!/usr/bin/env python3
"""A generated site of N pages on loopback for the scan benchmark.

Every page is linked from the home page and listed in sitemap.xml, so a crawler and a sitemap-driven tool
see the same pages. Defects are planted on a fixed pattern so both tools have the same things to find:
an image without alt text (every 10th page), low-contrast text (every 7th), a form field without a label
(every 13th) and a missing main landmark (every 17th).
"""
import argparse
import functools
import http.server
import pathlib
import tempfile


def page(number: int, total: int) -> str:
    links = "".join(f'<li><a href="/pages/{n}.html">ページ {n}</a></li>' for n in range(max(1, number - 2), min(total, number + 3)) if n != number)
    defects = []
    if number % 10 == 0:
        defects.append('<img src="/logo.svg" width="40" height="40">')
    if number % 7 == 0:
        defects.append('<p style="color:#aaa;background:#fff">薄い文字の注意書きです。</p>')
    if number % 13 == 0:
        defects.append('<form><input type="text" name="q"><button type="submit">検索</button></form>')
    body = "".join(f"<p>東京都のデジタルサービスについての説明文です。段落 {i} では手続の流れを案内します。</p>" for i in range(12))
    main_open, main_close = ("<div>", "</div>") if number % 17 == 0 else ("<main>", "</main>")
    return f"""<!DOCTYPE html>
<html lang="ja"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>ページ {number} | ベンチマーク用サイト</title><meta name="description" content="ベンチマーク用のページ {number}">
<link rel="stylesheet" href="/site.css"></head>
<body><header><a href="/">ホーム</a></header>{main_open}<h1>ページ {number}</h1>{body}{''.join(defects)}
<nav aria-label="関連ページ"><ul>{links}</ul></nav>{main_close}<footer><p>ベンチマーク</p></footer></body></html>
"""


def generate(root: pathlib.Path, total: int, port: int) -> None:
    (root / "pages").mkdir(parents=True, exist_ok=True)
    for n in range(1, total):
        (root / "pages" / f"{n}.html").write_text(page(n, total), encoding="utf-8")
    index_links = "".join(f'<li><a href="/pages/{n}.html">ページ {n}</a></li>' for n in range(1, total))
    (root / "index.html").write_text(f"""<!DOCTYPE html>
<html lang="ja"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>ベンチマーク用サイト</title><meta name="description" content="ベンチマーク用サイトのホーム"><link rel="stylesheet" href="/site.css"></head>
<body><header><a href="/">ホーム</a></header><main><h1>ベンチマーク用サイト</h1><ul>{index_links}</ul></main></body></html>
""", encoding="utf-8")
    (root / "site.css").write_text("body{font-family:sans-serif;margin:2rem;color:#1a1a1a;background:#fff}", encoding="utf-8")
    (root / "logo.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40"><rect width="40" height="40" fill="#06c"/></svg>', encoding="utf-8")
    urls = [f"http://127.0.0.1:{port}/"] + [f"http://127.0.0.1:{port}/pages/{n}.html" for n in range(1, total)]
    (root / "sitemap.xml").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
        + "".join(f"  <url><loc>{u}</loc></url>\n" for u in urls) + "</urlset>\n", encoding="utf-8")
    (root / "robots.txt").write_text(f"User-agent: *\nAllow: /\nSitemap: http://127.0.0.1:{port}/sitemap.xml\n", encoding="utf-8")


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the base class names it so
        pass


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=200)
    parser.add_argument("--port", type=int, required=True)
    args = parser.parse_args()
    root = pathlib.Path(tempfile.mkdtemp(prefix="shishin-bench-site-"))
    generate(root, args.pages, args.port)
    handler = functools.partial(QuietHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", args.port), handler)
    print(f"serving {args.pages} pages from {root} on http://127.0.0.1:{args.port}/", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
