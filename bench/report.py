"""The benchmark's markdown report: the table, the targets checked against it, the RSS soak."""

import contextlib
import datetime as dt
import os
import platform
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def machine() -> str:
    cpu = "unknown CPU"
    with contextlib.suppress(OSError, StopIteration):
        cpu = next(
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        )
    mem_gib = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return f"{cpu}, {os.cpu_count()} cores, {mem_gib:.0f} GiB RAM, {platform.system()} {platform.release()}"


def fmt_rps(result: dict | None) -> str:
    return "—" if not result else f"{result['rps']:,.0f}"


def fmt_lat(result: dict | None) -> str:
    if not result:
        return "—"
    bad = result["errors"] + result["status_errors"]
    note = f" ({bad} errors)" if bad else ""
    return f"{result['p50_us'] / 1000:.1f} / {result['p99_us'] / 1000:.1f}{note}"


def ratio(a: dict | None, b: dict | None) -> str:
    return "—" if not a or not b or not b["rps"] else f"{a['rps'] / b['rps']:.2f}"


def report(args, all_scenarios: list, soak: list[tuple[float, int]], started: dt.datetime) -> str:
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
    ).stdout.strip()
    lines = [
        "# Benchmark results",
        "",
        f"- Date: {started:%Y-%m-%d %H:%M} UTC; commit `{commit or 'unknown'}`",
        f"- Machine: {machine()}",
        f"- Catalog: {args.spacecraft:,} synthetic spacecraft (`hangar generate --seed {args.seed}`), "
        f"{args.database}; response cache: {args.cache}",
        f"- Server: gunicorn, {args.workers} sync workers, loopback; load: wrk, 1 thread, "
        f"{args.connections} connections; each cell is the best of {args.rounds} interleaved "
        f"{args.duration:g} s rounds (the machine is shared; the best round is the least disturbed)",
        "- **ceiling**: a minimal WSGI app on the same gunicorn returning the same bytes precomputed. "
        "**hit**: the same URL again (response cache). **miss**: a unique ignored parameter per request, "
        "so every request renders (nested-object fragments and counts stay warm, as they do between "
        "writes). **baseline**: DRF nested ModelSerializers with select_related/prefetch_related, "
        "also a miss per request.",
        "- Latency is p50 / p99 in ms; queries are SQL statements per request; RSS is the largest "
        "worker's peak. **cold**: the first request after a write (no cached page, count or fragment), "
        "timed in process, with its query count.",
        "",
        "| scenario | ceiling req/s | hit req/s | hit p50/p99 | miss req/s | miss p50/p99 | baseline "
        "req/s | baseline p50/p99 | hit ÷ ceiling | miss ÷ baseline | queries hit / miss / baseline "
        "| cold ms (queries) | peak RSS MiB |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for s in all_scenarios:
        r = s.results
        queries = (
            f"{r.get('queries_hit', '—')} / {r.get('queries_miss', '—')} / {r.get('queries_baseline', '—')}"
        )
        lines.append(
            f"| {s.name} | {fmt_rps(r.get('ceiling'))} | {fmt_rps(r.get('hit'))} | {fmt_lat(r.get('hit'))} "
            f"| {fmt_rps(r.get('miss'))} | {fmt_lat(r.get('miss'))} | {fmt_rps(r.get('baseline'))} "
            f"| {fmt_lat(r.get('baseline'))} | {ratio(r.get('hit'), r.get('ceiling'))} "
            f"| {ratio(r.get('miss'), r.get('baseline'))} | {queries} "
            f"| {r.get('cold_ms', 0):.0f} ({r.get('queries_cold', '—')}) | {r.get('rss_kib', 0) / 1024:.0f} |"
        )
    lines += ["", "## Targets (ratios within this run)", ""]
    lines += targets(args, all_scenarios)
    if soak:
        lines += [
            "",
            f"## Worker RSS under {args.soak:.0f} s of miss load"
            " (limit=100, random pages, normal and detailed in turn)",
            "",
        ]
        lines.append("| elapsed s | largest worker RSS MiB |")
        lines.append("|---:|---:|")
        lines += [f"| {t:.0f} | {kib / 1024:.1f} |" for t, kib in soak]
    return "\n".join(lines) + "\n"


def targets(args, all_scenarios: list) -> list[str]:
    out = []
    hits = [
        s for s in all_scenarios if s.results.get("hit") and s.results.get("ceiling", {}).get("rps", 0) > 0
    ]
    if hits:
        worst = min(hits, key=lambda s: s.results["hit"]["rps"] / s.results["ceiling"]["rps"])
        low = [s.name for s in hits if s.results["hit"]["rps"] < 0.5 * s.results["ceiling"]["rps"]]
        value = worst.results["hit"]["rps"] / worst.results["ceiling"]["rps"]
        verdict = "met" if not low else f"NOT met for {len(low)} of {len(hits)} scenarios"
        out.append(f"- Cache hit ≥ 50% of the ceiling: **{verdict}** (lowest {value:.0%}, {worst.name}).")
    big = next((s for s in all_scenarios if s.name == "list, limit=100"), None)
    if big and big.results.get("miss") and big.results.get("baseline"):
        miss, baseline = big.results["miss"]["rps"], big.results["baseline"]["rps"]
        if not (miss and baseline):
            verdict, value = "not measured (a variant completed no request)", 0.0
        else:
            value = miss / baseline
            verdict = "met" if value >= 20 else f"NOT met ({value:.1f}×, {20 / value:.1f}× short)"
        out.append(f"- Miss, limit=100 normal ≥ 20× the prefetching DRF view: **{verdict}** ({value:.1f}×).")
    out += detailed_target(all_scenarios)
    uncached = [s for s in all_scenarios if s.kind != "list" and s.results.get("miss")]
    # A round in which no request completed counts as slow: its p99 is unknown, not zero.
    slow = [
        s for s in uncached if s.results["miss"]["p99_us"] >= 100_000 or not s.results["miss"]["requests"]
    ]
    scale = f"{args.spacecraft:,} spacecraft on {args.database}"
    if uncached:
        verdict = (
            "met"
            if not slow
            else "NOT met for "
            + ", ".join(f"{s.name} ({s.results['miss']['p99_us'] / 1000:.0f} ms)" for s in slow)
        )
        out.append(
            f"- Uncached p99 < 100 ms for filters, search, orderings, deep offset ({scale}): **{verdict}**."
        )
    return out


def detailed_target(all_scenarios: list) -> list[str]:
    """Detailed limit=100 against normal limit=100, both misses: median latency ratio, and whether its
    query count is bounded (the same per page whatever the page size, checked by the test suite)."""
    by_name = {s.name: s for s in all_scenarios}
    detailed, normal = by_name.get("detailed, limit=100"), by_name.get("list, limit=100")
    if not detailed or not normal:
        return []
    d, n = detailed.results.get("miss"), normal.results.get("miss")
    if not (d and n and d["requests"] and n["requests"]):
        return [
            "- Detailed limit=100 bounded and ≤ 3× the normal miss: **not measured** (no request completed)."
        ]
    value = d["p50_us"] / n["p50_us"]
    verdict = "met" if value <= 3 else f"NOT met ({value / 3:.1f}× over)"
    return [
        f"- Detailed limit=100 bounded and ≤ 3× the normal miss: **{verdict}** (miss p50 "
        f"{d['p50_us'] / 1000:.1f} ms vs {n['p50_us'] / 1000:.1f} ms = {value:.1f}×; throughput "
        f"{n['rps'] / d['rps']:.1f}× lower; {detailed.results.get('queries_miss', '—')} queries per miss, "
        f"{detailed.results.get('queries_cold', '—')} cold, a constant: see tests/ingest/test_generate.py)."
    ]
