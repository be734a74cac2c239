#!/usr/bin/env python3
"""Two qanda binaries on the same corpus, run after one another in alternating order: clean builds without and
with search, and a one-edit rebuild with search on each one's fresh cache. Prints the median of each row. This is
how a change that must not be slower is measured (`make bench-compare OLD=... NEW=...`): alternating runs cancel
the slow drift of a shared machine, and outputs go to a tmpfs (/dev/shm when there is one), so that the inode
effects docs/PERFORMANCE.md describes do not favour the binary that runs second.

    scripts/bench_compare.py OLD NEW [--questions 10000] [--runs 5] [--corpus-tool .build/release/qanda-corpus]
"""
import argparse, os, shutil, statistics, subprocess, tempfile, time

parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
parser.add_argument("old")
parser.add_argument("new")
parser.add_argument("--questions", type=int, default=10000)
parser.add_argument("--runs", type=int, default=5)
parser.add_argument("--corpus-tool", default=".build/release/qanda-corpus")
args = parser.parse_args()

base = tempfile.mkdtemp(prefix="qanda-compare-", dir="/dev/shm" if os.path.isdir("/dev/shm") else None)
corpus = os.path.join(base, "corpus")
subprocess.run([args.corpus_tool, "--questions", str(args.questions), "--out", corpus, "--quiet"], check=True)
binaries = {"old": os.path.abspath(args.old), "new": os.path.abspath(args.new)}
rows = ("clean", "clean with search", "one edit with search")
times = {name: {row: [] for row in rows} for name in binaries}
for name in binaries:
    shutil.copytree(corpus, os.path.join(base, name, "site"))


def build(binary, site, out, flags):
    started = time.perf_counter()
    subprocess.run([binary, "build", "--site", site, "--output", out] + flags, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - started


try:
    for run in range(args.runs):
        order = list(binaries.items())
        for name, binary in (order if run % 2 == 0 else order[::-1]):
            site, out = os.path.join(base, name, "site"), os.path.join(base, name, "out")
            for row, flags in (("clean", ["--no-search"]), ("clean with search", [])):
                shutil.rmtree(out, ignore_errors=True)
                shutil.rmtree(os.path.join(site, ".qanda-cache"), ignore_errors=True)
                times[name][row].append(build(binary, site, out, flags))
            thread = os.path.join(site, "Content/questions", sorted(os.listdir(os.path.join(site, "Content/questions")))[7])
            with open(os.path.join(thread, "question.md"), "a") as question:
                question.write(f"\nEdited in run {run}.\n")
            times[name]["one edit with search"].append(build(binary, site, out, []))
    print(f"{args.questions} questions, {args.runs} alternating runs each; median (all runs) in seconds")
    for row in rows:
        old, new = statistics.median(times["old"][row]), statistics.median(times["new"][row])
        print(f"{row:22} old {old:6.2f}  new {new:6.2f}  new/old {new / old:5.3f}   "
              f"old: {' '.join(f'{t:.2f}' for t in times['old'][row])}   new: {' '.join(f'{t:.2f}' for t in times['new'][row])}")
finally:
    shutil.rmtree(base, ignore_errors=True)
