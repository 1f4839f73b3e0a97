#!/usr/bin/env python3
"""Turns the hostile-page runs in bench/scan/out into the robustness table of docs/benchmarks.md."""
import json
import pathlib
import sys

out, port = pathlib.Path(sys.argv[1]), sys.argv[2]


def load(name):
    path = out / name
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def shishin_outcome(page):
    if page.get("error"):
        return f"page error {page['error'].get('kind')}"
    violations = [f for f in page.get("findings", []) if str(f.get("category", "")).lower() == "accessibility" and str(f.get("outcome", "")).lower() == "violation"]
    others = [f["ruleId"] for f in page.get("findings", []) if str(f.get("category", "")).lower() != "accessibility"]
    broken = " (page.broken-link)" if "page.broken-link" in others else ""
    return f"scanned, {len(violations)} axe violations{broken}"


def pa11y_outcome(issues):
    errors = [i for i in issues if not isinstance(i, dict) or "code" not in i]
    if errors:
        message = errors[0].get("message", str(errors[0])) if isinstance(errors[0], dict) else str(errors[0])
        return "failed: " + message.splitlines()[0][:90].replace("|", "/")
    return f"scanned, {len(issues)} issues"


shishin = load("hostile-shishin.json") or {}
pa11y = load("hostile-pa11y.json") or {}
by_url = {p["requestedUrl"]: p for p in shishin.get("pages", [])}
pa11y_results = pa11y.get("results", {})
urls = list(dict.fromkeys(list(by_url) + list(pa11y_results)))
print("| page | pa11y-ci | shishin scan |")
print("|---|---|---|")
for url in urls:
    path = url.split(f":{port}", 1)[-1]
    left = pa11y_outcome(pa11y_results[url]) if url in pa11y_results else "not reported"
    right = shishin_outcome(by_url[url]) if url in by_url else "not reported"
    print(f"| `{path}` | {left} | {right} |")
print()
for tool, name in (("pa11y-ci", "hostile-pa11y.measure.json"), ("shishin scan", "hostile-shishin.measure.json")):
    measure = load(name)
    if measure:
        print(f"- {tool}: {measure['seconds']:.1f} s in all, peak RSS {measure['peak_rss_mb']:.0f} MB")
