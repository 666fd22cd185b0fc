"""Browser checks of link previews, pair pages and the annotation index (called from check_site.py).

- Every internal link to an actor, term, event, pair, source, paragraph or note has a preview in
  its folder's previews.js.
- On a source page and a pair page, a preview opens on hover and on keyboard focus in an element
  with role="tooltip" holding that text, stays while the pointer is over it, closes on Esc; on
  touch the first tap previews and the second follows; axe finds nothing with one open.
- Every characterised pair in content/annotations/ has its page, which quotes each passage that
  characterises the pair, linked to a paragraph holding it, sources oldest first.
- annotations/index.html links every annotation of content/annotations/ once; each filter
  (?kind=, ?source=, ?actor=, ?term=, combined, unknown) shows exactly its annotations.
"""
import json
import os
import re
import time
import unicodedata
import urllib.parse

import yaml


def content_annotations(content):
    """Each annotation as a dict: source, name, quote, kind, actors, terms, pair (sorted ids or None)."""
    folder = os.path.join(content, "annotations")
    found = []
    for source in sorted(os.listdir(folder)):
        for name in sorted(os.listdir(os.path.join(folder, source))):
            if not name.endswith(".md"):
                continue
            with open(os.path.join(folder, source, name), encoding="utf-8") as handle:
                front = yaml.safe_load(handle.read().split("---")[1])
            relation = front.get("relation") or {}
            between = relation.get("between") or []
            found.append({"source": source, "name": name[:-3], "quote": front["quote"], "kind": front.get("kind", "context"),
                          "actor": set(front.get("actors") or []) | set(between),
                          "term": set(front.get("terms") or []) | ({relation["category"]} if relation.get("category") else set()),
                          "pair": tuple(sorted(between)) if between else None})
    return found


def source_dates(content):
    dates = {}
    for name in os.listdir(os.path.join(content, "sources")):
        with open(os.path.join(content, "sources", name), encoding="utf-8") as handle:
            dates[name[:-3]] = str(yaml.safe_load(handle.read().split("---")[1])["date"])
    return dates


def normalized(text):
    text = unicodedata.normalize("NFC", text)
    for a, b in (("\u2018", "'"), ("\u2019", "'"), ("\u201c", '"'), ("\u201d", '"'), ("\u2013", "-"), ("\u2014", "-")):
        text = text.replace(a, b)
    return " ".join(text.split())


def preview_tables(public):
    """Every previews.js as {folder: {key: [heading, text]}}."""
    tables = {}
    for folder, _, files in os.walk(public):
        if "previews.js" in files:
            with open(os.path.join(folder, "previews.js"), encoding="utf-8") as handle:
                text = handle.read()
            match = re.match(r'\(window\.sitegenPreviews = window\.sitegenPreviews \|\| \{\}\)\[("[^"]*")\] = (\{.*\});\n$', text, re.S)
            if match:
                tables[json.loads(match.group(1))] = json.loads(match.group(2))
    return tables


def preview_place(page, href):
    """The folder and key preview.js looks a link up by, or None for a link that previews nothing."""
    parts = urllib.parse.urlsplit(href)
    if parts.scheme:
        return None
    path = os.path.normpath(os.path.join(os.path.dirname(page), parts.path)) if parts.path else page
    fragment = urllib.parse.unquote(parts.fragment)
    source = re.match(r"^sources/([^/]+)/index\.html$", path)
    if source:
        if path == page and re.match(r"^p\d+$", fragment):
            return None  # a paragraph's own permalink
        # A highlight previews its note; an actor's mention (p<N>-<actor>) previews its paragraph.
        return "sources/%s/" % source.group(1), re.sub(r"^(p\d+)-.*$", r"\1", re.sub(r"^a-", "n-", fragment))
    page_match = re.match(r"^(actors|glossary|relations)/([^/]+)/index\.html$", path)
    if page_match:
        return page_match.group(1) + "/", page_match.group(2)
    index = re.match(r"^(glossary|timeline)/index\.html$", path)
    if index and fragment and not re.match(r"^(y\d{4}|timeline-overview)$", fragment):
        return index.group(1) + "/", fragment
    return None


