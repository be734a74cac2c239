#!/usr/bin/env python3
"""Checks that every internal link of a built Qanda site resolves, and that no page loads from another host.

    check_links.py --site OUT_DIR --base-url https://answers.example.org/ [--label NAME] [--status FILE]

Internal links are relative URLs, URLs starting with the base path of base_url, and absolute URLs starting
with base_url. Each one must name a file of the site (a folder means its index.html, as a static host serves
pretty URLs), and its #fragment, if any, an id in that page. A link, script or img that loads from any other
host is reported too: the site should work offline and leak no visits. Prints a Markdown section; exits 1 on
any problem; with --status, appends "check|result|PASS/FAIL" rows for check-site.sh's summary.
"""
import argparse
import os
import sys
from html.parser import HTMLParser
from urllib.parse import unquote, urljoin, urlsplit

# Attributes that name a URL, per tag. `a` only navigates; the others load something into the page.
URL_ATTRS = {"a": ("href",), "link": ("href",), "img": ("src", "srcset"), "script": ("src",),
             "source": ("src", "srcset")}
LOADING_TAGS = {"link", "img", "script", "source"}
MAX_ROWS = 200   # a template bug repeats on every page; the first rows tell the story
SKIPPED_SCHEMES = ("mailto:", "tel:", "javascript:", "data:", "sms:")


class Page(HTMLParser):
    """One HTML file: the ids it defines and the URLs it names, with their line numbers."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids, self.urls = set(), []   # urls: (line, tag, url)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        if tag == "a" and attrs.get("name"):   # old-style anchors are fragment targets as well
            self.ids.add(attrs["name"])
        for name in URL_ATTRS.get(tag, ()):
            value = (attrs.get(name) or "").strip()
            if not value:
                continue
            # srcset is "url 1x, url 2x": each candidate is a URL of its own.
            candidates = [c.split()[0] for c in value.split(",") if c.strip()] if name == "srcset" else [value]
            self.urls += [(self.getpos()[0], tag, url) for url in candidates]

    handle_startendtag = handle_starttag


def page_url(site, path, base_path):
    """The URL a file is served at: folder/index.html is the pretty URL folder/."""
    rel = os.path.relpath(path, site).replace(os.sep, "/")
    if rel == "index.html":
        rel = ""
    elif rel.endswith("/index.html"):
        rel = rel[: -len("index.html")]
    return base_path + rel


def target_file(site, url_path, base_path):
    """The file a static host would serve for a URL path of this site, or None when it does not exist."""
    rel = url_path[len(base_path):]
    path = os.path.join(site, *[p for p in rel.split("/") if p])
    if os.path.isdir(path):
        path = os.path.join(path, "index.html")
    return path if os.path.isfile(path) else None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--site", required=True)
    ap.add_argument("--base-url", required=True)
    ap.add_argument("--label", default=None)
    ap.add_argument("--status", default=None)
    args = ap.parse_args()
    site = os.path.abspath(args.site)
    base_url = args.base_url if args.base_url.endswith("/") else args.base_url + "/"
    base_path = urlsplit(base_url).path or "/"
    origin = base_url[: len(base_url) - len(base_path)]   # https://host[:port]

    pages = {}   # file path -> Page
    for root, dirs, files in os.walk(site):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.endswith(".html"):
                path = os.path.join(root, name)
                page = Page()
                with open(path, encoding="utf-8") as f:
                    page.feed(f.read())
                pages[path] = page

    checked, broken, external = 0, [], []
    for path, page in pages.items():
        here = page_url(site, path, base_path)
        rel_page = os.path.relpath(path, site)
        for line, tag, href in page.urls:
            url = href
            if url.lower().startswith(SKIPPED_SCHEMES):
                continue
            parts = urlsplit(url)
            if parts.scheme in ("http", "https") or url.startswith("//"):
                absolute = url if parts.scheme else "https:" + url
                if absolute.startswith(base_url) or absolute == base_url[:-1]:
                    url = absolute[len(origin):]            # our own absolute URL: check it like a path
                else:
                    if tag in LOADING_TAGS:
                        external.append((rel_page, line, tag, url))
                    continue                                 # links to other sites are not ours to check
            elif parts.scheme:
                continue
            checked += 1
            resolved = urlsplit(urljoin(here, url))
            url_path = unquote(resolved.path)
            if not url_path.startswith(base_path):
                broken.append((rel_page, line, href, f"outside the base path {base_path}"))
                continue
            target = target_file(site, url_path, base_path)
            if target is None:
                broken.append((rel_page, line, href, "no such file"))
                continue
            fragment = unquote(resolved.fragment)
            if fragment and fragment != "top":   # "#top" scrolls to the top without an id
                ids = pages[target].ids if target in pages else set()
                if fragment not in ids:
                    broken.append((rel_page, line, href, f"no id '{fragment}' in {os.path.relpath(target, site)}"))

    label = args.label or os.path.basename(site)
    print(f"### Links: {label}\n")
    print(f"{len(pages)} pages, {checked} internal URLs checked, {len(broken)} broken, "
          f"{len(external)} loads from another host.\n")
    if broken:
        print("| page:line | href | problem |\n|---|---|---|")
        for rel_page, line, href, why in broken[:MAX_ROWS]:
            print(f"| {rel_page}:{line} | `{href}` | {why} |")
        if len(broken) > MAX_ROWS:
            print(f"\n… and {len(broken) - MAX_ROWS} more broken links.")
        print()
    if external:
        print("| page:line | tag | URL on another host |\n|---|---|---|")
        for rel_page, line, tag, url in external[:MAX_ROWS]:
            print(f"| {rel_page}:{line} | {tag} | `{url}` |")
        print()
    if args.status:
        with open(args.status, "a", encoding="utf-8") as f:
            f.write(f"broken internal links ({label})|{len(broken)} of {checked} in {len(pages)} pages|"
                    f"{'FAIL' if broken else 'PASS'}\n")
            f.write(f"loads from another host ({label})|{len(external)}|{'FAIL' if external else 'PASS'}\n")
    return 1 if broken or external else 0


if __name__ == "__main__":
    sys.exit(main())
