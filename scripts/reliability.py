#!/usr/bin/env python3
"""Faults and very large inputs, run against the release binary (issue 8; docs/RELIABILITY.md has the table).

  kill -9 at random moments of full and of incremental builds: afterwards the output folder must hold the
  previous complete site or the new one, and the next build must succeed and leave no temporary folder;
  an output folder the build may not write; a file size limit (ulimit -f) as a full disk; content deleted or
  changed while a build runs; a 50 MB answer; 100,000 answers in one thread; 10,000-character words; text in
  every script, right-to-left, emoji and NUL. The large inputs are built with the search index, which must find
  the thread and stay within the same bounds (LARGE_SECONDS, LARGE_MEMORY_MIB).

Usage: scripts/reliability.py [--bin PATH] [--corpus PATH] [--questions N] [--kills N] [--skip-large] [--out DIR]
The site is made by qanda-corpus (--corpus, default: beside --bin) with --seed 1.
Prints one line per case and writes DIR/latest.md; exits 1 when a case failed.
"""
import argparse, hashlib, os, random, shutil, signal, subprocess, sys, tempfile, time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
results = []  # (case, tried, outcome, passed)


def run(args, **kw):
    env = dict(os.environ, CI="true")
    return subprocess.run(args, capture_output=True, text=True, env=env, **kw)


def snapshot(folder):
    """Relative path -> digest of every file under folder (None when it does not exist)."""
    if not os.path.isdir(folder):
        return None
    files = {}
    for root, _, names in os.walk(folder):
        for name in names:
            path = os.path.join(root, name)
            with open(path, "rb") as f:
                files[os.path.relpath(path, folder)] = hashlib.sha1(f.read()).hexdigest()
    return files


def leftovers(output):
    parent, name = os.path.split(output)
    prefix = "." + name + ".qanda-"
    return [n for n in os.listdir(parent) if n.startswith(prefix) and n != prefix + "lock"]


def record(case, tried, outcome, passed):
    results.append((case, tried, outcome, passed))
    print(("PASS " if passed else "FAIL ") + f"{case}: {outcome} ({tried} tried)", flush=True)


