#!/usr/bin/env python3
"""Looks at a built Qanda site the way readers do: headless Chromium, driven by Selenium.

    check_browser.py --site OUT_DIR --base-url URL --results DIR --status FILE [--label NAME]
                     [--thread questions/SLUG/|auto] [--author authors/ID/] [--search-only] [--direction ltr|rtl]

The site is served from a loopback HTTP server on a free port (stopped at the end). Home, a thread, an author
and the search page are opened at 1280 and 390 px, light and dark. For each view: a full-page PNG, axe-core
(serious or critical fails), SEVERE browser console messages (fail), at 390 px no horizontal scroll (fail), and
the page's direction (fail): <html dir> as --direction says, and the layout mirrored to match (the site's name,
first in the header, on the left of a left-to-right page and on the right of a right-to-left one).
Search, with real queries in Qanda's own search UI (the results view also gets axe, in light and dark): words
found only in the thread's answers; the same with the last word cut halfway; the URL form /search/?q=; a query of HTML and regex
characters (no error, no injected markup); and the page's stemmer and tokenizer (window.qandaSearch) against
PyPI snowballstemmer and the tokenizer rule of docs/SEARCH.md over the words of the site's pages.
With --search-only (the corpus site) only the search checks run.
Prints a Markdown section; appends "check|result|status" rows to --status; exits 1 when anything failed.
"""
import argparse
import base64
import functools
import gzip
import http.server
import importlib.util
import os
import re
import sys
import threading
import time
import unicodedata
from collections import Counter
from urllib.parse import quote, urlsplit, unquote

import snowballstemmer                         # the reference for the search page's stemmer

os.environ.setdefault("SE_OFFLINE", "true")   # Selenium Manager must not try to download a driver
from selenium import webdriver                 # noqa: E402
from selenium.webdriver.common.by import By    # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402

WIDTHS = (1280, 390)
SCHEMES = ("light", "dark")
IMPACTS = ("critical", "serious", "moderate", "minor")
SEARCH_INPUT = "#search-query"
IMAGE_EXT = (".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".svg", ".ico")


def axe_source():
    # axe-playwright-python is installed without its Playwright dependency, only for its current axe.min.js
    # (axe-selenium-python's copy is axe-core 3.1.1, from 2018).
    spec = importlib.util.find_spec("axe_playwright_python")
    with open(os.path.join(os.path.dirname(spec.origin), "axe.min.js"), encoding="utf-8") as f:
        return f.read()


def serve(site, base_path):
    """A quiet static server on 127.0.0.1 and a free port; the site appears under its base path."""
    class Handler(http.server.SimpleHTTPRequestHandler):
        def translate_path(self, path):
            path = urlsplit(path).path
            path = "/" + path[len(base_path):] if path.startswith(base_path) else "/__outside_base_path__"
            return super().translate_path(path)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=site))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def start_browser():
    options = webdriver.ChromeOptions()
    # --hide-scrollbars: scrollbars take no width, as on a phone, so 390 px of layout are 390 px of page.
    options.binary_location = "/usr/bin/chromium"
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--no-first-run", "--disable-extensions", "--hide-scrollbars"):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(options=options, service=Service("/usr/bin/chromedriver"))
    driver.set_script_timeout(60)
    driver.set_page_load_timeout(30)
    return driver


def set_view(driver, width, scheme):
    # Device metrics rather than the window size: a desktop window cannot be 390 px wide. mobile=False keeps
    # the layout viewport at the given width, so content that overflows shows up as horizontal scroll.
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": 900, "deviceScaleFactor": 1, "mobile": False})
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia",
                           {"features": [{"name": "prefers-color-scheme", "value": scheme}]})


def load(driver, url):
    driver.get_log("browser")   # drop messages left from the previous page
    driver.get(url)
    deadline = time.time() + 10
    while driver.execute_script("return document.readyState") != "complete" and time.time() < deadline:
        time.sleep(0.1)


