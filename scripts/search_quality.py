#!/usr/bin/env python3
"""Search quality and bytes per query, measured the way a reader searches: known-item queries typed into a built
site's /search/ page in headless Chromium. Works for Qanda's own search and for Pagefind's UI alike.

    search_quality.py --csv COUNSEL_CHAT.csv --qanda QANDA [--site-out DIR] [--report FILE] [--queries 240]
                      [--seed 20] [--gzip] [--one-visit] [--paste] [--ui auto|qanda|pagefind]
                      [--input-selector CSS] [--results-selector CSS] [--label NAME] [--build-args ARGS]

1. The site. The CounselChat CSV (2,129 answers to 815 questions, kept outside the repository) becomes a Qanda
   site folder (--site-out, default search-quality-results/site): one thread per questionID, in ID order. Title,
   question text and category (the topic, as it is) come from the ID's first row (18 IDs also have rows of a
   second question: those rows are answers of the first); every row is one answer (answerText, votes = upvotes)
   by the therapist of therapistURL (id = its last segment; name = the start of therapistInfo that spells the
   id, the rest is the role). Slugs are made from the title (the questionID appended when two titles make the
   same slug). Dates are fixed: question N is dated 2019-01-01 + N days at 09:00 UTC, its answers a day later.
   Markdown characters are escaped, so the page shows the text as the CSV has it. The same CSV always gives the
   same files. The folder is replaced on the next run only if this script wrote it (it holds a marker file).
2. The build and the server. `QANDA build --site DIR --no-cache` writes DIR/Site, served from a loopback HTTP
   server: plain, or with --gzip text files gzip-compressed as most hosts send them.
3. The queries: --queries known-item queries (seeded by --seed), in four equal kinds, shuffled together:
   - `question`: 2-5 words the reader remembers of the thread's title or question text;
   - `answer`: the same of its best answer (most upvotes; the first on ties);
   - `form`: a `question` or `answer` query with one word swapped for another form of it from the corpus
     vocabulary (one stem of 4 letters or more with another ending from ENDINGS: anxious/anxiety,
     worrying/worried, figure/figures), no stemmer used;
   - `prefix`: a `question` or `answer` query whose last word (6 letters or more) is cut to its first half.
   Remembered words: different words of the text (3 letters or more, not in STOP, no apostrophe), drawn with a
   weight of df^-0.75 (df: how many threads use the word), put in the text's order, lower case. The weight was
   chosen so that Pagefind does on these queries about as well as on the issue's hidden evaluation. Threads with
   the same title and question text as another thread are never the expected one (both would be right).
4. The reader. The home page is opened first (what it loads is the site's, not the search's). Then for each
   query, by default as a first visit: the browser cache is emptied, /search/ opened, the input (--input-selector)
   clicked and the query typed key by key (--paste: set at once, with one input event). The results have settled
   when the server is answering nothing and the links stayed the same for 0.8 s (at most 15 s). The result links
   are the links under --results-selector whose path is /questions/<slug>/, deduplicated, in document order.
   --one-visit instead types every query into one page, emptying the box (Ctrl+A, Backspace) between them, with
   the cache kept. --ui auto (default) picks Pagefind UI's selectors (`.pagefind-ui__search-input`,
   `.pagefind-ui__results`) when the output has pagefind/, else Qanda's (`#search input[type=search]`, `#search`).
5. The figures: the share of queries with the expected thread in the top 5; MRR@10 (1/rank of the expected thread
   among the first 10 links, 0 when absent); bytes per query, median and mean; the first query's bytes, engine
   included; the same per kind. Bytes are counted at the server (status line, headers and body as sent), since
   Pagefind fetches from a Web Worker that the page's DevTools log does not see; the search page's HTML and the
   files the home page also loads are left out. On first visits, the engine is the files that every query
   loaded, whatever its words (script, stylesheet, wasm, index metadata); "bytes per query" is the rest, what a
   later query of the same visit costs at most, and "first query" is the median of engine + rest. In one visit,
   the first query's bytes are the engine, and a later query's bytes are what it received.
   Writes the JSON report (--report, default search-quality-results/report.json: the figures, every query with
   its links, rank and files) and prints a Markdown table.

Needs python3 with selenium, /usr/bin/chromium and /usr/bin/chromedriver (`make check-site` installs them).
`make search-quality CSV=...` runs it on a release build (QANDA= another binary).
"""
import argparse
import csv
import functools
import gzip
import http.server
import io
import json
import os
import random
import re
import shutil
import signal
import statistics
import subprocess
import sys
import threading
import time
from collections import defaultdict
from urllib.parse import urlsplit, unquote

