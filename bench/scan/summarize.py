#!/usr/bin/env python3
"""Turns the measurements and reports in bench/scan/out into the summary that docs/benchmarks.md quotes.

Usage: summarize.py OUT_DIRECTORY
Prints Markdown: the machine, one row per tool, build and concurrency (pages, page errors, seconds, measured pages
per minute, peak PSS and RSS of the whole process tree, CPU seconds), the ratio of Shishin to pa11y-ci on the same
build and concurrency, the violating nodes per axe rule, and Shishin's per-stage profile.
"""
import collections
import json
import pathlib
import statistics
import sys

from profile_summary import stage_times

out = pathlib.Path(sys.argv[1])
ENGINES = ("chromium", "headless-shell")
SHORT = {"shishin scan": "shishin", "pa11y-ci": "pa11y-ci", "chromium": "full", "headless-shell": "shell"}


def load(name):
    path = out / name
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() and path.stat().st_size else None


def shishin_counts(report):
    pages, rules, errors = 0, collections.Counter(), 0
    for page in report.get("pages", []):
        pages += 1
        errors += 1 if page.get("error") else 0
        for finding in page.get("findings", []):
            if str(finding.get("category", "")).lower() == "accessibility" and str(finding.get("outcome", "")).lower() == "violation":
                rules[finding["ruleId"]] += max(1, len(finding.get("nodes", [])))
    return pages, rules, errors


def pa11y_counts(report):
    pages, rules, errors = 0, collections.Counter(), 0
    for url, issues in (report or {}).get("results", {}).items():
        pages += 1
        failed = False
        for issue in issues:
            if isinstance(issue, dict) and issue.get("type", "error") == "error" and "code" in issue:
                rules[issue["code"]] += 1
            elif not isinstance(issue, dict) or "code" not in issue:
                failed = True
        errors += 1 if failed else 0
    return pages, rules, errors


concurrencies = sorted({int(p.name.split("-c")[-1].split(".")[0]) for p in out.glob("*-c*.measure.json")})
rows, findings = {}, {}
for engine in ENGINES:
    for concurrency in concurrencies:
        for tool, counter in (("shishin scan", shishin_counts), ("pa11y-ci", pa11y_counts)):
            key = "shishin" if tool == "shishin scan" else "pa11y"
            measure = load(f"{key}-{engine}-c{concurrency}.measure.json")
            if measure is None:
                continue
            pages, rules, errors = counter(load(f"{key}-{engine}-c{concurrency}.json") or {})
            minutes = measure["seconds"] / 60
            # A page that ended in an error was not measured, so the rate that matters counts only measured pages.
            rate = (pages - errors) / minutes if minutes else 0
            rows[(tool, engine, concurrency)] = dict(pages=pages, errors=errors, seconds=measure["seconds"], rate=rate,
                                                    pss=measure.get("peak_pss_mb"), rss=measure["peak_rss_mb"], cpu=measure.get("cpu_seconds"))
            findings[(tool, engine, concurrency)] = rules

machine = out / "machine.txt"
if machine.exists():
    print("Machine and run:\n")
    print("\n".join(f"- {line}" for line in machine.read_text(encoding="utf-8").splitlines()))
    print()


def fmt(value, pattern):
    return "–" if value is None else format(value, pattern)


print("| tool | Chromium build | concurrency | pages | page errors | seconds | measured pages per minute | peak PSS (MiB) | peak RSS (MiB) | CPU seconds |")
print("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|")
for (tool, engine, concurrency), r in rows.items():
    print(f"| {tool} | {SHORT[engine]} | {concurrency} | {r['pages']} | {r['errors']} | {r['seconds']:.1f} | {r['rate']:.1f} | {fmt(r['pss'], '.0f')} | {r['rss']:.0f} | {fmt(r['cpu'], '.0f')} |")
print()

print("Shishin against pa11y-ci on the same build and concurrency (target: at least 2× the measured pages per minute, no page lost, no more peak PSS):\n")
print("| Chromium build | concurrency | pages per minute, Shishin ÷ pa11y-ci | peak PSS, Shishin ÷ pa11y-ci | page errors (Shishin / pa11y-ci) | target met |")
print("|---|---:|---:|---:|---|---|")
for engine in ENGINES:
    for concurrency in concurrencies:
        s, p = rows.get(("shishin scan", engine, concurrency)), rows.get(("pa11y-ci", engine, concurrency))
        if not s or not p:
            continue
        speed = s["rate"] / p["rate"] if p["rate"] else float("inf")
        memory = s["pss"] / p["pss"] if s["pss"] and p["pss"] else None
        met = speed >= 2 and s["errors"] == 0 and memory is not None and memory <= 1
        print(f"| {SHORT[engine]} | {concurrency} | {speed:.2f}× | {fmt(memory, '.2f')}{'×' if memory else ''} | {s['errors']} / {p['errors']} | {'yes' if met else 'no'} |")
print()

rules = sorted(set().union(*[set(c) for c in findings.values()]) if findings else [])
print("Violating nodes per axe rule (Shishin runs its default rule profiles, pa11y-ci WCAG2AA; a rule only one of them runs shows 0 for the other):\n")
print("| axe rule | " + " | ".join(f"{SHORT[t]} {SHORT[e]} c{c}" for t, e, c in findings) + " |")
print("|---|" + "---:|" * len(findings))
for rule in rules:
    print(f"| {rule} | " + " | ".join(str(findings[k].get(rule, 0)) for k in findings) + " |")
print()

for engine in ENGINES:
    for concurrency in concurrencies:
        path = out / f"shishin-{engine}-c{concurrency}.stages.jsonl"
        if not path.exists():
            continue
        pages = [json.loads(line) for line in path.read_text(encoding="utf-8-sig").splitlines() if line.strip()]
        if not pages:
            continue
        order, times = stage_times(pages)
        total = sum(page["totalMs"] for page in pages) or 1
        print(f"Shishin's stages per page, {SHORT[engine]} c{concurrency} (wall time, stages may overlap):\n")
        print("| stage | median ms | mean ms | share of page time |")
        print("|---|---:|---:|---:|")
        for stage in order:
            print(f"| {stage} | {statistics.median(times[stage]):.1f} | {statistics.mean(times[stage]):.1f} | {100 * sum(times[stage]) / total:.1f} % |")
        print(f"| whole page | {statistics.median(p['totalMs'] for p in pages):.1f} | {statistics.mean(p['totalMs'] for p in pages):.1f} | 100 % |")
        print()