def screenshot(driver, path):
    """A PNG of the whole page, not just the viewport."""
    size = driver.execute_cdp_cmd("Page.getLayoutMetrics", {})["cssContentSize"]
    shot = driver.execute_cdp_cmd("Page.captureScreenshot", {
        "format": "png", "captureBeyondViewport": True,
        "clip": {"x": 0, "y": 0, "width": size["width"], "height": size["height"], "scale": 1}})
    with open(path, "wb") as f:
        f.write(base64.b64decode(shot["data"]))


def run_axe(driver, source):
    if not driver.execute_script("return !!window.axe"):
        driver.execute_script(source)
    return driver.execute_async_script("""
        const done = arguments[arguments.length - 1];
        axe.run(document).then(r => done(r.violations.map(v => ({
            id: v.id, impact: v.impact, help: v.help,
            targets: v.nodes.map(n => n.target.join(' ')),
            html: v.nodes.length ? v.nodes[0].html.slice(0, 160) : '' }))),
          e => done([{id: 'axe-error', impact: 'critical', help: String(e), targets: []}]));
    """)


def overflow(driver):
    """(scrollWidth, innerWidth, the widest elements sticking out: on the right, or on the left of a right-to-left
    page, where its overflow goes)."""
    return driver.execute_script("""
        const w = window.innerWidth, out = [];
        for (const e of document.body.querySelectorAll('*')) {
          const r = e.getBoundingClientRect();
          const beyond = Math.max(r.right - w, -r.left);
          if (beyond > 1) out.push([Math.round(beyond), e.tagName.toLowerCase()
            + (e.id ? '#' + e.id : '') + (e.classList.length ? '.' + [...e.classList].join('.') : '')]);
        }
        out.sort((a, b) => b[0] - a[0]);
        return [document.documentElement.scrollWidth, w, out.slice(0, 5).map(o => o[1] + ' (' + o[0] + ' px out)')];
    """)


def direction_problem(driver, expected):
    """Why the page's direction is not `expected` ('ltr' or 'rtl'), or None: <html dir>, and where the site's name
    (the header's first item) sits."""
    found, title_middle, width = driver.execute_script("""
        const title = document.querySelector('.site-title');
        const r = title ? title.getBoundingClientRect() : null;
        return [document.documentElement.dir || 'ltr', r ? (r.left + r.right) / 2 : null, window.innerWidth];""")
    if found != expected:
        return f"<html dir> is '{found}', not '{expected}'"
    if title_middle is None:
        return "no .site-title to see the layout's direction by"
    on_right = title_middle > width / 2
    if on_right != (expected == "rtl"):
        return f"the site's name is on the {'right' if on_right else 'left'} ({title_middle:.0f} of {width} px): not mirrored for {expected}"
    return None


def site_texts(site):
    """Lower-case text of every page, for picking a word that only the thread has."""
    texts = {}
    for root, dirs, files in os.walk(site):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in files:
            if name.endswith(".html"):
                with open(os.path.join(root, name), encoding="utf-8") as f:
                    texts[os.path.join(root, name)] = re.sub(r"<[^>]+>", " ", f.read()).lower()
    return texts


def first_answered_thread(site):
    folder = os.path.join(site, "questions")
    for name in sorted(os.listdir(folder)):
        page = os.path.join(folder, name, "index.html")
        if os.path.isfile(page) and 'id="answer-' in open(page, encoding="utf-8").read():
            return f"questions/{name}/"
    return "questions/"


def distinctive_words(answer_text, question_text, texts, thread_file):
    """Words of the answers, not in the question, that together the fewest other threads contain: the rarest,
    then (on a site of look-alike threads, such as the corpus) the word that leaves the fewest, until at most 2
    other threads have them all, or 5 words. Ties: longest, then alphabetical."""
    words = set(re.findall(r"[a-z]{7,}", answer_text.lower())) - set(re.findall(r"[a-z]+", question_text.lower()))
    thread_folder = os.path.dirname(thread_file)
    others = [t for path, t in texts.items() if f"{os.sep}questions{os.sep}" in path
              and not path.startswith(thread_folder + os.sep)]
    chosen, left = [], others
    while words and (not chosen or len(left) > 2) and len(chosen) < 5:
        _, _, word = min((sum(w in t for t in left), -len(w), w) for w in words)
        chosen.append(word)
        words.discard(word)
        left = [t for t in left if word in t]
    return " ".join(chosen) or None


