"""Checks of what the site gives other tools: annotations.jsonld (W3C Web Annotation Data
Model) against the model's required keys and against the source pages it points into, and each
source's citation.bib and citation.ris read by real parsers (bibtexparser, rispy) against the
citation_* meta tags of its page. Each function returns a list of problems, empty when all is well.

The source page's text, over which TextPositionSelector counts, is read by the rule
Sources/SiteKit/Render/AnnotationExport.swift states: the text of each numbered paragraph
(`div.ptext` in `div.para`) without the note numbers after highlights (`a.note-ref`), with a line
break after each block element inside it, runs of spaces and line breaks as one space and none at
either end; paragraphs joined by "\\n\\n"; offsets in Unicode code points.
"""
import html.parser
import json
import os
import re

import bibtexparser
import rispy

MOTIVATIONS = {"commenting", "describing", "questioning", "editing", "linking"}
BLOCKS = {"p", "li", "ul", "ol", "blockquote", "pre", "table", "thead", "tbody", "tr", "td", "th", "div",
          "h1", "h2", "h3", "h4", "h5", "h6", "hr"}


class PageText(html.parser.HTMLParser):
    """A source page's text by the rule above, its note ids and its citation_* meta tags."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.paragraphs, self.note_ids, self.meta = [], [], []
        self.depth = 0          # open elements inside the current div.ptext (0: outside)
        self.skip = 0           # open elements inside an a.note-ref
        self.current = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        classes = (attrs.get("class") or "").split()
        if tag == "meta" and (attrs.get("name") or "").startswith("citation_"):
            self.meta.append((attrs["name"], attrs.get("content")))
        if "note" in classes and (attrs.get("id") or "").startswith("n-"):
            self.note_ids.append(attrs["id"][2:])
        if self.depth == 0:
            if tag == "div" and "ptext" in classes:
                self.depth, self.current = 1, []
            return
        if tag in ("br", "hr"):
            self.current.append("\n")
            return
        self.depth += 1
        if self.skip or (tag == "a" and "note-ref" in classes):
            self.skip += 1

    def handle_endtag(self, tag):
        if self.depth == 0:
            return
        self.depth -= 1
        if self.skip:
            self.skip -= 1
        if tag in BLOCKS:
            self.current.append("\n")
        if self.depth == 0:
            self.paragraphs.append(re.sub(r"[ \n]+", " ", "".join(self.current)).strip(" "))
            self.current = None

    def handle_data(self, data):
        if self.depth and not self.skip:
            self.current.append(data)

    @property
    def text(self):
        return "\n\n".join(self.paragraphs)


def read_page(public, path):
    parser = PageText()
    with open(os.path.join(public, path), encoding="utf-8") as handle:
        parser.feed(handle.read())
    return parser


def source_pages(public):
    folder = os.path.join(public, "sources")
    return sorted("sources/%s/index.html" % name for name in os.listdir(folder)
                  if os.path.isfile(os.path.join(folder, name, "index.html")))


def check_annotations(public, base_url=None):
    """annotations.jsonld: required keys, one item per note on the source pages, and each
    TextQuoteSelector's exact, prefix and suffix at its TextPositionSelector in the page text."""
    with open(os.path.join(public, "annotations.jsonld"), encoding="utf-8") as handle:
        collection = json.load(handle)
    problems = []
    for key, wanted in (("@context", "http://www.w3.org/ns/anno.jsonld"), ("type", "AnnotationCollection")):
        if collection.get(key) != wanted:
            problems.append("collection: %s is %r, not %r" % (key, collection.get(key), wanted))
    items = collection.get("items", [])
    if not collection.get("id") or collection.get("total") != len(items):
        problems.append("collection: needs an id and a total equal to its %d items" % len(items))
    pages, seen = {}, set()
    for item in items:
        name = item.get("id", "?")
        seen.add(name)
        if item.get("type") != "Annotation" or item.get("motivation") not in MOTIVATIONS:
            problems.append("%s: type %r, motivation %r" % (name, item.get("type"), item.get("motivation")))
        bodies = item.get("body") or [{}]
        note = bodies[0]
        if (note.get("type"), note.get("format")) != ("TextualBody", "text/html") or not note.get("value") or not note.get("language"):
            problems.append("%s: the first body is not the note as text/html TextualBody with a language" % name)
        for tag in bodies[1:]:
            if tag.get("purpose") != "tagging" or tag.get("type") != "TextualBody" or not tag.get("value"):
                problems.append("%s: body %r is not a tag" % (name, tag))
        target = item.get("target", {})
        source = target.get("source", "")
        path = source[len(base_url):] + "index.html" if base_url and source.startswith(base_url) else source
        if not os.path.isfile(os.path.join(public, path)) or not name.startswith(source + "#n-"):
            problems.append("%s: target source %r is not the page of its note" % (name, source))
            continue
        if path not in pages:
            pages[path] = read_page(public, path)
        text = pages[path].text
        selectors = {selector.get("type"): selector for selector in target.get("selector", [])}
        quote, position = selectors.get("TextQuoteSelector"), selectors.get("TextPositionSelector")
        if not quote or not position:
            problems.append("%s: needs a TextQuoteSelector and a TextPositionSelector" % name)
            continue
        start, end = position.get("start"), position.get("end")
        found = (text[start - len(quote["prefix"]):start], text[start:end], text[end:end + len(quote["suffix"])])
        if found != (quote["prefix"], quote["exact"], quote["suffix"]):
            problems.append("%s: at %d..%d the page has %r, the selector %r" % (name, start, end, found,
                                                                                (quote["prefix"], quote["exact"], quote["suffix"])))
    for path in source_pages(public):
        page = pages.get(path) or read_page(public, path)
        source = (base_url + path[:-len("index.html")]) if base_url else path
        missing = [note for note in page.note_ids if "%s#n-%s" % (source, note) not in seen]
        if missing:
            problems.append("%s: notes missing from annotations.jsonld: %s" % (path, ", ".join(missing)))
    return problems