sys.dont_write_bytecode = True   # no __pycache__/ in scripts/ from importing check_browser
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
try:
    from check_browser import start_browser, load   # noqa: E402  (also sets SE_OFFLINE before Selenium loads)
    from selenium.webdriver.common.by import By      # noqa: E402
    from selenium.webdriver.common.keys import Keys  # noqa: E402
except ImportError as error:
    sys.exit(f"search_quality: {error}; `make check-site` installs Selenium and Chromium "
             "(or: pip install selenium; apt-get install chromium chromium-driver)")

KINDS = ("question", "answer", "form", "prefix")
MARKER = ".search-quality-site"
COLUMNS = ("questionID", "questionTitle", "questionText", "topic", "therapistInfo", "therapistURL", "answerText",
           "upvotes")
UI = {
    "pagefind": (".pagefind-ui__search-input", ".pagefind-ui__results"),
    "qanda": ("#search input[type=search], #search input", "#search"),
}
QUESTION_LINK = re.compile(r"/questions/([^/]+)/$")
WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)*")
# Words nobody remembers a thread by: never in a query.
STOP = set("""a about above after again against all am an and any are as at be because been before being below
between both but by can can't could did didn't do does doesn't doing don't down during each even ever every few
for from further get gets getting go going got had has have having he her here hers herself him himself his how i
i'd i'll i'm i've if in into is isn't it it's its itself just know like make me more most much my myself no nor not
now of off on once only or other our ours ourselves out over own really same she should so some such than that
that's the their theirs them themselves then there these they they're this those through to too under until up
us very was wasn't way we were what when where which while who whom why will with would you you're your yours
yourself yourselves also am im ive dont cant want wants wanted feel feels felt one two thing things lot still
something someone anything anyone always never""".split())


# ---------------------------------------------------------------------------------------------------------------
# The site (step 1)

def slugify(text):
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower().replace("'", "").replace("\u2019", "")).strip("-")
    return slug[:80].rstrip("-") or "question"


def yaml_string(value):
    return json.dumps(value, ensure_ascii=False)   # a JSON string is a valid double-quoted YAML scalar