def page_weight(driver, site, base_path):
    """Bytes of the page's HTML and of the CSS and scripts it loads (images left out), raw and gzipped."""
    urls = driver.execute_script("""
        const u = [...document.querySelectorAll('link[rel~=stylesheet][href], script[src]')]
                    .map(e => e.href || e.src);
        return [location.href, ...new Set(u.concat(performance.getEntriesByType('resource').map(r => r.name)))];
    """)
    kinds, rows = Counter(), []
    for i, url in enumerate(urls):
        path = unquote(urlsplit(url).path)
        if path.lower().endswith(IMAGE_EXT) or not path.startswith(base_path):
            continue
        file = os.path.join(site, path[len(base_path):])
        if os.path.isdir(file):
            file = os.path.join(file, "index.html")
        if not os.path.isfile(file):
            continue
        with open(file, "rb") as f:
            data = f.read()
        kind = "html" if i == 0 else "css" if path.endswith(".css") else "js" if path.endswith(".js") else "other"
        kinds[kind] += len(data)
        kinds["gzip"] += len(gzip.compress(data, 9))
        rows.append((path, len(data)))
    return kinds, rows


class Report:
    """What every view found, kept as rows for the Markdown report."""

    def __init__(self, driver, axe, results, direction="ltr", label="example"):
        self.driver, self.axe, self.results, self.direction, self.label = driver, axe, results, direction, label
        self.views, self.violations, self.console, self.scroll, self.directions = [], [], [], [], []

    def check(self, name, width, scheme):
        """Screenshot, axe, console and (narrow views) horizontal scroll of the page as it is now."""
        # The example site's views keep their plain names; another site's (a language copy) carry its label.
        label = "" if self.label == "example" else f"{self.label}-"
        shot = f"{label}{name}-{width}-{scheme}.png".replace(" ", "-")
        screenshot(self.driver, os.path.join(self.results, shot))
        found = run_axe(self.driver, self.axe)
        for v in found:
            more = len(v["targets"]) - 6
            targets = "; ".join(v["targets"][:6]) + (f" (+{more} more)" if more > 0 else "")
            self.violations.append((v["id"], v["impact"] or "?", targets, name, width, scheme, v["help"],
                                    f"`{v['html']}`" if v["html"] else ""))
        logs = [e["message"] for e in self.driver.get_log("browser") if e["level"] == "SEVERE"]
        self.console += [(name, width, scheme, m) for m in logs]
        narrow = width < 1000
        sw, iw, wide = overflow(self.driver)
        if narrow and sw > iw:
            self.scroll.append((name, width, scheme, f"scrollWidth {sw} > innerWidth {iw}; widest: {', '.join(wide)}"))
        problem = direction_problem(self.driver, self.direction)
        if problem:
            self.directions.append((name, width, scheme, problem))
        impacts = Counter(v["impact"] for v in found)
        self.views.append((name, width, scheme, "ok", *(impacts[i] for i in IMPACTS), len(logs),
                           ("yes" if sw > iw else "no") if narrow else "-", shot))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--site", required=True)
    ap.add_argument("--base-url", required=True)
    ap.add_argument("--results", required=True)
    ap.add_argument("--status", required=True)
    ap.add_argument("--label", default="example")
    ap.add_argument("--thread", default="questions/panic-attack-in-the-grocery-store/",
                    help="a thread with answers; 'auto': the first (by folder name) that has some")
    ap.add_argument("--author", default="authors/marie-claire-dubois/")
    ap.add_argument("--search-only", action="store_true", help="only the search checks (the thread: --thread)")
    ap.add_argument("--direction", choices=("ltr", "rtl"), default="ltr",
                    help="the direction the site's language writes in (rtl: Arabic, Hebrew)")
    args = ap.parse_args()
    site = os.path.abspath(args.site)
    if args.thread == "auto":
        args.thread = first_answered_thread(site)
    base_path = urlsplit(args.base_url).path or "/"
    base_path += "" if base_path.endswith("/") else "/"
    pages = [("home", ""), ("thread", args.thread), ("author", args.author), ("search", "search/")]
    if args.search_only:
        pages = [("thread", args.thread)]
    thread_file = os.path.join(site, args.thread, "index.html")
    os.makedirs(args.results, exist_ok=True)

    search_rows, weight, answer_text, question_text = [], None, "", ""
    server = serve(site, base_path)
    root = f"http://127.0.0.1:{server.server_address[1]}{base_path}"
    driver = start_browser()
    report = Report(driver, axe_source(), args.results, args.direction, args.label)
    try:
        for name, rel in pages:
            if not os.path.isfile(os.path.join(site, rel, "index.html")):
                report.views.append((name, "-", "-", "missing", *[""] * 7))
                continue
            for width in WIDTHS:
                for scheme in SCHEMES:
                    if args.search_only and (width, scheme) != (WIDTHS[0], "light"):
                        continue
                    set_view(driver, width, scheme)
                    load(driver, root + rel)
                    if name == "search":   # the script hides the "needs JavaScript" line once it runs
                        wait_for(driver, SEARCH_INPUT, 10)
                    if not args.search_only:
                        report.check(name, width, scheme)
                    if name == "thread" and width == WIDTHS[0] and scheme == "light":
                        answer_text, question_text = driver.execute_script(
                            "return [[...document.querySelectorAll('[id^=\"answer-\"] .body')]"
                            ".map(e => e.innerText).join(' '), document.querySelector('.question-header').innerText"
                            " + ' ' + document.querySelector('#question').innerText]")
                        weight = None if args.search_only else page_weight(driver, site, base_path)

        if not os.path.isfile(os.path.join(site, "search", "index.html")):
            search_rows.append(("search", "missing (no /search/ page)", None))
        elif 'data-root="' not in open(os.path.join(site, "search", "index.html"), encoding="utf-8").read():
            search_rows.append(("search", "missing (the search page has no index: built with --no-search?)", None))
        elif not os.path.isfile(thread_file):
            search_rows.append(("search", f"missing (no thread {args.thread})", None))
        else:
            searcher = Searcher(driver, root, site, base_path, base_path + args.thread)
            search_rows += searcher.run_all(answer_text, question_text, site_texts(site), thread_file,
                                            None if args.search_only else report)
        axe_version = driver.execute_script("return window.axe ? axe.version : '?'")
    finally:
        driver.quit()
        server.shutdown()
        server.server_close()

    views, violations, console, scroll = report.views, report.violations, report.console, report.scroll
    serious = [v for v in violations if v[1] in ("critical", "serious")]
    impacts = Counter(v[1] for v in violations)
    narrow_views = sum(1 for v in views if v[1] != "-" and v[1] < 1000)
    print(f"### Browser: {args.label} (Chromium, axe-core {axe_version}, "
          f"{' and '.join(map(str, WIDTHS))} px, light and dark)\n")
    print("| page | width | scheme | loaded | axe critical | serious | moderate | minor | console SEVERE "
          "| horizontal scroll | screenshot |\n|---|---:|---|---|---:|---:|---:|---:|---:|---|---|")
    for v in views:
        print("| " + " | ".join(str(c) for c in v) + " |")
    impact_text = ", ".join(f"{impacts[i]} {i}" for i in IMPACTS)
    print(f"\n**axe violations**: {len(violations)} ({impact_text})\n")
    if violations:
        print("| rule | impact | target | page | width | scheme | help | first element |\n"
              "|---|---|---|---|---:|---|---|---|")
        for v in sorted(violations, key=lambda v: (IMPACTS.index(v[1]) if v[1] in IMPACTS else 9, v[0], v[3])):
            print("| " + " | ".join(str(c).replace("|", "\\|") for c in v) + " |")
        print()
    print(f"**Console errors (SEVERE)**: {len(console) or 'none'}\n")
    for c in console:
        print(f"- {c[0]} {c[1]} {c[2]}: `{c[3]}`")
    print(f"\n**Horizontal scroll at 390 px**: {len(scroll)} of {narrow_views} views\n")
    for s in scroll:
        print(f"- {s[0]} {s[1]} {s[2]}: {s[3]}")
    directions = report.directions
    print(f"\n**Direction ({args.direction})**: {len(directions)} of {len(views)} views wrong\n")
    for d in directions:
        print(f"- {d[0]} {d[1]} {d[2]}: {d[3]}")
    print("\n**Search**\n")
    for check, text, ok in search_rows:
        print(f"- {check}: {'PASS' if ok else 'MISSING' if ok is None else 'FAIL' if ok is False else 'INFO'}: {text}")
    print()
    if weight:
        kinds, rows = weight
        total = kinds["html"] + kinds["css"] + kinds["js"] + kinds["other"]
        weight_text = (f"/{args.thread} {total:,} bytes (HTML {kinds['html']:,} + CSS {kinds['css']:,} "
                       f"+ JS {kinds['js']:,} + other {kinds['other']:,}); gzip -9 ≈ {kinds['gzip']:,} bytes")
        print(f"**Page weight before images**: {weight_text}\n")
        for path, size in rows:
            print(f"- `{path}` {size:,} bytes")
        print()

    with open(args.status, "a", encoding="utf-8") as f:
        if not args.search_only:   # with --search-only no page view was checked
            f.write(f"axe serious/critical ({args.label}, {sum(1 for v in views if v[3] == 'ok')} views)|"
                    f"{len(serious)} serious/critical ({impact_text})|{'FAIL' if serious else 'PASS'}\n")
            f.write(f"browser console SEVERE ({args.label})|{len(console)}|{'FAIL' if console else 'PASS'}\n")
            f.write(f"horizontal scroll at 390 px ({args.label})|{len(scroll)} of {narrow_views} views|"
                    f"{'FAIL' if scroll else 'PASS'}\n")
            f.write(f"direction {args.direction}, mirrored ({args.label})|{len(directions)} of {len(views)} views wrong|"
                    f"{'FAIL' if directions else 'PASS'}\n")
        for check, text, ok in search_rows:
            verdict = "MISSING" if ok is None else "INFO" if ok == "info" else "PASS" if ok else "FAIL"
            f.write(f"{check} ({args.label})|{text.replace('|', '/')}|{verdict}\n")
        if weight:
            f.write(f"question page weight before images|{weight_text}|INFO\n")
    search_failed = any(ok is False for _, _, ok in search_rows)
    return 1 if serious or console or scroll or directions or search_failed else 0


