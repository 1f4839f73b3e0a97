#!/usr/bin/env python3
"""Summarises the stage times `shishin scan` writes when SHISHIN_SCAN_STAGES names a file (one JSON object per page).

Usage: profile_summary.py STAGES.jsonl [LABEL]
Prints a Markdown table: for each stage, the pages that went through it, its median, mean and 90th percentile in ms,
and its share of the summed page durations (stages may overlap, so shares need not add up to 100 %).
"""
import json
import statistics
import sys


def stage_times(pages):
    """The stages in the order they first appear, and each stage's durations in ms over the pages."""
    times = {}
    for page in pages:
        for stage, ms in page["stages"].items():
            times.setdefault(stage, []).append(ms)
    return list(times), times


def main() -> None:
    path = sys.argv[1]
    label = sys.argv[2] if len(sys.argv) > 2 else path
    pages = [json.loads(line) for line in open(path, encoding="utf-8-sig") if line.strip()]
    order, times = stage_times(pages)
    total = sum(page["totalMs"] for page in pages) or 1
    print(f"{label}: {len(pages)} pages, {sum(1 for p in pages if p.get('error'))} page errors, "
          f"median page {statistics.median(p['totalMs'] for p in pages):.0f} ms\n")
    print("| stage | pages | median ms | mean ms | p90 ms | share of page time |")
    print("|---|---:|---:|---:|---:|---:|")
    for stage in order:
        values = sorted(times[stage])
        p90 = values[min(len(values) - 1, int(round(0.9 * (len(values) - 1))))]
        print(f"| {stage} | {len(values)} | {statistics.median(values):.1f} | {statistics.mean(values):.1f} | {p90:.1f} | {100 * sum(values) / total:.1f} % |")
    print(f"| page (whole) | {len(pages)} | {statistics.median(p['totalMs'] for p in pages):.1f} | {statistics.mean(p['totalMs'] for p in pages):.1f} | | 100 % |")


if __name__ == "__main__":
    main()