def markdown_text(text):
    """Plain text as Markdown paragraphs that render as the same text (markup characters escaped)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")
    # Not inside web addresses: GitHub-flavored Markdown links them as they are, backslashes included.
    text = "".join(part if i % 2 else re.sub(r"([\\`*_\[\]<>#|~&])", r"\\\1", part)
                   for i, part in enumerate(re.split(r"((?:https?://|www\.)[^\s<>]+)", text)))
    paragraphs = [" ".join(line.split()) for line in text.split("\n")]
    # What starts a list, a heading underline or a thematic break only does so at the start of a paragraph.
    paragraphs = [re.sub(r"^(\d*)([-+=.)])", r"\1\\\2", p) for p in paragraphs if p]
    return "\n\n".join(paragraphs) + "\n"


def author_of(info, url):
    """(id, name, role) from therapistURL and therapistInfo ("Sherry Katz, LCSWCouples and Family Therapist")."""
    ident = slugify(url.rstrip("/").rsplit("/", 1)[-1]) if url else "anonymous-therapist"
    letters = re.sub(r"[^a-z]", "", ident)
    i = matched = 0   # the name is the start of the info that spells the id's letters
    while i < len(info) and matched < len(letters):
        if info[i].isalpha():
            if info[i].lower() != letters[matched]:
                break
            matched += 1
        i += 1
    if matched == len(letters) and i > 0:
        name, role = info[:i].strip(" ,"), info[i:].strip()
    else:
        name, role = " ".join(w.capitalize() for w in re.sub(r"-\d+$", "", ident).split("-")), info.strip()
    return ident, name or "Therapist", role


def read_threads(csv_path):
    with open(csv_path, encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        missing = [c for c in COLUMNS if c not in (reader.fieldnames or [])]
        if missing:
            sys.exit(f"search_quality: {csv_path} has no column {', '.join(missing)}; is it the CounselChat CSV?")
        rows = list(reader)
    by_id = defaultdict(list)
    for row in rows:
        by_id[int(row["questionID"])].append(row)
    threads, slugs = [], set()
    for qid in sorted(by_id):
        first = by_id[qid][0]
        slug = slugify(first["questionTitle"])
        if slug in slugs:
            slug = f"{slug}-{qid}"
        slugs.add(slug)
        answers = [{"text": r["answerText"], "votes": int(r["upvotes"] or 0),
                    "author": author_of(r["therapistInfo"], r["therapistURL"])} for r in by_id[qid]]
        threads.append({"id": qid, "slug": slug, "title": first["questionTitle"].strip(),
                        "text": first["questionText"], "category": first["topic"] or "uncategorized",
                        "answers": answers})
    return threads


def write_site(threads, out):
    marker = os.path.join(out, MARKER)
    if os.path.exists(out) and os.listdir(out):
        if not os.path.isfile(marker):
            sys.exit(f"search_quality: {out} is not empty and was not written by this script (no {MARKER}); "
                     "choose another --site-out")
        shutil.rmtree(os.path.join(out, "Content"), ignore_errors=True)
    os.makedirs(os.path.join(out, "Content", "questions"))
    with open(marker, "w", encoding="utf-8") as f:
        f.write("Written by scripts/search_quality.py; replaced by its next run.\n")
    os.makedirs(os.path.join(out, "Content", "authors"))
    with open(os.path.join(out, "qanda.yml"), "w", encoding="utf-8") as f:
        f.write("# Written by scripts/search_quality.py from the CounselChat CSV.\n"
                "title: CounselChat\nbase_url: http://localhost/\npublisher: CounselChat\nlanguage: en\n"
                "citation:\n  genre: forum-post\nmedical: true\npage_size: 20\n")
    authors = {}
    for t in threads:
        folder = os.path.join(out, "Content", "questions", t["slug"])
        os.makedirs(folder)
        day = 17897 + t["id"]   # days since 1970-01-01: 17897 is 2019-01-01
        date = time.strftime("%Y-%m-%d", time.gmtime(day * 86400))
        answer_date = time.strftime("%Y-%m-%d", time.gmtime((day + 1) * 86400))
        with open(os.path.join(folder, "question.md"), "w", encoding="utf-8") as f:
            f.write(f"---\ntitle: {yaml_string(t['title'])}\ndate: {date}T09:00:00Z\n"
                    f"category: {yaml_string(t['category'])}\n---\n{markdown_text(t['text'])}")
        for n, a in enumerate(t["answers"], 1):
            ident, name, role = a["author"]
            authors.setdefault(ident, (name, role))
            with open(os.path.join(folder, f"answer-{n}.md"), "w", encoding="utf-8") as f:
                f.write(f"---\nauthor: {ident}\ndate: {answer_date}T09:00:00Z\nvotes: {a['votes']}\n---\n"
                        f"{markdown_text(a['text'])}")
    for ident, (name, role) in sorted(authors.items()):
        words = name.split(",")[0].split()
        with open(os.path.join(out, "Content", "authors", ident + ".md"), "w", encoding="utf-8") as f:
            f.write(f"---\nname: {yaml_string(name)}\ngiven: {yaml_string(words[0])}\n"
                    f"family: {yaml_string(' '.join(words[1:]) or words[0])}\n"
                    + (f"role: {yaml_string(role[:200])}\n" if role else "") + "---\nA therapist on CounselChat.\n")


# ---------------------------------------------------------------------------------------------------------------
# The queries (step 3)

def words_of(text):
    return [w.lower().replace("\u2019", "'") for w in WORD.findall(text.replace("\u2019", "'"))]


def content_word(w):
    return len(w) >= 3 and w not in STOP and "'" not in w


def remembered(rng, words, df):
    """2-5 different content words of the text, in the text's order, each drawn with a weight of 1/df (a reader
    remembers what is particular to the thread more than what every thread says); None when the text has fewer
    than two."""
    candidates = list(dict.fromkeys(w for w in words if content_word(w) and w.isalpha()))
    if len(candidates) < 2:
        return None
    chosen = set()
    for _ in range(min(rng.randint(2, 5), len(candidates))):
        pool = [w for w in candidates if w not in chosen]
        chosen.add(rng.choices(pool, weights=[df[w] ** -0.75 for w in pool])[0])
    return [w for w in candidates if w in chosen]


# Endings that make another form of an English word (inflections and common derivations): two corpus words are
# forms of each other when they are one stem of 4 letters or more with two of these endings.
ENDINGS = set("""e s es ed d ing ings er ers or ors ly y ies ied ying ion ions ive ous ety ity ities ment ments ness
al ally ful ate ated ating ation ations ism ist ists ic ical able ably ence ent ance ant ize ized izing""".split()) | {""}


def other_forms(vocabulary):
    """word -> other words of the corpus that look like forms of it (same stem, two endings from ENDINGS)."""
    by_stem = defaultdict(set)
    for w in vocabulary:
        if w.isalpha():
            for cut in range(4, len(w) + 1):
                if w[cut:] in ENDINGS:
                    by_stem[w[:cut]].add(w)
    forms = defaultdict(set)
    for group in by_stem.values():
        for a in group:
            forms[a] |= group - {a}
    return {w: sorted(f) for w, f in forms.items() if f}


def make_queries(threads, count, seed):
    rng = random.Random(seed)
    counts = defaultdict(int)
    for t in threads:
        for w in set(words_of(t["title"] + " " + t["text"] + " " + " ".join(a["text"] for a in t["answers"]))):
            counts[w] += 1
    forms = other_forms([w for w, c in counts.items() if c >= 2])
    same_question = defaultdict(int)
    for t in threads:
        same_question[(t["title"], t["text"])] += 1
    targets = [t for t in threads if same_question[(t["title"], t["text"])] == 1]

    def source(t, which):
        if which == "question":
            return words_of(t["title"]) if rng.random() < 0.5 else words_of(t["text"])
        best = max(t["answers"], key=lambda a: a["votes"])   # max keeps the first on ties
        return words_of(best["text"])

    queries = []
    per_kind = [count // len(KINDS) + (1 if i < count % len(KINDS) else 0) for i in range(len(KINDS))]
    for kind, wanted in zip(KINDS, per_kind):
        made = 0
        while made < wanted:
            t = rng.choice(targets)
            which = kind if kind in ("question", "answer") else rng.choice(("question", "answer"))
            span = remembered(rng, source(t, which), counts)
            if span is None:
                continue
            if kind == "form":
                swappable = [i for i, w in enumerate(span) if content_word(w) and w in forms]
                if not swappable:
                    continue
                i = rng.choice(swappable)
                span = span[:i] + [rng.choice(forms[span[i]])] + span[i + 1:]
            elif kind == "prefix":
                if len(span[-1]) < 6:
                    continue
                span = span[:-1] + [span[-1][:(len(span[-1]) + 1) // 2]]
            queries.append({"kind": kind, "from": which, "query": " ".join(span), "expected": t["slug"]})
            made += 1
    rng.shuffle(queries)   # kinds interleaved, so that none is favoured by what earlier queries cached
    return queries


# ---------------------------------------------------------------------------------------------------------------
# The server and the reader (steps 2 and 4)

class Traffic:
    """What the server sent: bytes per request (status line, headers and body), and requests still being answered.
    Counted at the server because Pagefind fetches from a Web Worker, which the page's DevTools log does not see;
    a request the browser answers from its cache never reaches the server and costs nothing, as for a reader."""

    def __init__(self):
        self.lock, self.sent, self.active = threading.Lock(), [], 0

    def take(self):
        """[(path, bytes)] of the requests answered since the last call."""
        with self.lock:
            sent, self.sent = self.sent, []
        return sent


class CountingWriter:
    def __init__(self, raw):
        self.raw, self.count = raw, 0

    def write(self, data):
        self.count += len(data)
        return self.raw.write(data)

    def __getattr__(self, name):
        return getattr(self.raw, name)


def serve(site, compress):
    """A quiet static server on 127.0.0.1 and a free port; with compress, gzip for text when asked for."""
    traffic = Traffic()

    class Handler(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def setup(self):
            super().setup()
            self.wfile = CountingWriter(self.wfile)

        def do_GET(self):
            with traffic.lock:
                traffic.active += 1
            before = self.wfile.count
            try:
                super().do_GET()
            finally:
                with traffic.lock:
                    traffic.active -= 1
                    traffic.sent.append((urlsplit(self.path).path, self.wfile.count - before))

        def send_head(self):
            path = self.translate_path(self.path)
            if os.path.isdir(path):
                path = os.path.join(path, "index.html")
            gz = (compress and "gzip" in self.headers.get("Accept-Encoding", "") and os.path.isfile(path)
                  and path.endswith((".html", ".js", ".css", ".json", ".svg", ".wasm", ".xml", ".txt", ".bin")))
            if not gz:
                return super().send_head()
            with open(path, "rb") as f:
                body = gzip.compress(f.read(), 6)
            self.send_response(200)
            self.send_header("Content-Type", self.guess_type(path))
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            return io.BytesIO(body)

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=site))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, traffic


def result_slugs(driver, selector):
    hrefs = driver.execute_script(
        "return [...document.querySelectorAll(arguments[0])].flatMap(r => [...r.querySelectorAll('a[href]')])"
        ".map(a => a.pathname)", selector)
    slugs = []
    for href in hrefs:
        m = QUESTION_LINK.search(unquote(href))
        if m and m.group(1) not in slugs:
            slugs.append(m.group(1))
    return slugs


def settle(driver, traffic, selector):
    """The result slugs once nothing is being served and they stayed the same for 0.8 s (at most 15 s)."""
    time.sleep(0.4)
    deadline, last, since = time.time() + 15, None, time.time()
    while time.time() < deadline:
        slugs = result_slugs(driver, selector)
        if slugs != last or traffic.active:
            last, since = slugs, time.time()
        elif time.time() - since >= 0.8:
            break
        time.sleep(0.1)
    return last or []


def open_search(driver, root, input_selector):
    load(driver, root + "search/")
    deadline = time.time() + 15
    while time.time() < deadline:
        found = driver.find_elements(By.CSS_SELECTOR, input_selector)
        if found and found[0].is_displayed():
            return found[0]
        time.sleep(0.1)
    sys.exit(f"search_quality: no search input ({input_selector}) on {root}search/ within 15 s")


def run_queries(driver, traffic, root, queries, input_selector, results_selector, one_visit, paste):
    """Types every query and sets its results and files ([(path, bytes)] received for it, beyond the search
    page's HTML and the files the home page loads too)."""
    load(driver, root)   # the home page: the site's own stylesheet, scripts and icons are not the search's
    time.sleep(0.5)
    site_paths = {path for path, _ in traffic.take()} | {"/search/"}
    box = None
    for q in queries:
        if one_visit and box is not None:
            box.send_keys(Keys.CONTROL, "a")
            box.send_keys(Keys.BACKSPACE)
        else:   # a first visit: nothing cached, nothing in the page's memory
            driver.execute_cdp_cmd("Network.clearBrowserCache", {})
            traffic.take()
            box = open_search(driver, root, input_selector)
        box.click()
        if paste:   # the whole query at once, one input event
            driver.execute_script("arguments[0].value = arguments[1];"
                                  "arguments[0].dispatchEvent(new Event('input', {bubbles: true}))", box, q["query"])
        else:
            box.send_keys(q["query"])
        q["results"] = settle(driver, traffic, results_selector)
        q["files"] = [(p, b) for p, b in traffic.take() if p not in site_paths]


# ---------------------------------------------------------------------------------------------------------------
# The figures (step 5)

def split_engine(queries, one_visit):
    """Sets each query's engine bytes (files every query loads, whatever its words: script, stylesheet, wasm,
    index metadata) and bytes (the rest: what depends on the words). In one visit the engine is the first
    query's alone, and a later query's bytes are what it received."""
    if one_visit:
        for i, q in enumerate(queries):
            q["engine_bytes"], q["bytes"] = 0, sum(b for _, b in q["files"])
        queries[0]["engine_bytes"], queries[0]["bytes"], queries[0]["first"] = queries[0]["bytes"], 0, True
        return sorted({p for p, _ in queries[0]["files"]})
    engine = set.intersection(*({p for p, _ in q["files"]} for q in queries))
    for q in queries:
        q["engine_bytes"] = sum(b for p, b in q["files"] if p in engine)
        q["bytes"] = sum(b for p, b in q["files"] if p not in engine)
    return sorted(engine)


def figures(queries, one_visit):
    ranks = []
    for q in queries:
        rank = q["results"].index(q["expected"]) + 1 if q["expected"] in q["results"] else None
        q["rank"] = rank
        ranks.append(rank)
    later = [q["bytes"] for q in queries if not q.get("first")] or [0]
    return {
        "queries": len(queries),
        "top5": sum(1 for r in ranks if r and r <= 5) / len(ranks),
        "mrr10": sum(1 / r for r in ranks if r and r <= 10) / len(ranks),
        "median_bytes": statistics.median(later),
        "mean_bytes": statistics.mean(later),
        # On a first visit every query is a first query: the median of them; in one visit, the first one's.
        "first_query_bytes": statistics.median([q["engine_bytes"] + q["bytes"] for q in queries
                                                if q.get("first") or not one_visit] or [0]),
    }


def kb(n):
    return f"{n / 1000:,.1f} KB"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--csv", required=True, help="the CounselChat CSV (20200325_counsel_chat.csv)")
    ap.add_argument("--qanda", required=True, help="the qanda binary that builds the site")
    ap.add_argument("--site-out", default="search-quality-results/site")
    ap.add_argument("--report", default="search-quality-results/report.json")
    ap.add_argument("--queries", type=int, default=240)
    ap.add_argument("--seed", type=int, default=20)
    ap.add_argument("--gzip", action="store_true", help="serve text files gzip-compressed")
    ap.add_argument("--one-visit", action="store_true",
                    help="all queries in one page, cache kept, box emptied between them (default: each query on a "
                         "first visit)")
    ap.add_argument("--paste", action="store_true",
                    help="put each query into the box at once (one input event) instead of typing it key by key")
    ap.add_argument("--ui", choices=["auto", *sorted(UI)], default="auto",
                    help="selector defaults: pagefind, qanda, or auto (pagefind when the output has pagefind/)")
    ap.add_argument("--input-selector")
    ap.add_argument("--results-selector")
    ap.add_argument("--label", help="the name in the report (default: the UI and the binary's version)")
    ap.add_argument("--build-args", default="", help="more arguments for `qanda build`")
    args = ap.parse_args()

    if not os.path.isfile(args.csv):
        sys.exit(f"search_quality: no CSV at {args.csv}; give the CounselChat file (20200325_counsel_chat.csv)")
    if not os.access(args.qanda, os.X_OK):
        sys.exit(f"search_quality: {args.qanda} is not an executable; build it (make release) or pass --qanda")
    threads = read_threads(args.csv)
    write_site(threads, args.site_out)
    output = os.path.join(args.site_out, "Site")
    version = subprocess.run([args.qanda, "--version"], capture_output=True, text=True).stdout.strip()
    started = time.time()
    build = subprocess.run([args.qanda, "build", "--site", args.site_out, "--no-cache", *args.build_args.split()],
                           capture_output=True, text=True)
    build_seconds = time.time() - started
    if build.returncode != 0:
        sys.exit(f"search_quality: `{args.qanda} build --site {args.site_out}` failed "
                 f"(exit {build.returncode}):\n{build.stderr[-4000:]}")
    ui = args.ui if args.ui != "auto" else "pagefind" if os.path.isdir(os.path.join(output, "pagefind")) else "qanda"
    input_selector = args.input_selector or UI[ui][0]
    results_selector = args.results_selector or UI[ui][1]
    queries = make_queries(threads, args.queries, args.seed)

    server, traffic = serve(os.path.abspath(output), args.gzip)
    root = f"http://127.0.0.1:{server.server_address[1]}/"
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))   # so that `kill` still closes the browser
    driver = start_browser()
    try:
        run_queries(driver, traffic, root, queries, input_selector, results_selector, args.one_visit, args.paste)
    finally:
        driver.quit()
        server.shutdown()
        server.server_close()

    engine = split_engine(queries, args.one_visit)
    first = queries[0]
    report = {
        "label": args.label or f"{ui} UI, qanda {version}",
        "qanda": args.qanda, "version": version, "gzip": args.gzip, "seed": args.seed,
        "threads": len(threads), "answers": sum(len(t["answers"]) for t in threads),
        "build_seconds": round(build_seconds, 1),
        "input_selector": input_selector, "results_selector": results_selector,
        "one_visit": args.one_visit, "paste": args.paste,
        "all": figures(queries, args.one_visit),
        "kinds": {k: figures([q for q in queries if q["kind"] == k], args.one_visit) for k in KINDS},
        "engine": [{"path": p, "bytes": b} for p, b in first["files"] if p in engine],
        "queries": queries,
    }
    os.makedirs(os.path.dirname(os.path.abspath(args.report)), exist_ok=True)
    with open(args.report, "w", encoding="utf-8") as f:
        json.dump(report, f, indent=1, ensure_ascii=False)

    print(f"### Search quality: {report['label']}, CounselChat ({report['threads']} threads, "
          f"{report['answers']} answers), {len(queries)} queries (seed {args.seed}), "
          f"{'pasted' if args.paste else 'typed'}, {'one visit' if args.one_visit else 'each on a first visit'}, "
          f"{'gzip' if args.gzip else 'no compression'}\n")
    print("| queries | n | top 5 | MRR@10 | median bytes/query | mean bytes/query | first query, engine included |\n"
          "|---|---:|---:|---:|---:|---:|---:|")
    for name, fig in [("all", report["all"])] + list(report["kinds"].items()):
        print(f"| {name} | {fig['queries']} | {fig['top5']:.1%} | {fig['mrr10']:.3f} | {kb(fig['median_bytes'])} "
              f"| {kb(fig['mean_bytes'])} | {kb(fig['first_query_bytes']) if name == 'all' else '-'} |")
    engine_files = ", ".join(f"{e['path'].rsplit('/', 1)[-1]} {kb(e['bytes'])}" for e in report["engine"])
    what = "The first query's files" if args.one_visit else "Engine (loaded whatever the words)"
    print(f"\n{what}: {engine_files or 'none'}. Build: {report['build_seconds']} s. "
          f"Report: {args.report}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