def wait_for(driver, selector, seconds):
    deadline = time.time() + seconds
    while time.time() < deadline:
        found = driver.find_elements(By.CSS_SELECTOR, selector)
        if found and found[0].is_displayed():
            return found[0]
        time.sleep(0.1)
    return None


# Queries a reader might type, and what must hold for each (docs/SEARCH.md describes the index they read).
HOSTILE_QUERY = '<b>"(*[.+?\\ <img src=x onerror=alert(1)> $1 ${x} </mark>'
TOKENIZER_SAMPLES = ["Don't panic: Ça va? 不安 anxiety-attacks", "ﬁle ＡＢＣ１２ Ｓｅａｒｃｈ", "x" * 50 + " y", "हिन्दी नमस्ते",
                     "שָׁלוֹם עולם", "emoji 😀 and NUL a\x00b", "naïve CAFÉ résumé", "don’t won't", "İstanbul ΟΔΟΣ"]


def reference_terms(text, stem):
    """The "Terms" rule of docs/SEARCH.md in Python: what the page's tokenizer must give."""
    decomposed = "".join(c for c in unicodedata.normalize("NFKD", text) if not dropped_mark(c))
    folded = unicodedata.normalize("NFC", decomposed).replace("Σ", "σ").lower()   # no final-sigma rule, as Swift
    found, current = [], []

    def finish():
        if current:
            word = "".join(current)
            found.append(stem(word) if re.fullmatch(r"[a-z]+", word) else word)
            current.clear()
    for c in folded:
        code = ord(c)
        if c in "'\u2019":
            continue
        if code < 0x80:
            is_word = c.isdigit() or "a" <= c <= "z"
        elif any(low <= code <= high for low, high in SPACELESS):
            finish()
            found.append(c)
            continue
        else:
            is_word = c.isalpha() or unicodedata.category(c) in ("Nd", "Nl") or unicodedata.category(c).startswith("M")
        if not is_word:
            finish()
        elif len(current) < 40:
            current.append(c)
    finish()
    return found


