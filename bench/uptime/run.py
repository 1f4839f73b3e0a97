"""
Uptime at scale (issue 14): 1,000 services with 5 entry URLs each, probed every 5 minutes by one Shishin process
(the web host with its Quartz probe job, on SQLite) against a local server on loopback (50 ports = 50 "hosts").
Samples the Shishin process's CPU time and resident memory, then reads the probes from the database:
lateness = actual probe start - due time.

    python3 bench/uptime/run.py --minutes 15      (after: dotnet build -c Release src/Shishin.Web)
"""
import argparse
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
import uuid
from datetime import datetime, timezone

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
DLL = os.path.join(ROOT, "src/Shishin.Web/bin/Release/net10.0/Shishin.Web.dll")
FIRST_PORT, PORTS = 18100, 50
TICK = os.sysconf("SC_CLK_TCK")


def app_env(data, uptime):
    env = dict(os.environ)
    env.update({
        "ASPNETCORE_ENVIRONMENT": "Development",
        "Shishin__DataDirectory": data,
        "Urls": "http://127.0.0.1:18099",
        "Scanning__AllowPrivateNetworks": "true",
        "Uptime__Enabled": "true" if uptime else "false",
        "Logging__LogLevel__Default": "Warning",
    })
    return env


def start_app(data, uptime, log):
    return subprocess.Popen(["dotnet", DLL], env=app_env(data, uptime), stdout=log, stderr=subprocess.STDOUT, cwd=HERE)


def wait_for_db(path, table, timeout=180):
    end = time.time() + timeout
    while time.time() < end:
        if not os.path.exists(path):
            time.sleep(2)
            continue
        try:
            # Read-only: connecting must never create the file while the app is about to.
            with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
                db.execute(f"select count(*) from {table}").fetchone()
                if db.execute("select count(*) from Organizations").fetchone()[0] > 0:
                    return
        except sqlite3.Error:
            pass
        time.sleep(2)
    sys.exit("the database was not created")


def seed(path, services, urls_per_service):
    now = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M:%S")
    with sqlite3.connect(path) as db:
        owner = db.execute("select Id from Organizations order by Key limit 1").fetchone()[0]
        rows = []
        for i in range(services):
            port = FIRST_PORT + i % PORTS
            urls = " ".join(f"http://127.0.0.1:{port}/svc{i}/p{j}" for j in range(urls_per_service))
            rows.append((str(uuid.uuid4()).upper(), f"bench-{i:04d}", f"ベンチ {i}", f"Bench {i}", "", "", owner, urls, "", "Web", 1, "Operation", 0, now, now, 0))
        db.executemany("insert into Services values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", rows)