class LinkList:
    """The links of a page that previews look at: those in <main>."""
    def __init__(self, text):
        main = text.split('<main id="main">', 1)[-1].split("</main>", 1)[0]
        self.hrefs = re.findall(r'<a [^>]*?href="([^"]*)"', main)


def check_preview_data(public, pages, report):
    tables = preview_tables(public)
    problems, count = [], 0
    for page in pages:
        with open(os.path.join(public, page), encoding="utf-8") as handle:
            text = handle.read()
        for href in LinkList(text).hrefs:
            place = preview_place(page, href.replace("&amp;", "&"))
            if place is None:
                continue
            count += 1
            entry = tables.get(place[0], {}).get(place[1])
            if not entry or not entry[0] or (not entry[1] and place[1] != ""):
                problems.append("%s: %s has no preview in %spreviews.js" % (page, href, place[0]))
    report("every internal link to an actor, term, event, pair, source, ¶ or note has a preview (%d links)" % count, problems)


TOOLTIP = """
const box = document.querySelector('[role=tooltip]');
if (!box || !box.getClientRects().length) return null;
const link = document.querySelector('[aria-describedby="' + box.id + '"]');
return {text: box.innerText, head: box.querySelector('.preview-head').textContent, described: link ? link.getAttribute('href') : null};
"""


def wait_for(driver, script, want, timeout=3):
    deadline = time.time() + timeout
    value = driver.execute_script(script)
    while (value is not None) != want and time.time() < deadline:
        time.sleep(0.05)
        value = driver.execute_script(script)
    return value


def check_previews(driver, base, public, report):
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.actions.action_builder import ActionBuilder
    from selenium.webdriver.common.actions.pointer_input import PointerInput
    from selenium.webdriver.common.actions import interaction
    from selenium.webdriver.common.keys import Keys
    from axe_selenium_python import Axe

    tables = preview_tables(public)
    driver.set_window_size(1280, 900)
    samples = [("sources/memri-2019/index.html", "a.mention"), ("sources/memri-2019/index.html", "a.term"),
               ("sources/memri-2019/index.html", ".para-events a"), ("sources/memri-2019/index.html", ".note a[href*='#p']"),
               ("actors/andrey-kortunov/index.html", "a[href*='#a-']"), ("relations/iran--russia/index.html", ".pair-note a[href*='/actors/']"),
               ("relations/index.html", ".matrix td a"), ("annotations/index.html", ".ai-quote a")]
    problems = []
    for page, selector in samples:
        driver.get(base + page)
        link = driver.find_element("css selector", "main " + selector)
        driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", link)
        parts = urllib.parse.urlsplit(link.get_attribute("href"))
        place = preview_place("index.html", parts.path[len(urllib.parse.urlsplit(base).path):] + ("#" + parts.fragment if parts.fragment else ""))
        want = tables[place[0]][place[1]]
        name = "%s %s" % (page, selector)
        ActionChains(driver).move_to_element(link).perform()
        shown = wait_for(driver, TOOLTIP, True)
        if not shown:
            problems.append("%s: hovering shows no tooltip" % name)
            continue
        if shown["head"] != want[0] or normalized(shown["text"]) != normalized(want[0] + " " + want[1]):
            problems.append("%s: tooltip reads %r, expected %r" % (name, shown["text"], want))
        if shown["described"] != link.get_dom_attribute("href"):
            problems.append("%s: the link is not described by the tooltip (%r)" % (name, shown["described"]))
        box = driver.find_element("css selector", "[role=tooltip]")
        ActionChains(driver).move_to_element(box).pause(0.7).perform()
        if not driver.execute_script(TOOLTIP):
            problems.append("%s: the tooltip closes when the pointer moves onto it" % name)
        ActionChains(driver).send_keys(Keys.ESCAPE).perform()
        if wait_for(driver, TOOLTIP, False):
            problems.append("%s: Esc leaves the tooltip open" % name)
        ActionChains(driver).move_to_element(driver.find_element("css selector", "h1")).perform()
        driver.execute_script("document.activeElement.blur(); arguments[0].focus()", link)
        shown = wait_for(driver, TOOLTIP, True)
        if not shown or shown["head"] != want[0]:
            problems.append("%s: keyboard focus shows %r" % (name, shown))
        driver.execute_script("arguments[0].blur()", link)
        if wait_for(driver, TOOLTIP, False):
            problems.append("%s: the tooltip stays after focus leaves" % name)
    report("previews: %d kinds of link preview on hover and focus, stay while hovered, close on Esc" % len(samples), problems)

    problems = []
    driver.get(base + "sources/memri-2019/index.html")
    link = driver.find_element("css selector", "main a.mention")
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", link)
    href = link.get_attribute("href")
    touch = ActionBuilder(driver, mouse=PointerInput(interaction.POINTER_TOUCH, "finger"))
    touch.pointer_action.move_to(link).pointer_down().pointer_up()
    touch.perform()
    if not wait_for(driver, TOOLTIP, True) or driver.current_url != base + "sources/memri-2019/index.html":
        problems.append("the first tap on %s does not preview it (at %s)" % (href, driver.current_url))
    touch = ActionBuilder(driver, mouse=PointerInput(interaction.POINTER_TOUCH, "finger"))
    touch.pointer_action.move_to(link).pointer_down().pointer_up()
    touch.perform()
    deadline = time.time() + 3
    while driver.current_url != href and time.time() < deadline:
        time.sleep(0.05)
    if driver.current_url != href:
        problems.append("the second tap does not follow the link (at %s)" % driver.current_url)
    report("previews on touch: the first tap previews, the second follows", problems)

    for width in (390, 1280):
        driver.set_window_size(width, 900)
        driver.get(base + "sources/memri-2019/index.html")
        link = driver.find_element("css selector", "main a.term")
        driver.execute_script("arguments[0].scrollIntoView({block: 'center'}); arguments[0].focus()", link)
        problems = [] if wait_for(driver, TOOLTIP, True) else ["no tooltip on focus"]
        axe = Axe(driver)
        axe.inject()
        violations = axe.run(options={"resultTypes": ["violations"]})["violations"]
        problems += ["axe %s (%s): %s" % (v["id"], v["impact"], node["target"]) for v in violations for node in v["nodes"][:3]]
        report("Chromium %dpx, a preview open: no axe violation" % width, problems)


