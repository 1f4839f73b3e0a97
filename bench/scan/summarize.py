#!/usr/bin/env python3
"""Turns the measurements and reports in bench/scan/out into the tables of docs/benchmarks.md."""
import collections
import json
import pathlib
import sys

out = pathlib.Path(sys.argv[1])


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


rows, findings = [], {}
for engine in ("chromium", "headless-shell"):
    for concurrency in (1, 2):
        for tool, counter in (("shishin scan", shishin_counts), ("pa11y-ci", pa11y_counts)):
            key = "shishin" if tool == "shishin scan" else "pa11y"
            measure = load(f"{key}-{engine}-c{concurrency}.measure.json")
            report = load(f"{key}-{engine}-c{concurrency}.json")
            if measure is None:
                continue
            pages, rules, errors = counter(report or {})
            minutes = measure["seconds"] / 60
            # A page that ended in an error was not measured, so the rate that matters counts only measured pages.
            measured = pages - errors
            rows.append((tool, engine, concurrency, pages, errors, measure["seconds"], measured / minutes if minutes else 0, measure["peak_rss_mb"]))
            findings[(tool, engine, concurrency)] = rules

print("| tool | Chromium build | concurrency | pages | page errors | seconds | measured pages per minute | peak RSS (MB) |")
print("|---|---|---:|---:|---:|---:|---:|---:|")
for tool, engine, concurrency, pages, errors, seconds, rate, rss in rows:
    print(f"| {tool} | {engine} | {concurrency} | {pages} | {errors} | {seconds:.1f} | {rate:.1f} | {rss:.0f} |")
print()
rules = sorted(set().union(*[set(c) for c in findings.values()]) if findings else [])
short = {"shishin scan": "shishin", "pa11y-ci": "pa11y-ci", "chromium": "full", "headless-shell": "shell"}
print("| axe rule (violating nodes) | " + " | ".join(f"{short[t]} {short[e]} c{c}" for t, e, c in findings) + " |")
print("|---|" + "---:|" * len(findings))
for rule in rules:
    print(f"| {rule} | " + " | ".join(str(findings[k].get(rule, 0)) for k in findings) + " |")
