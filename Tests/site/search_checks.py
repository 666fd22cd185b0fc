"""Search on the real content, in Chromium, as a reader searches: the first result of each query,
the words marked in excerpts, the URL following the query, the words marked on the page a result
opens (?highlight=), and the bytes of index files each query fetches (templates/assets/search.js,
Sources/SiteKit/Search/SearchFiles.swift)."""
import os
import time
import urllib.parse

BUDGET = 100 * 1024  # bytes of search/ files fetched by one query, uncompressed

# Query, then the first result's link (without ?highlight=) and the words marked in its excerpt.
QUERIES = [
    ("allies", "../glossary/index.html#ideological-ally", ["ally"]),
    ('"no allies"', "../sources/memri-2019/index.html#a-surkov-no-allies-2002", ["no", "allies"]),
    ("Kortunof", "../actors/andrey-kortunov/index.html", []),
    ("S400", "../timeline/index.html#2019-s400-delivery", ["S-400"]),
    ("S-400", "../timeline/index.html#2019-s400-delivery", ["S-400"]),
    ("strategic partnership", "../glossary/index.html#strategic-partnership", ["strategic", "partnership"]),
    ("partnerships", "../glossary/index.html#strategic-partnership", ["partnership"]),
    ("Surkov", "../actors/vladislav-surkov/index.html", []),
    ("situational", "../glossary/index.html#situational-alliance", ["situational"]),
    ("Erdoğan", "../actors/recep-tayyip-erdogan/index.html", []),
    ("Erdogan", "../actors/recep-tayyip-erdogan/index.html", []),
    ("ABM treaty", "../sources/russian-views-2002/index.html#a-abm-acquiescence", ["ABM", "Treaty"]),
    ("bargaining chip", "../glossary/index.html#bargaining-chip", ["bargaining", "chip"]),
    ("Chechnya", "../sources/russia-iran-2001/index.html#a-chechnya-need", ["Chechnya"]),
    ("kortunov cautious", "../sources/memri-2019/index.html#a-kortunov-cautious-partnership", ["Kortunov", "Cautious"]),
    ("Shumilin", "../actors/alexander-shumilin/index.html", []),
]


def wait_for_results(driver):
    """Waits until the status says how many results there are; returns the status."""
    deadline = time.time() + 10
    while time.time() < deadline:
        status = driver.find_element("id", "search-status").text
        if status.endswith("results.") or status.endswith("result."):
            if status.endswith("No results.") or driver.find_elements("css selector", "#search-results li"):
                return status
        time.sleep(0.05)
    return driver.find_element("id", "search-status").text


def first_result(driver):
    return driver.execute_script("""
        var item = document.querySelector('#search-results li');
        if (!item) { return null; }
        return { href: item.querySelector('a').getAttribute('href').replace(/\\?highlight=[^#]*/, ''),
                 marks: [...item.querySelectorAll('.excerpt mark')].map(m => m.textContent)
                          .filter((word, index, all) => all.indexOf(word) === index) };""")


def fetched_bytes(driver):
    return driver.execute_script("""
        return performance.getEntriesByType('resource').filter(e => e.name.indexOf('/search/') >= 0)
          .reduce((sum, e) => sum + e.decodedBodySize, 0);""")


def check(driver, base, folder, report):
    driver.set_window_size(1280, 900)
    problems, sizes = [], []
    for query, href, marks in QUERIES:
        driver.get(base + "search/index.html?q=" + urllib.parse.quote(query))
        status = wait_for_results(driver)
        first = first_result(driver)
        found = (first["href"], first["marks"][:len(marks)]) if first else (None, [])
        if found != (href, marks):
            problems.append("%s: first result %s marking %s, expected %s marking %s (%s)" % (query, found[0], found[1], href, marks, status))
        size = fetched_bytes(driver)
        sizes.append("%s %d" % (query, size))
        if size > BUDGET:
            problems.append("%s: %d bytes of index fetched, over %d" % (query, size, BUDGET))
    driver.get(base + "search/index.html?q=Kortunof")
    status = wait_for_results(driver)
    if status != "Searched for “kortunof” as “kortunov”. 25 results.":
        problems.append("Kortunof: the status says %r" % status)
    report("search: first results and marked words of %d queries, each under %d KB fetched (%s)"
           % (len(QUERIES), BUDGET // 1024, ", ".join(sizes)), problems)

    # Typing updates the URL; the first result opens its page with the words marked.
    problems = []
    driver.get(base + "search/index.html")
    box = driver.find_element("id", "search-input")
    box.send_keys("no allies")
    wait_for_results(driver)
    query = driver.execute_script("return window.location.search")
    if query != "?q=no%20allies":
        problems.append("the URL's query is %r after typing 'no allies'" % query)
    link = driver.find_element("css selector", "#search-results li a")
    href = link.get_attribute("href")
    link.click()
    deadline = time.time() + 5
    while time.time() < deadline and driver.current_url == base + "search/index.html?q=no%20allies":
        time.sleep(0.05)
    marked = driver.execute_script("""
        return [...document.querySelectorAll('mark.search-hit')].map(m => m.textContent.toLowerCase())
          .filter((word, index, all) => all.indexOf(word) === index).sort();""")
    if "?highlight=allied%20allies%20ally%20no#" not in href or marked != ["allies", "ally", "no"]:
        problems.append("the first result %s marks %s on its page" % (href, marked))
    report("search: the URL follows the query; the page a result opens marks the words searched for", problems)

    # The same from the folder opened as files, where scripts still load and fetch() would not.
    driver.get("file://" + os.path.abspath(folder) + "/search/index.html?q=S400")
    wait_for_results(driver)
    first = first_result(driver)
    report("search: works from the folder opened as files",
           [] if first and first["href"] == QUERIES[3][1] else ["first result for S400 from file: %s" % first])
