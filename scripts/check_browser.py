#!/usr/bin/env python3
"""Looks at a built Qanda site the way readers do: headless Chromium, driven by Selenium.

    check_browser.py --site OUT_DIR --base-url URL --results DIR --status FILE [--label NAME]
                     [--thread questions/SLUG/] [--author authors/ID/]

The site is served from a loopback HTTP server on a free port (stopped at the end). Home, a thread, an author
and the search page are opened at 1280 and 390 px, light and dark. For each view: a full-page PNG, axe-core
(serious or critical fails), SEVERE browser console messages (fail), and at 390 px no horizontal scroll (fail).
On the search page a word found only in the thread's answers is typed and a result must link to the thread.
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
from collections import Counter
from urllib.parse import urlsplit, unquote

os.environ.setdefault("SE_OFFLINE", "true")   # Selenium Manager must not try to download a driver
from selenium import webdriver                 # noqa: E402
from selenium.webdriver.common.by import By    # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402

WIDTHS = (1280, 390)
SCHEMES = ("light", "dark")
IMPACTS = ("critical", "serious", "moderate", "minor")
SEARCH_INPUT = ".pagefind-ui__search-input, input[type=search]"
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
    """(scrollWidth, innerWidth, the widest elements sticking out on the right)."""
    return driver.execute_script("""
        const w = window.innerWidth, out = [];
        for (const e of document.body.querySelectorAll('*')) {
          const r = e.getBoundingClientRect();
          if (r.right > w + 1) out.push([Math.round(r.right), e.tagName.toLowerCase()
            + (e.id ? '#' + e.id : '') + (e.classList.length ? '.' + [...e.classList].join('.') : '')]);
        }
        out.sort((a, b) => b[0] - a[0]);
        return [document.documentElement.scrollWidth, w, out.slice(0, 5).map(o => o[1] + ' (right ' + o[0] + ')')];
    """)


def site_texts(site):
    """Lower-case text of every page, for picking a word that only the thread has."""
    texts = {}
    for root, dirs, files in os.walk(site):
        dirs[:] = [d for d in dirs if not d.startswith(".") and d != "pagefind"]
        for name in files:
            if name.endswith(".html"):
                with open(os.path.join(root, name), encoding="utf-8") as f:
                    texts[os.path.join(root, name)] = re.sub(r"<[^>]+>", " ", f.read()).lower()
    return texts


def distinctive_word(answer_text, texts, thread_file):
    """The word of the answers that the fewest other pages contain (longest, then alphabetical, on ties)."""
    words = set(re.findall(r"[a-z]{7,}", answer_text.lower()))
    others = [t for path, t in texts.items() if path != thread_file]
    scored = sorted((sum(w in t for t in others), -len(w), w) for w in words)
    return scored[0][2] if scored else None


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

    def __init__(self, driver, axe, results):
        self.driver, self.axe, self.results = driver, axe, results
        self.views, self.violations, self.console, self.scroll = [], [], [], []

    def check(self, name, width, scheme):
        """Screenshot, axe, console and (narrow views) horizontal scroll of the page as it is now."""
        shot = f"{name}-{width}-{scheme}.png".replace(" ", "-")
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
    ap.add_argument("--thread", default="questions/panic-attack-in-the-grocery-store/")
    ap.add_argument("--author", default="authors/marie-claire-dubois/")
    args = ap.parse_args()
    site = os.path.abspath(args.site)
    base_path = urlsplit(args.base_url).path or "/"
    base_path += "" if base_path.endswith("/") else "/"
    pages = [("home", ""), ("thread", args.thread), ("author", args.author), ("search", "search/")]
    thread_file = os.path.join(site, args.thread, "index.html")
    os.makedirs(args.results, exist_ok=True)

    search_result, search_ok, weight, answer_text = "not run", True, None, ""
    server = serve(site, base_path)
    root = f"http://127.0.0.1:{server.server_address[1]}{base_path}"
    driver = start_browser()
    report = Report(driver, axe_source(), args.results)
    try:
        for name, rel in pages:
            if not os.path.isfile(os.path.join(site, rel, "index.html")):
                report.views.append((name, "-", "-", "missing", *[""] * 7))
                if name == "search":
                    search_result, search_ok = "missing (no /search/ page)", None
                continue
            for width in WIDTHS:
                for scheme in SCHEMES:
                    set_view(driver, width, scheme)
                    load(driver, root + rel)
                    if name == "search":   # let Pagefind UI draw its input before the picture
                        wait_for(driver, SEARCH_INPUT, 10)
                    report.check(name, width, scheme)
                    if name == "thread" and width == WIDTHS[0] and scheme == "light":
                        answer_text = driver.execute_script(
                            "return [...document.querySelectorAll('[id^=\"answer-\"] .body')]"
                            ".map(e => e.innerText).join(' ')")
                        weight = page_weight(driver, site, base_path)

        # Search: a word only this thread's answers use must bring up the thread; the results are checked too.
        if search_ok is not None and os.path.isfile(thread_file):
            word = distinctive_word(answer_text, site_texts(site), thread_file)
            outcomes = []
            for scheme in SCHEMES:   # results in both schemes: Pagefind UI brings its own colours
                ok, text = search(driver, root + "search/", word, base_path + args.thread, scheme)
                report.check("search results", WIDTHS[0], scheme)
                search_ok = search_ok and ok
                outcomes.append(f"{scheme}: {text}")
            search_result = "; ".join(outcomes)
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
    print(f"\n**Search**: {search_result}\n")
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
        f.write(f"axe serious/critical ({args.label}, {sum(1 for v in views if v[3] == 'ok')} views)|"
                f"{len(serious)} serious/critical ({impact_text})|{'FAIL' if serious else 'PASS'}\n")
        f.write(f"browser console SEVERE ({args.label})|{len(console)}|{'FAIL' if console else 'PASS'}\n")
        f.write(f"horizontal scroll at 390 px ({args.label})|{len(scroll)} of {narrow_views} views|"
                f"{'FAIL' if scroll else 'PASS'}\n")
        f.write(f"search ({args.label})|{search_result}|"
                f"{'MISSING' if search_ok is None else 'PASS' if search_ok else 'FAIL'}\n")
        if weight:
            f.write(f"question page weight before images|{weight_text}|INFO\n")
    return 1 if serious or console or scroll or search_ok is False else 0


def wait_for(driver, selector, seconds):
    deadline = time.time() + seconds
    while time.time() < deadline:
        found = driver.find_elements(By.CSS_SELECTOR, selector)
        if found and found[0].is_displayed():
            return found[0]
        time.sleep(0.1)
    return None


def search(driver, url, word, thread_path, scheme):
    """(passed, description): types the word and waits up to 10 s for a link to the thread."""
    if not word:
        return False, "no answer text found on the thread page to search for"
    set_view(driver, WIDTHS[0], scheme)
    load(driver, url)
    box = wait_for(driver, SEARCH_INPUT, 10)
    if box is None:
        return False, f"no search input ({SEARCH_INPUT}) within 10 s"
    box.send_keys(word)
    deadline, hits = time.time() + 10, []
    while time.time() < deadline:
        hits = driver.execute_script(
            "return [...document.querySelectorAll('main a[href]')].map(a => a.pathname + a.hash)")
        hits = [h for h in hits if h.startswith(thread_path)]
        if hits:
            break
        time.sleep(0.2)
    count = driver.execute_script("return document.querySelectorAll('.pagefind-ui__result').length")
    if hits:
        return True, f"'{word}' → {hits[0]} ({count} result(s))"
    return False, f"'{word}': no result links to {thread_path} within 10 s ({count} result(s))"


if __name__ == "__main__":
    sys.exit(main())