def dropped_mark(c):
    code = ord(c)
    if any(low <= code <= high for low, high in DIACRITICS):
        return True
    return (0x0591 <= code <= 0x05C7 or 0x064B <= code <= 0x065F or code == 0x0670) and unicodedata.category(c) == "Mn"


DIACRITICS = [(0x0300, 0x036F), (0x1AB0, 0x1AFF), (0x1DC0, 0x1DFF), (0x20D0, 0x20FF), (0xFE20, 0xFE2F)]
SPACELESS = [(0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0x20000, 0x323AF), (0x3040, 0x30FF),
             (0x31F0, 0x31FF), (0xFF66, 0xFF9F), (0xAC00, 0xD7AF), (0x1100, 0x11FF), (0x3130, 0x318F),
             (0xA960, 0xA97F), (0xD7B0, 0xD7FF)]


class Searcher:
    """Real queries in the search page's own UI. Each check gives (check, result text, passed)."""

    def __init__(self, driver, root, site, base_path, thread_path):
        self.driver, self.root, self.site, self.base_path, self.thread_path = driver, root, site, base_path, thread_path

    def open(self, query=None):
        load(self.driver, self.root + "search/" + (f"?q={quote(query)}" if query is not None else ""))
        return wait_for(self.driver, SEARCH_INPUT, 10)

    def type(self, text):
        box = self.driver.find_element(By.CSS_SELECTOR, SEARCH_INPUT)
        box.clear()
        box.send_keys(text)

    def wait(self, query, seconds=15):
        """(status text, result paths in order) once the status speaks of this query (its data-query, in any
        language) or of an error with it (class search-error); (None, []) on time-out."""
        deadline = time.time() + seconds
        while time.time() < deadline:
            status, about, failed, links = self.driver.execute_script("""
                const status = document.querySelector('#search [role=status]');
                return [status ? status.textContent : '', status ? status.dataset.query : null,
                        !!(status && status.classList.contains('search-error')),
                        [...document.querySelectorAll('#search .search-results a[href]')].map(a => a.pathname)];""")
            if about == query.strip():
                return (f"search error: {status}" if failed else status), links
            time.sleep(0.1)
        return None, []

    def found(self, check, query, status, links):
        if status is None:
            return check, f"'{query}': no answer within 15 s", False
        rank = links.index(self.thread_path) + 1 if self.thread_path in links else None
        where = f"rank {rank}" if rank else f"not in the first {len(links)}"
        return check, f"'{query}' → {self.thread_path} {where} ({status})", rank is not None

    def search_bytes(self, seen):
        """Bytes of the search files (script and index) fetched since `seen`, by the sizes on disk."""
        names = self.driver.execute_script("return performance.getEntriesByType('resource').map(r => r.name)")
        total, new = 0, [n for n in names if n not in seen]
        for name in new:
            path = unquote(urlsplit(name).path)
            file = os.path.join(self.site, path[len(self.base_path):])
            if path.startswith(self.base_path + "search/") and os.path.isfile(file):
                total += os.path.getsize(file)
        seen.update(new)
        return total

    def other_hosts(self):
        origin = self.driver.execute_script("return location.origin")
        names = self.driver.execute_script("return performance.getEntriesByType('resource').map(r => r.name)")
        return [n for n in names if not n.startswith(origin + "/")]

    def run_all(self, answer_text, question_text, texts, thread_file, report):
        rows = []
        word = distinctive_words(answer_text, question_text, texts, thread_file)
        if not word:
            return [("search", "no answer-only word found on the thread page to search for", False)]
        # (a) A word only the thread's answers use, typed; then the bytes that query and a later one fetched.
        self.open()
        seen = set()
        self.type(word)
        rows.append(self.found("search: words only in the answers", word, *self.wait(word)))
        first = self.search_bytes(seen)
        # (b) The same word cut halfway, as a reader still typing it.
        last = word.split()[-1]
        half = word[:len(word) - len(last)] + last[:max(4, (len(last) + 1) // 2)]
        self.type(half)
        rows.append(self.found("search: the word cut halfway", half, *self.wait(half)))
        later = self.search_bytes(seen)
        rows.append(("search bytes per query", f"first query {first:,} bytes (script and index), "
                                               f"then the cut one {later:,} bytes", "info"))
        hosts = self.other_hosts()
        rows.append(("search requests to other hosts", ", ".join(hosts[:3]) or "none", not hosts))
        # (c) The URL form, as a shared search: in every view, each then checked like any page (axe etc.).
        for width in WIDTHS if report else WIDTHS[:1]:
            for scheme in SCHEMES if report else SCHEMES[:1]:
                set_view(self.driver, width, scheme)
                self.open(word)
                status, links = self.wait(word)
                if (width, scheme) == (WIDTHS[0], SCHEMES[0]):
                    check, text, ok = self.found("search: ?q= in the URL", word, status, links)
                    value = self.driver.find_element(By.CSS_SELECTOR, SEARCH_INPUT).get_attribute("value")
                    rows.append((check, text + ("" if value == word else f"; the box holds '{value}'"), ok and value == word))
                if report:
                    report.check("search results", width, scheme)
        set_view(self.driver, WIDTHS[0], SCHEMES[0])
        # (d) HTML and regex characters: an answer, no error, nothing injected.
        self.open()
        self.type(HOSTILE_QUERY)
        status, _ = self.wait(HOSTILE_QUERY)
        injected = self.driver.execute_script(
            "return document.querySelectorAll('#search b, #search img, .search-results script').length")
        errors = [e["message"] for e in self.driver.get_log("browser") if e["level"] == "SEVERE"]
        ok = status is not None and not status.startswith("search error:") and injected == 0 and not errors
        rows.append(("search: HTML and regex characters",
                     f"status '{status}', {injected} injected elements, {len(errors)} console errors", ok))
        # (e) The page's stemmer and tokenizer against the references, on the words of the site's pages.
        stemmer = snowballstemmer.stemmer("english")
        # The site's words, and each with a few endings the stemmer takes off, for a few thousand in all.
        found = {w for t in texts.values() for w in re.findall(r"[a-z]+", t)}
        words = sorted(found | {w + end for w in found for end in ("s", "ing", "ed", "ly", "ness", "ies")})[:30000]
        stems = self.driver.execute_script("return arguments[0].map(w => window.qandaSearch.stem(w))", words)
        wrong = [f"{w}: {s} (expected {stemmer.stemWord(w)})" for w, s in zip(words, stems) if s != stemmer.stemWord(w)]
        rows.append(("search stemmer = snowballstemmer", f"{len(words) - len(wrong):,} of {len(words):,} words agree"
                     + (f"; e.g. {'; '.join(wrong[:3])}" if wrong else ""), not wrong))
        samples = TOKENIZER_SAMPLES + [t[:4000] for _, t in sorted(texts.items())[:200]]
        got = self.driver.execute_script("return arguments[0].map(t => window.qandaSearch.terms(t))", samples)
        differ = [(s[:40], g, reference_terms(s, stemmer.stemWord)) for s, g in zip(samples, got)
                  if g != reference_terms(s, stemmer.stemWord)]
        rows.append(("search tokenizer = docs/SEARCH.md", f"{len(samples) - len(differ)} of {len(samples)} texts agree"
                     + (f"; e.g. {differ[0]!r}"[:300] if differ else ""), not differ))
        return rows


if __name__ == "__main__":
    sys.exit(main())