class Versions:
    """Two versions of one site, A and B, that differ by an edited answer and a thread added in B."""

    def __init__(self, site, qanda, work):
        self.site, self.qanda, self.work = site, qanda, work
        questions = os.path.join(site, "Content", "questions")
        folder, answer = self.editable_thread(questions)
        self.answer = os.path.join(questions, folder, answer)
        with open(self.answer) as f:
            self.answer_a = f.read()
        self.extra = os.path.join(questions, "zz-reliability-added")
        self.extra_source = os.path.join(questions, folder)
        self.refs = {}
        for version in "AB":
            self.set(version)
            out = os.path.join(work, "ref-" + version)
            done = run([qanda, "build", "--site", site, "--output", out, "--no-search", "--no-cache"])
            assert done.returncode == 0, done.stderr
            self.refs[version] = snapshot(out)
        assert self.refs["A"] != self.refs["B"]

    @staticmethod
    def editable_thread(questions):
        """From the middle of the corpus on, the first published thread with a published answer that can be copied
        as a new thread: no aliases or slug of its own, which the copy would repeat (corpora have threads without
        answers, drafts and renamed threads)."""
        def front(path):
            with open(path, encoding="utf-8") as f:
                return f.read().split("\n---\n", 1)[0]
        folders = sorted(os.listdir(questions))
        for folder in folders[len(folders) // 2:] + folders[:len(folders) // 2]:
            question = front(os.path.join(questions, folder, "question.md"))
            if any(key in question for key in ("\ndraft: true", "\naliases:", "\nslug:")):
                continue
            answers = sorted(n for n in os.listdir(os.path.join(questions, folder)) if n.endswith(".md") and n != "question.md"
                             and "\ndraft: true" not in front(os.path.join(questions, folder, n)))
            if answers:
                return folder, answers[0]
        raise SystemExit("the corpus has no published thread with a published answer to edit")

    def set(self, version):
        with open(self.answer, "w") as f:
            f.write(self.answer_a + ("\nAn added sentence of version B.\n" if version == "B" else ""))
        if version == "B" and not os.path.exists(self.extra):
            shutil.copytree(self.extra_source, self.extra)
        if version == "A" and os.path.exists(self.extra):
            shutil.rmtree(self.extra)

    def which(self, output):
        state = snapshot(output)
        return next((v for v, ref in self.refs.items() if ref == state), "mixed" if state else "missing")


def kill_runs(versions, qanda, output, kills, extra_args, case, mixed_allowed=False):
    """Alternates A and B; each time a build is killed at a random moment, then built again to the end.
    In-place updates (the default for small edits) are not atomic: their count of mixed outputs is reported."""
    site = versions.site
    version = "A"
    versions.set(version)
    assert run([qanda, "build", "--site", site, "--output", output, "--no-search"] + extra_args).returncode == 0
    started = time.monotonic()
    versions.set("B")
    assert run([qanda, "build", "--site", site, "--output", output, "--no-search"] + extra_args).returncode == 0
    duration = time.monotonic() - started
    version = "B"
    outcomes = {"previous": 0, "new": 0, "mixed": 0, "missing": 0}
    failures = []
    for attempt in range(kills):
        target = "A" if version == "B" else "B"
        versions.set(target)
        process = subprocess.Popen([qanda, "build", "--site", site, "--output", output, "--no-search"] + extra_args,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=dict(os.environ, CI="true"))
        time.sleep(random.uniform(0, duration))
        process.send_signal(signal.SIGKILL)
        process.wait()
        state = versions.which(output)
        outcomes["previous" if state == version else "new" if state == target else state] += 1
        if state not in ("A", "B") and not (state == "mixed" and mixed_allowed):
            failures.append(f"kill {attempt + 1}: output {state}")
        again = run([qanda, "build", "--site", site, "--output", output, "--no-search"] + extra_args)
        if again.returncode != 0 or versions.which(output) != target:
            failures.append(f"kill {attempt + 1}: the next build exited {again.returncode} with {versions.which(output)}: {again.stderr[-300:]}")
        if leftovers(output):
            failures.append(f"kill {attempt + 1}: left {leftovers(output)}")
        print(f"  kill {attempt + 1}/{kills}: output {state} ({'previous' if state == version else 'new' if state == target else state}), next build {again.returncode}", flush=True)
        version = target
    summary = f"after the kill: previous site {outcomes['previous']}, new site {outcomes['new']}, mixed {outcomes['mixed']}, missing {outcomes['missing']}; next build complete and no temporary folder: {kills - len(failures)}/{kills}"
    record(case, kills, summary + ("; " + "; ".join(failures[:3]) if failures else ""), not failures)
    versions.set("A")


def unwritable_output(qanda, fixture, work):
    """The build runs as nobody: it may read the site but not write beside or into the output folder."""
    site = os.path.join(work, "ro-site")
    shutil.copytree(fixture, site)
    parent = os.path.join(work, "ro-parent")
    os.makedirs(parent)
    output = os.path.join(parent, "Site")
    assert run([qanda, "build", "--site", site, "--output", output, "--no-search"]).returncode == 0
    before = snapshot(output)
    for root, dirs, files in os.walk(work):
        os.chmod(root, 0o755)
    for root, dirs, files in os.walk(site):
        for name in files:
            os.chmod(os.path.join(root, name), 0o644)
    as_nobody = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]
    tried, failures = 0, []
    for label, args in [("full", ["--no-cache"]), ("incremental", [])]:
        tried += 1
        done = run(as_nobody + [qanda, "build", "--site", site, "--output", output, "--no-search"] + args)
        if done.returncode == 0 or "Permission denied" not in done.stderr or snapshot(output) != before:
            failures.append(f"{label}: exit {done.returncode}, {done.stderr.strip()[-200:]!r}")
        message = done.stderr.strip().splitlines()[-1] if done.stderr.strip() else ""
    record("output folder not writable", tried,
           f"exit 1, previous site unchanged; says: {message}" if not failures else "; ".join(failures), not failures)


