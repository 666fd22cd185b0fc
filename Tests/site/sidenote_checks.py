"""Browser checks of the reader's notes, actor pages, contrast and 404 page (called by check_site.py).

On every source page at 1440 px, with JavaScript: each note's top within a median 24 px and a 90th
percentile 300 px of its highlight's first line, no two notes overlapping, no blank gap over 64 px
between consecutive paragraphs' text, notes beside the text, the text 60-75 characters a line;
hovering or focusing a highlight emphasises its note, and hovering a note its highlight. Without
JavaScript the notes are beside the text at 1440 px and open after their paragraphs at 390 px.
At 390 px with JavaScript every note is closed, with a button of at least 24 x 24 px that opens and
closes it (aria-expanded, aria-controls), and its highlight opens it too. Source and actor pages
pass axe's contrast rule in dark mode. Actor pages have a table of contents and name each
paragraph link. Served at a domain root, 404.html is styled and its links work 3 levels deep.
"""
import statistics
import urllib.parse

# Per note: its highlight's first line and its own box; per paragraph: its text's first and last line.
MEASURE = """
const lines = element => { const range = document.createRange(); range.selectNodeContents(element);
  return Array.from(range.getClientRects()).filter(r => r.width > 0 && r.height > 0); };
const notes = Array.from(document.querySelectorAll('.text .note')).map(note => {
  const mark = document.getElementById('a-' + note.id.slice(2));
  const box = note.getBoundingClientRect(), first = mark.getClientRects()[0];
  return {id: note.id, top: box.top + scrollY, bottom: box.bottom + scrollY, left: box.left, right: box.right,
          shown: box.height > 0, markTop: first.top + scrollY};
});
const texts = Array.from(document.querySelectorAll('.text > *')).map(block => block.querySelector('.ptext') || block).map(text => {
  const rects = lines(text);
  return {top: Math.min(...rects.map(r => r.top)) + scrollY, bottom: Math.max(...rects.map(r => r.bottom)) + scrollY,
          right: Math.max(...rects.map(r => r.right))};
}).filter(text => isFinite(text.top));
let perLine = 0;
const longest = Array.from(document.querySelectorAll('.text .ptext p')).sort((a, b) => b.textContent.length - a.textContent.length)[0];
if (longest) {
  const walker = document.createTreeWalker(longest, NodeFilter.SHOW_TEXT), counts = new Map(), range = document.createRange();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    for (let i = 0; i < node.length; i++) {
      range.setStart(node, i); range.setEnd(node, i + 1);
      const rect = range.getClientRects()[0];
      if (rect && !node.parentElement.closest('.note-ref')) { const top = Math.round(rect.bottom); counts.set(top, (counts.get(top) || 0) + 1); }
    }
  }
  const full = Array.from(counts.values()).slice(0, -1);
  perLine = full.length ? full.reduce((a, b) => a + b, 0) / full.length : 0;
}
return {notes: notes, texts: texts, perLine: perLine};
"""


def source_pages(pages):
    return sorted(page for page in pages if page.startswith("sources/") and page.endswith("/index.html"))


def placement(found, problems, name, with_script):
    """Appends what breaks the targets; returns (median drift, 90th percentile drift, largest gap)."""
    notes, texts = found["notes"], found["texts"]
    drifts = sorted(abs(note["top"] - note["markTop"]) for note in notes)
    gaps = [b["top"] - a["bottom"] for a, b in zip(texts, texts[1:])]
    median = statistics.median(drifts) if drifts else 0
    p90 = drifts[min(len(drifts) - 1, int(0.9 * len(drifts)))] if drifts else 0
    widest = max(gaps) if gaps else 0
    if with_script and (median > 24 or p90 > 300):
        problems.append("%s: drift median %.0f px, 90th percentile %.0f px" % (name, median, p90))
    if widest > 64:
        problems.append("%s: a blank gap of %.0f px between paragraphs" % (name, widest))
    text_right = max(text["right"] for text in texts)
    for note in notes:
        if not note["shown"] or note["left"] < text_right:
            problems.append("%s: %s is not beside the text" % (name, note["id"]))
    if with_script:
        for a, b in zip(notes, notes[1:]):
            if b["top"] < a["bottom"] - 0.5:
                problems.append("%s: %s overlaps %s" % (name, b["id"], a["id"]))
        if not 60 <= found["perLine"] <= 75:
            problems.append("%s: %.0f characters a line" % (name, found["perLine"]))
    return median, p90, widest