def start_counters(pid, work):
    """dotnet-counters (a global tool, optional) records the managed heap every 10 s, to tell a settling cache from a leak."""
    tool = shutil.which("dotnet-counters") or os.path.expanduser("~/.dotnet/tools/dotnet-counters")
    if not os.path.exists(tool):
        print("dotnet-counters is not installed (dotnet tool install -g dotnet-counters): the managed heap is not sampled")
        return None
    return subprocess.Popen([tool, "collect", "-p", str(pid), "--refresh-interval", "10", "--format", "csv",
                             "-o", os.path.join(work, "counters.csv"), "--counters", "System.Runtime"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def read_counters(work, started):
    """The managed heap after the last collection (all generations summed), the last sample of each minute, in MB."""
    path = os.path.join(work, "counters.csv")
    if not os.path.exists(path):
        return None
    import csv
    by_time = {}
    with open(path, newline="") as f:
        for row in csv.DictReader(f):
            name = row.get("Counter Name", "")
            if not (name.startswith("dotnet.gc.last_collection.heap.size") or name.startswith("GC Heap Size")):
                continue
            stamp = row["Timestamp"]
            by_time[stamp] = by_time.get(stamp, 0.0) + float(row["Mean/Increment"])
    by_minute = {}
    for stamp, total in by_time.items():
        try:
            at = datetime.strptime(stamp[:19], "%m/%d/%Y %H:%M:%S").replace(tzinfo=timezone.utc).timestamp()
        except ValueError:
            at = datetime.fromisoformat(stamp).replace(tzinfo=timezone.utc).timestamp()
        # The meter reports bytes; the old event counter megabytes.
        by_minute[int((at - started) // 60)] = round(total / 1024 / 1024 if total > 1e5 else total, 1)
    return dict(sorted(by_minute.items()))


def sample(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    cpu = (int(fields[11]) + int(fields[12])) / TICK
    with open(f"/proc/{pid}/status") as f:
        rss = next(int(line.split()[1]) for line in f if line.startswith("VmRSS:"))
    return cpu, rss / 1024


def percentile(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))] if values else None


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--minutes", type=float, default=30)
    parser.add_argument("--services", type=int, default=1000)
    parser.add_argument("--urls", type=int, default=5)
    parser.add_argument("--warmup", type=float, default=5, help="minutes left out of the CPU figure (start, first sync, JIT)")
    parser.add_argument("--work", default="/tmp/shishin-uptime-bench")
    args = parser.parse_args()

    shutil.rmtree(args.work, ignore_errors=True)
    data = os.path.join(args.work, "data")
    os.makedirs(data)
    db_path = os.path.join(data, "shishin.db")
    log = open(os.path.join(args.work, "app.log"), "w")
    server = subprocess.Popen([sys.executable, os.path.join(HERE, "server.py"), str(FIRST_PORT), str(PORTS)])
    try:
        # First start: migrations and reference data only, then the services are written straight into the database.
        app = start_app(data, False, log)
        wait_for_db(db_path, "UptimeChecks")
        app.send_signal(signal.SIGTERM)
        app.wait(60)
        seed(db_path, args.services, args.urls)

        app = start_app(data, True, log)
        started = time.time()
        counters = start_counters(app.pid, args.work)
        samples = []
        while time.time() - started < args.minutes * 60:
            time.sleep(10)
            cpu, rss = sample(app.pid)
            samples.append({"t": round(time.time() - started), "cpu_s": round(cpu, 2), "rss_mb": round(rss, 1)})
        if counters:
            counters.send_signal(signal.SIGINT)
            counters.wait(30)
        app.send_signal(signal.SIGTERM)
        app.wait(60)
    finally:
        server.terminate()
    heap = read_counters(args.work, started)

    with sqlite3.connect(db_path) as db:
        checks = db.execute("select count(*) from UptimeChecks").fetchone()[0]
        rows = db.execute("select (julianday(At) - julianday(DueAt)) * 86400.0, Succeeded from UptimeProbes").fetchall()
    lateness = [r[0] for r in rows]
    warm = [s for s in samples if s["t"] >= args.warmup * 60]
    cpu_share = (warm[-1]["cpu_s"] - warm[0]["cpu_s"]) / (warm[-1]["t"] - warm[0]["t"]) if len(warm) > 1 else None
    expected = checks * (args.minutes * 60) / 300
    summary = {
        "services": args.services, "entry_urls": checks, "minutes": args.minutes, "probes": len(rows),
        "probes_expected": round(expected), "failed_probes": sum(1 for r in rows if not r[1]),
        "lateness_s": {"p50": percentile(lateness, 50), "p95": percentile(lateness, 95), "p99": percentile(lateness, 99), "max": max(lateness) if lateness else None},
        "cpu_share_of_one_core_after_warmup": cpu_share,
        "rss_mb": {"after_warmup": warm[0]["rss_mb"] if warm else None, "end": samples[-1]["rss_mb"], "max": max(s["rss_mb"] for s in samples)},
        "managed_heap_mb_by_minute": heap,
        "samples": samples,
    }
    os.makedirs(os.path.join(HERE, "results"), exist_ok=True)
    out = os.path.join(HERE, "results", datetime.now(timezone.utc).strftime("%Y%m%dT%H%MZ") + ".json")
    with open(out, "w") as f:
        json.dump(summary, f, indent=1)
    print(json.dumps({k: v for k, v in summary.items() if k != "samples"}, indent=1))
    print("written to", out)


if __name__ == "__main__":
    main()