def file_size_limit(versions, qanda, output):
    """ulimit -f stands in for a full disk: write(2) fails with EFBIG."""
    tried, failures, message = 0, [], ""
    for label, args in [("full", ["--no-cache"]), ("incremental", [])]:
        versions.set("A")
        assert run([qanda, "build", "--site", versions.site, "--output", output, "--no-search"]).returncode == 0
        versions.set("B")
        tried += 1
        command = f"ulimit -f 16; exec {qanda} build --site {versions.site} --output {output} --no-search {' '.join(args)}"
        done = run(["bash", "-c", command])
        state = versions.which(output)
        if done.returncode != 1 or "File too large" not in done.stderr or state != "A" or leftovers(output):
            failures.append(f"{label}: exit {done.returncode}, site {state}, left {leftovers(output)}, {done.stderr.strip()[-200:]!r}")
        message = done.stderr.strip().splitlines()[-1] if done.stderr.strip() else ""
        again = run([qanda, "build", "--site", versions.site, "--output", output, "--no-search"])
        if again.returncode != 0 or versions.which(output) != "B":
            failures.append(f"{label}: the next build exited {again.returncode}")
    versions.set("A")
    record("file size limit (full disk)", tried,
           f"exit 1, previous site unchanged, next build complete; says: {message}" if not failures else "; ".join(failures), not failures)


def changed_during_build(versions, qanda, output, runs):
    """A thread folder deleted and an answer rewritten at a random moment of a build."""
    site = versions.site
    versions.set("A")
    # Other threads link to the one deleted, and a broken link stops a build: `links: warn` keeps these builds
    # going, so that the next build can be compared with a clean one (what this case is about).
    config = os.path.join(site, "qanda.yml")
    with open(config) as f:
        original_config = f.read()
    with open(config, "a") as f:
        f.write("links: warn\n")
    assert run([qanda, "build", "--site", site, "--output", output, "--no-search"]).returncode == 0
    started = time.monotonic()
    assert run([qanda, "build", "--site", site, "--output", output, "--no-search", "--no-cache"]).returncode == 0
    duration = time.monotonic() - started
    questions = os.path.join(site, "Content", "questions")
    victims = sorted(os.listdir(questions))[:runs]
    outcomes, failures = {"succeeded": 0, "failed cleanly": 0}, []
    for index, victim in enumerate(victims):
        saved = os.path.join(os.path.dirname(site), "saved-" + victim)
        process = subprocess.Popen([qanda, "build", "--site", site, "--output", output, "--no-search"] + (["--no-cache"] if index % 2 else []),
                                   stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=dict(os.environ, CI="true"))
        time.sleep(random.uniform(0, duration))
        shutil.move(os.path.join(questions, victim), saved)
        with open(versions.answer, "a") as f:
            f.write(f"\nChanged during build {index}.\n")
        _, err = process.communicate()
        if process.returncode == 0:
            outcomes["succeeded"] += 1
        elif process.returncode == 1 and "error" in err:
            outcomes["failed cleanly"] += 1
        else:
            failures.append(f"run {index}: exit {process.returncode}: {err[-200:]!r}")
        # The next build must show the content as it is now, exactly as a build without the cache.
        reference = os.path.join(os.path.dirname(site), "reference")
        again = run([qanda, "build", "--site", site, "--output", output, "--no-search"])
        clean = run([qanda, "build", "--site", site, "--output", reference, "--no-search", "--no-cache"])
        if again.returncode != 0 or clean.returncode != 0 or snapshot(output) != snapshot(reference):
            failures.append(f"run {index}: the next build differs from a clean one (exit {again.returncode})")
        shutil.move(saved, os.path.join(questions, victim))
        versions.set("A")
    with open(config, "w") as f:
        f.write(original_config)
    record("content deleted and changed during a build", runs,
           f"build succeeded {outcomes['succeeded']}, stopped with an error {outcomes['failed cleanly']}; the next build equals a clean build: {runs - len(failures)}/{runs}"
           + ("; " + "; ".join(failures[:3]) if failures else ""), not failures)