PAIR_PASSAGES = """
return {sources: Array.from(document.querySelectorAll('.pair-source')).map(s => s.id.slice(2)),
        quotes: Array.from(document.querySelectorAll('.pair-passage blockquote a')).map(a => ({text: a.textContent, href: a.getAttribute('href')})),
        notes: Array.from(document.querySelectorAll('.pair-note')).map(n => n.textContent.trim().length)};
"""


def check_pairs(driver, base, content, report):
    annotations = content_annotations(content)
    dates = source_dates(content)
    pairs = sorted({a["pair"] for a in annotations if a["pair"]})
    problems, paragraphs = [], {}
    for pair in pairs:
        page = "relations/%s--%s/index.html" % pair
        driver.get(base + page)
        found = driver.execute_script(PAIR_PASSAGES)
        expected = [a for a in annotations if a["pair"] == pair]
        sources = sorted({a["source"] for a in expected}, key=lambda s: (dates[s], s))
        if found["sources"] != sources:
            problems.append("%s: sources %s, expected %s (oldest first)" % (page, found["sources"], sources))
        if len(found["quotes"]) != len(expected):
            problems.append("%s: %d passages, %d annotations characterise the pair" % (page, len(found["quotes"]), len(expected)))
        if any(length == 0 for length in found["notes"]):
            problems.append("%s: a passage without its note" % page)
        quoted = [normalized(q["text"]) for q in found["quotes"]]
        for annotation in expected:
            if normalized(annotation["quote"]) not in quoted:
                problems.append("%s: does not quote %s/%s" % (page, annotation["source"], annotation["name"]))
        for quote in found["quotes"]:
            match = re.match(r"^\.\./\.\./sources/([^/]+)/index\.html#(p\d+)$", quote["href"])
            if not match:
                problems.append("%s: %r links to %s, not a paragraph" % (page, quote["text"], quote["href"]))
                continue
            if match.group(1) not in paragraphs:
                driver.get(base + "sources/%s/index.html" % match.group(1))
                paragraphs[match.group(1)] = driver.execute_script(
                    "const p = {}; document.querySelectorAll('.para').forEach(d => p[d.id] = d.querySelector('.ptext').textContent); return p")
            if normalized(quote["text"]) not in normalized(paragraphs[match.group(1)].get(match.group(2), "")):
                problems.append("%s: %r is not in the paragraph it links to (%s)" % (page, quote["text"], quote["href"]))
    report("pair pages: each of %d characterised pairs quotes every passage on it, linked to its paragraph, oldest source first" % len(pairs),
           problems)


