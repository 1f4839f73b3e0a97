#!/usr/bin/env python3
"""Runs a command and reports its wall time, and the peak memory and CPU time of it and all its descendants.

Usage: measure.py OUTPUT.json -- command args...
Every 100 ms the whole process tree (the tool, Node or .NET, and every browser process it starts) is read from /proc:
RSS from /proc/PID/status and PSS from /proc/PID/smaps_rollup, each summed over the tree. PSS divides shared pages
between the processes that share them, so it does not count Chromium's shared code once per process as RSS does;
peak PSS is the figure to compare. CPU time is the user and system time each process had when last seen, summed
(a process that lived less than 100 ms may be missed).
"""
import json
import os
import subprocess
import sys
import time

TICKS = os.sysconf("SC_CLK_TCK")


def descendants(root: int) -> list:
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
    found, stack = [], [root]
    while stack:
        current = stack.pop()
        found.append(current)
        stack.extend(parents.get(current, []))
    return found


def field_kb(path: str, name: str) -> int:
    try:
        with open(path, encoding="utf-8") as lines:
            for line in lines:
                if line.startswith(name):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def cpu_seconds(pid: int):
    try:
        with open(f"/proc/{pid}/stat", encoding="utf-8") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / TICKS
    except (OSError, ValueError, IndexError):
        return None


def main() -> None:
    output, command = sys.argv[1], sys.argv[sys.argv.index("--") + 1:]
    start = time.monotonic()
    process = subprocess.Popen(command)
    peak_rss = peak_pss = 0
    cpu = {}
    while process.poll() is None:
        rss = pss = 0
        for pid in descendants(process.pid):
            rss += field_kb(f"/proc/{pid}/status", "VmRSS:")
            pss += field_kb(f"/proc/{pid}/smaps_rollup", "Pss:")
            seconds = cpu_seconds(pid)
            if seconds is not None:
                cpu[pid] = seconds
        peak_rss, peak_pss = max(peak_rss, rss), max(peak_pss, pss)
        time.sleep(0.1)
    elapsed = time.monotonic() - start
    result = {
        "command": command,
        "seconds": round(elapsed, 2),
        "peak_rss_mb": round(peak_rss / 1024, 1),
        "peak_pss_mb": round(peak_pss / 1024, 1),
        "cpu_seconds": round(sum(cpu.values()), 1),
        "exit_code": process.returncode,
    }
    with open(output, "w", encoding="utf-8") as out:
        json.dump(result, out)
    print(f"{elapsed:.1f} s, peak PSS {peak_pss / 1024:.0f} MB, peak RSS {peak_rss / 1024:.0f} MB, CPU {result['cpu_seconds']} s, exit {process.returncode}", file=sys.stderr)


if __name__ == "__main__":
    main()
