#!/usr/bin/env python3
"""Runs a command and reports its wall time and the peak resident memory of it and all its descendants.

Usage: measure.py OUTPUT.json -- command args...
RSS is sampled from /proc every 100 ms and summed over the whole process tree (the tool, Node or .NET,
and every browser process it starts).
"""
import json
import os
import subprocess
import sys
import time


def children(pid: int, parents: dict) -> list:
    found, stack = [], [pid]
    while stack:
        current = stack.pop()
        found.append(current)
        stack.extend(parents.get(current, []))
    return found


def tree_rss_kb(root: int) -> int:
    parents = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="utf-8") as stat:
                ppid = int(stat.read().rsplit(")", 1)[1].split()[1])
            parents.setdefault(ppid, []).append(int(entry))
        except (OSError, ValueError, IndexError):
            continue
    total = 0
    for pid in children(root, parents):
        try:
            with open(f"/proc/{pid}/status", encoding="utf-8") as status:
                for line in status:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1])
        except OSError:
            continue
    return total


def main() -> None:
    output, command = sys.argv[1], sys.argv[sys.argv.index("--") + 1:]
    start = time.monotonic()
    process = subprocess.Popen(command)
    peak = 0
    while process.poll() is None:
        peak = max(peak, tree_rss_kb(process.pid))
        time.sleep(0.1)
    elapsed = time.monotonic() - start
    with open(output, "w", encoding="utf-8") as out:
        json.dump({"command": command, "seconds": round(elapsed, 2), "peak_rss_mb": round(peak / 1024, 1), "exit_code": process.returncode}, out)
    print(f"{elapsed:.1f} s, peak RSS {peak / 1024:.0f} MB, exit {process.returncode}", file=sys.stderr)


if __name__ == "__main__":
    main()