def check_citations(public):
    """Each source's citation.bib and citation.ris parse, and state the title, authors, date and
    publisher or journal of its page's citation_* meta tags, no more and no fewer."""
    problems = []
    for path in source_pages(public):
        folder = os.path.dirname(path)
        meta = read_page(public, path).meta
        first = dict(reversed(meta))
        wanted = {
            "title": first.get("citation_title"),
            "authors": [content for name, content in meta if name == "citation_author"],
            "year": (first.get("citation_publication_date") or "")[:4],
            "publisher": first.get("citation_publisher"),
            "journal": first.get("citation_journal_title"),
        }
        if not wanted["title"] or not wanted["year"]:
            problems.append("%s: citation_title or citation_publication_date missing" % path)
        with open(os.path.join(public, folder, "citation.bib"), encoding="utf-8") as handle:
            library = bibtexparser.parse_string(handle.read())
        if len(library.entries) != 1 or library.failed_blocks:
            problems.append("%s/citation.bib: %d entries, %d blocks that do not parse" % (folder, len(library.entries), len(library.failed_blocks)))
        else:
            fields = library.entries[0].fields_dict
            value = lambda key: fields[key].value if key in fields else None
            bib = {"title": value("title"), "authors": value("author").split(" and ") if value("author") else [],
                   "year": value("year"), "publisher": value("publisher"), "journal": value("journal")}
            if bib != wanted:
                problems.append("%s/citation.bib states %r, the page %r" % (folder, bib, wanted))
        with open(os.path.join(public, folder, "citation.ris"), encoding="utf-8") as handle:
            records = rispy.loads(handle.read())
        if len(records) != 1:
            problems.append("%s/citation.ris: %d records" % (folder, len(records)))
        else:
            record = records[0]
            ris = {"title": record.get("title"), "authors": record.get("authors", []), "year": record.get("year"),
                   "publisher": record.get("publisher"), "journal": record.get("journal_name")}
            if ris != wanted:
                problems.append("%s/citation.ris states %r, the page %r" % (folder, ris, wanted))
    return problems