def emphasis(driver, page, problems):
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys
    for note in driver.find_elements("css selector", ".text .note"):
        name = note.get_attribute("id")[2:]
        mark = driver.find_element("id", "a-" + name)
        driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", mark)
        ActionChains(driver).move_to_element(mark).perform()
        if "active" not in note.get_attribute("class"):
            problems.append("%s: hovering a-%s leaves its note plain" % (page, name))
        # A link's preview opened over the highlight may cover the note: Esc closes it first.
        ActionChains(driver).send_keys(Keys.ESCAPE).move_to_element(note).perform()
        if "active" not in mark.get_attribute("class"):
            problems.append("%s: hovering n-%s leaves its highlight plain" % (page, name))
        driver.execute_script("document.querySelector(\"button.note-ref[aria-controls='n-\" + CSS.escape(arguments[0]) + \"']\").focus()", name)
        if "active" not in note.get_attribute("class"):
            problems.append("%s: focusing note %s's button leaves it plain" % (page, name))


PHONE = """
const button = document.querySelector("button.note-ref[aria-controls='" + arguments[0] + "']");
const note = document.getElementById(arguments[0]);
if (!button) return null;
const box = button.getBoundingClientRect();
return {expanded: button.getAttribute('aria-expanded'), width: box.width, height: box.height, shown: note.getBoundingClientRect().height > 0};
"""


def phone(driver, page, problems):
    for note in driver.find_elements("css selector", ".text .note"):
        target = note.get_attribute("id")
        state = driver.execute_script(PHONE, target)
        if state is None:
            problems.append("%s: no button controls %s" % (page, target))
            continue
        if state["expanded"] != "false" or state["shown"]:
            problems.append("%s: %s is open before it is asked for" % (page, target))
        if state["width"] < 24 or state["height"] < 24:
            problems.append("%s: %s's button is %.0f x %.0f px" % (page, target, state["width"], state["height"]))
        button = driver.find_element("css selector", "button.note-ref[aria-controls='%s']" % target)
        driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", button)
        button.click()
        state = driver.execute_script(PHONE, target)
        if state["expanded"] != "true" or not state["shown"]:
            problems.append("%s: the button does not open %s" % (page, target))
        button.click()
        if driver.execute_script(PHONE, target)["shown"]:
            problems.append("%s: the button does not close %s" % (page, target))
        # The highlight's first piece, clicked away from any link inside it.
        opened = driver.execute_script("""
const mark = document.getElementById('a-' + arguments[0].slice(2));
mark.scrollIntoView({block: 'center'});
const rect = mark.getClientRects()[0];
const at = document.elementFromPoint(rect.left + 2, rect.top + rect.height / 2);
if (!at || at.closest('a') || !at.closest('mark[data-note]')) return 'no free spot';
at.click();
return document.getElementById(arguments[0]).getBoundingClientRect().height > 0;""", target)
        if opened is False:
            problems.append("%s: clicking highlight a-%s does not open its note" % (page, target[2:]))
        if opened is True:
            driver.execute_script("document.getElementById('a-' + arguments[0].slice(2)).click()", target)


