"""Processes for the benchmark: gunicorn servers on loopback, wrk runs, and workers' memory."""

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(url: str, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=2).read()
            return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"bench: server at {url} did not answer within {timeout:.0f}s")


def gunicorn(app: str, port: int, workers: int, env: dict) -> subprocess.Popen:
    argv = [sys.executable, "-m", "gunicorn", app, "--bind", f"127.0.0.1:{port}", "--workers", str(workers)]
    argv += ["--pythonpath", str(BENCH), "--log-level", "warning"]
    return subprocess.Popen(argv, env=env, cwd=ROOT, start_new_session=True)


def stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)


def worker_pids(master: subprocess.Popen) -> list[int]:
    pids = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == master.pid:
            pids.append(int(stat.parent.name))
    return pids


def rss_kib(pid: int, key: str) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(key + ":"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def workers_rss(master: subprocess.Popen, key: str = "VmRSS") -> int:
    """The largest worker's RSS (VmRSS now, or VmHWM: its peak so far), in KiB."""
    return max((rss_kib(pid, key) for pid in worker_pids(master)), default=0)


def ensure_wrk() -> str:
    found = shutil.which("wrk")
    if found:
        return found
    if os.geteuid() == 0 and shutil.which("apt-get"):
        print("bench: installing wrk (apt-get install -y wrk)", file=sys.stderr)
        subprocess.run(["apt-get", "install", "-y", "-q", "wrk"], check=True, stdout=subprocess.DEVNULL)
        found = shutil.which("wrk")
    if not found:
        raise SystemExit("bench: wrk is not installed; install it (Debian: apt-get install wrk) and rerun")
    return found


def run_wrk(wrk: str, url: str, seconds: float, connections: int, miss: bool, random_offset: int = 0) -> dict:
    env = {**os.environ, "BENCH_MISS": "1" if miss else "0", "BENCH_RANDOM_OFFSET": str(random_offset)}
    argv = [wrk, "-t1", f"-c{connections}", f"-d{max(1, round(seconds))}s", "--timeout", "10s"]
    argv += ["-s", str(BENCH / "wrk_report.lua"), url]
    output = subprocess.run(argv, env=env, capture_output=True, text=True, check=True).stdout
    line = next(line for line in output.splitlines() if line.startswith("BENCH "))
    data = json.loads(line[len("BENCH ") :])
    data["rps"] = data["requests"] / (data["duration_us"] / 1e6)
    return data