# Bounds for one large input's build (search included) on a 2-core machine.
LARGE_SECONDS, LARGE_MEMORY_MIB = 300, 2_500


def large_inputs(qanda, work):
    def site(name, answers):
        base = os.path.join(work, name)
        os.makedirs(os.path.join(base, "Content", "questions", "q"))
        os.makedirs(os.path.join(base, "Content", "authors"))
        with open(os.path.join(base, "qanda.yml"), "w") as f:
            f.write("title: T\nbase_url: https://example.org/\npublisher: P\n")
        with open(os.path.join(base, "Content", "authors", "a.md"), "w") as f:
            f.write("---\nname: Ann Bee\ngiven: Ann\nfamily: Bee\n---\nBio.\n")
        with open(os.path.join(base, "Content", "questions", "q", "question.md"), "w") as f:
            f.write("---\ntitle: Q\ndate: 2020-01-01\ncategory: C\n---\nQuestion body.\n")
        answers(os.path.join(base, "Content", "questions", "q"))
        return base

    def huge_answer(folder):
        paragraph = "Some *emphasis*, a [link](https://example.org/x) and `code` in a paragraph of advice. " * 5 + "\n\n"
        with open(os.path.join(folder, "answer.md"), "w") as f:
            f.write("---\nauthor: a\ndate: 2020-01-02\n---\n" + paragraph * (50 * 1024 * 1024 // len(paragraph) + 1))

    def many_answers(folder):
        for number in range(100_000):
            with open(os.path.join(folder, f"answer-{number:06d}.md"), "w") as f:
                f.write(f"---\nauthor: a\ndate: 2020-01-02\nvotes: {number % 50}\n---\nAnswer number {number}.\n")

    def long_words(folder):
        words = " ".join(("x" * 10_000 + str(n)) for n in range(500)) + " " + "ünïcödé" * 2_000
        with open(os.path.join(folder, "answer.md"), "w") as f:
            f.write("---\nauthor: a\ndate: 2020-01-02\n---\nLongwords " + words + "\n")

    def every_script(folder):
        # A letter or two of every Unicode block up to the supplementary planes, RTL marks and text, emoji, NUL.
        letters = "".join(chr(c) for c in range(0x20, 0x2FFFF, 7) if not 0xD800 <= c < 0xE000)
        text = ("Scripts " + letters + " \u202eשלום עולם\u202c مرحبا 🙂👩‍👩‍👧 \u0000 end ") * 20
        with open(os.path.join(folder, "answer.md"), "w", encoding="utf-8", errors="surrogatepass") as f:
            f.write("---\nauthor: a\ndate: 2020-01-02\n---\n" + text + "\n")

    def finds(word):
        """The search index has the word's term in some shard (the thread is its only document)."""
        def check(out):
            folder = os.path.join(out, "search", "index")
            return any(word.encode() in open(os.path.join(folder, n), "rb").read()
                       for n in os.listdir(folder) if n.startswith("terms."))
        return check

    for case, maker, check in [
        ("a 50 MB answer", huge_answer, lambda out: os.path.getsize(os.path.join(out, "questions/q/index.html")) > 50_000_000
         and finds("emphasi")(out)),
        ("100,000 answers in one thread", many_answers,
         lambda out: os.path.exists(os.path.join(out, "questions/q/page/2000/index.html"))
         and not os.path.exists(os.path.join(out, "questions/q/page/2001/index.html")) and finds("99999")(out)),
        ("10,000-character words", long_words, lambda out: finds("longword")(out) and finds("x" * 40)(out)
         and not finds("x" * 41)(out)),
        ("every script, right-to-left text, emoji and NUL", every_script, lambda out: finds("שלום")(out) and finds("script")(out)),
    ]:
        base = site(case.split()[1].strip(","), maker)
        out = os.path.join(work, "out-" + case.split()[1].strip(","))
        started = time.monotonic()
        process = subprocess.Popen([qanda, "build", "--site", base, "--output", out],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=dict(os.environ, CI="true"))
        errors = process.stderr.read().decode(errors="replace")
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.monotonic() - started
        code = os.waitstatus_to_exitcode(status)
        memory = usage.ru_maxrss // 1024
        passed = code == 0 and check(out) and seconds < LARGE_SECONDS and memory < LARGE_MEMORY_MIB
        record(case, 1, f"built with its search index in {seconds:.1f} s, peak {memory} MiB" if code == 0
               else f"exit {code}: {errors[-300:]!r}", passed)
        shutil.rmtree(base)
        shutil.rmtree(out, ignore_errors=True)


def main():
    parser = argparse.ArgumentParser()
    default_bin = next((p for p in [os.path.join(REPO, ".build-site/release/qanda"), os.path.join(REPO, ".build/release/qanda")] if os.path.exists(p)), None)
    parser.add_argument("--bin", default=default_bin)
    parser.add_argument("--corpus", help="the qanda-corpus executable (default: beside --bin)")
    parser.add_argument("--questions", type=int, default=1000)
    parser.add_argument("--kills", type=int, default=20)
    parser.add_argument("--skip-large", action="store_true")
    parser.add_argument("--cases", default="kill-full,kill-atomic,kill-in-place,disk-full,changed,unwritable,large",
                        help="a comma-separated selection of the cases")
    parser.add_argument("--out", default=os.path.join(REPO, "reliability-results"))
    options = parser.parse_args()
    qanda = os.path.abspath(options.bin)
    random.seed(8)
    work = tempfile.mkdtemp(prefix="qanda-reliability-", dir="/tmp")
    os.chmod(work, 0o755)
    try:
        site = os.path.join(work, "site")
        corpus = os.path.abspath(options.corpus or os.path.join(os.path.dirname(qanda), "qanda-corpus"))
        subprocess.run([corpus, "--questions", str(options.questions), "--seed", "1", "--out", site, "--force", "--quiet"], check=True)
        versions = Versions(site, qanda, work)
        output = os.path.join(work, "out", "Site")
        os.makedirs(os.path.dirname(output))
        cases = set(options.cases.split(","))
        size = f"{options.questions:,} questions"
        if "kill-full" in cases:
            kill_runs(versions, qanda, output, options.kills, ["--no-cache"], f"kill -9 during full builds ({size})")
        if "kill-atomic" in cases:
            kill_runs(versions, qanda, output, options.kills, ["--atomic"], f"kill -9 during incremental builds, --atomic ({size})")
        if "kill-in-place" in cases:
            kill_runs(versions, qanda, output, options.kills, [], f"kill -9 during incremental builds in place ({size})", mixed_allowed=True)
        if "disk-full" in cases:
            file_size_limit(versions, qanda, output)
        if "changed" in cases:
            changed_during_build(versions, qanda, output, 6)
        if "unwritable" in cases:
            unwritable_output(qanda, os.path.join(REPO, "Tests/QandaEndToEndTests/Fixtures/basic"), work)
        if "large" in cases and not options.skip_large:
            large_inputs(qanda, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    os.makedirs(options.out, exist_ok=True)
    with open(os.path.join(options.out, "latest.md"), "w") as f:
        f.write("| Case | Tried | Outcome | Result |\n|---|---|---|---|\n")
        for case, tried, outcome, passed in results:
            f.write(f"| {case} | {tried} | {outcome} | {'pass' if passed else 'FAIL'} |\n")
    failed = [r for r in results if not r[3]]
    print(f"{len(results) - len(failed)} of {len(results)} cases passed; table in {options.out}/latest.md")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