def run(driver, no_script_driver, base, pages, report, start_nginx, http_get):
    sources = source_pages(pages)
    figures = []
    for width, with_script, browser in ((1440, True, driver), (1440, False, no_script_driver)):
        browser.set_window_size(width, 1000)
        problems = []
        for page in sources:
            browser.get(base + page)
            median, p90, widest = placement(browser.execute_script(MEASURE), problems, page, with_script)
            figures.append("%s %s: drift median %.0f px, p90 %.0f px; widest gap %.0f px"
                           % ("script" if with_script else "no script", page, median, p90, widest))
        report("sidenotes at 1440 px %s JavaScript on %d source pages" % ("with" if with_script else "without", len(sources)),
               problems)
    for line in figures:
        print("        " + line)

    problems = []
    driver.set_window_size(1440, 1000)
    for page in sources:
        driver.get(base + page)
        emphasis(driver, page, problems)
    report("hovering or focusing a highlight emphasises its note, and the reverse", problems)

    problems = []
    driver.set_window_size(390, 900)
    no_script_driver.set_window_size(390, 900)
    for page in sources:
        driver.get(base + page)
        phone(driver, page, problems)
        no_script_driver.get(base + page)
        for note in no_script_driver.find_elements("css selector", ".text .note"):
            if not note.is_displayed() or note.rect["x"] < 0 or note.rect["x"] + note.rect["width"] > 390:
                problems.append("%s without JavaScript: %s is not readable" % (page, note.get_attribute("id")))
    report("390 px: each note closed behind a 24 x 24 px button and its highlight; all open without JavaScript", problems)

    problems = []
    driver.set_window_size(1280, 900)
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": "dark"}]})
    from axe_selenium_python import Axe
    actor = sorted(page for page in pages if page.startswith("actors/") and page.count("/") == 2)[0]
    for page in sources + [actor]:
        driver.get(base + page)
        axe = Axe(driver)
        axe.inject()
        result = axe.run(options={"runOnly": {"type": "rule", "values": ["color-contrast"]}, "resultTypes": ["violations"]})
        for violation in result["violations"]:
            problems += ["%s: %s" % (page, node["target"]) for node in violation["nodes"][:5]]
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": []})
    report("dark mode: axe finds no text under 4.5:1 on source pages and %s" % actor, problems)

    problems = []
    for page in (page for page in pages if page.startswith("actors/") and page.count("/") == 2):
        driver.get(base + page)
        toc = driver.execute_script("return Array.from(document.querySelectorAll('nav.toc a')).map(a => a.getAttribute('href'))")
        headings = driver.execute_script("return Array.from(document.querySelectorAll('article h2')).map(h => '#' + h.id)")
        if toc != headings:
            problems.append("%s: contents %s, sections %s" % (page, toc, headings))
        for name, text in driver.execute_script("return Array.from(document.querySelectorAll('a')).filter(a => /^¶\\d+$/.test(a.textContent)).map(a => [a.getAttribute('aria-label'), a.textContent])"):
            if not name or not name.startswith(text + " of "):
                problems.append("%s: %s is named %r" % (page, text, name))
    report("actor pages: a table of contents, each ¶ link named for its source", problems)

    import os
    import tempfile
    work = tempfile.mkdtemp()
    os.chmod(work, 0o755)
    nginx, root = start_nginx(work, "/")
    try:
        missing = root + "one/two/three/"
        status, body, _ = http_get(missing)
        problems = [] if status == 404 else ["%s answers HTTP %d" % (missing, status)]
        for width in (390, 1280):
            driver.set_window_size(width, 900)
            driver.get_log("browser")  # what earlier pages logged
            driver.get(missing)
            if driver.execute_script("return getComputedStyle(document.querySelector('.site-header')).borderBottomStyle") != "solid":
                problems.append("404 page at %s is unstyled" % missing)
            # The page's own 404 status is logged too.
            problems += ["console: " + entry["message"] for entry in driver.get_log("browser")
                         if entry["level"] in ("SEVERE", "WARNING") and not entry["message"].startswith(missing + " ")]
            axe = Axe(driver)
            axe.inject()
            problems += ["%dpx axe %s: %s" % (width, v["id"], node["target"]) for v in axe.run(options={"resultTypes": ["violations"]})["violations"] for node in v["nodes"][:3]]
        for href in driver.execute_script("return Array.from(document.querySelectorAll('link[href], a[href], script[src]')).map(e => e.getAttribute('href') || e.getAttribute('src'))"):
            if not href.startswith("#") and http_get(urllib.parse.urljoin(missing, href))[0] != 200:
                problems.append("404 page at %s: %s does not answer 200" % (missing, href))
        report("nginx at a domain root: a missing page 3 levels deep gets a styled 404.html with working links, no console error or axe violation at 390 and 1280 px", problems)
    finally:
        nginx.terminate()
        nginx.wait()