SHOWN_ANNOTATIONS = """
return {shown: Array.from(document.querySelectorAll('.annotation-index > li')).filter(li => li.getClientRects().length)
          .map(li => li.querySelector('.ai-quote a').getAttribute('href')),
        status: document.getElementById('filter-count').textContent};
"""


def check_annotation_index(driver, base, content, report):
    from selenium.webdriver.support.ui import Select
    annotations = content_annotations(content)
    page = base + "annotations/index.html"
    href = lambda a: "../sources/%s/index.html#a-%s" % (a["source"], a["name"])
    driver.get(page)
    links = driver.execute_script(SHOWN_ANNOTATIONS)["shown"]
    problems = []
    if sorted(links) != sorted(href(a) for a in annotations):
        missing = sorted(set(href(a) for a in annotations) - set(links))
        problems.append("the index links %d annotations, content/annotations/ has %d; missing %s" % (len(links), len(annotations), missing[:5]))
    report("annotations/index.html links each of the %d annotations once" % len(annotations), problems)

    queries = [{key: value} for key in ("kind", "source", "actor", "term")
               for value in sorted(set().union(*({a[key]} if isinstance(a[key], str) else a[key] for a in annotations)))]
    queries += [{"kind": "claim", "actor": "russia"}, {"source": "memri-2019", "term": "cautious-partnership"}, {"actor": "no-such-actor"}]
    problems = []
    for query in queries:
        driver.get(page + "?" + urllib.parse.urlencode(query))
        expected = sorted(href(a) for a in annotations
                          if all(value == a[key] if isinstance(a[key], str) else value in a[key] for key, value in query.items()))
        shown = driver.execute_script(SHOWN_ANNOTATIONS)
        name = urllib.parse.urlencode(query)
        if sorted(shown["shown"]) != expected:
            problems.append("?%s shows %d annotations, expected %d" % (name, len(shown["shown"]), len(expected)))
        unknown = ["no %s \u201c%s\u201d" % (key, value) for key, value in query.items()
                   if not any(value == a[key] if isinstance(a[key], str) else value in a[key] for a in annotations)]
        status = "Showing %d of %d annotations" % (len(expected), len(annotations)) + (" (the index has %s)." % ", ".join(unknown) if unknown else ".")
        if shown["status"] != status:
            problems.append("?%s: status %r, expected %r" % (name, shown["status"], status))
    driver.get(page)
    Select(driver.find_element("id", "filter-kind")).select_by_value("claim")
    Select(driver.find_element("id", "filter-actor")).select_by_value("iran")
    if not driver.current_url.endswith("?kind=claim&actor=iran"):
        problems.append("choosing a kind and an actor leaves the address at " + driver.current_url)
    driver.find_element("id", "filter-clear").click()
    if driver.current_url != page or len(driver.execute_script(SHOWN_ANNOTATIONS)["shown"]) != len(annotations):
        problems.append("'Clear filter' leaves %s" % driver.current_url)
    report("annotation filters: %d queries show exactly their annotations; the controls update the address" % len(queries), problems)


def run(driver, base, public, content, pages, report):
    check_preview_data(public, pages, report)
    check_previews(driver, base, public, report)
    check_pairs(driver, base, content, report)
    check_annotation_index(driver, base, content, report)
