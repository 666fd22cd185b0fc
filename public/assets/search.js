// Static search over the word index in search/ (Sources/SiteKit/Search/SearchFiles.swift). Each
// query loads only the shards holding its words and stems and the fragments of the results
// shown, as scripts, so that it also works from a plain folder. Words are cut and folded by
// highlight.js (window.sitegenWords), as the index cut them.
(function () {
  "use strict";
  var input = document.getElementById("search-input");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var more = document.getElementById("search-more");
  if (!input || !window.sitegenWords) { return; }
  var root = input.getAttribute("data-root") || "";
  var pageSize = 10;          // passages whose text is fetched at a time
  var manifest = null, shards = {}, fragments = {}, decoded = {};
  var loaded = {}, waiting = {};
  var run = 0, current = null;

  window.sitegenSearch = {
    manifest: function (value) { manifest = value; },
    shard: function (number, words, stems) { shards[number] = { words: words, stems: stems }; },
    fragment: function (number, passages) { fragments[number] = passages; }
  };

  // Loads each script once; `then` runs when all of `names` are in, `failed` if one is not.
  function load(names, then, failed) {
    var left = 0;
    function one() { left -= 1; if (left === 0) { then(); } }
    names.forEach(function (name) {
      if (loaded[name]) { return; }
      left += 1;
      if (waiting[name]) { waiting[name].push(one); return; }
      waiting[name] = [one];
      var element = document.createElement("script");
      element.src = name;
      element.onload = function () { loaded[name] = true; waiting[name].forEach(function (call) { call(); }); delete waiting[name]; };
      element.onerror = function () { delete waiting[name]; failed(); };
      document.head.appendChild(element);
    });
    if (left === 0) { then(); }
  }

  // The shard of a word or stem: a hash of its first `key` UTF-16 code units (SearchFiles.shard).
  function shardOf(word) {
    var hash = 0;
    for (var i = 0; i < Math.min(manifest.key, word.length); i++) { hash = (hash * 31 + word.charCodeAt(i)) % 65521; }
    return hash % manifest.shards;
  }
  function shardName(word) { return "w/" + shardOf(word) + ".js"; }

  // The stem of a word of a loaded shard, or undefined.
  function stemOf(word) {
    var shard = shards[shardOf(word)];
    if (!shard || !Object.prototype.hasOwnProperty.call(shard.words, word)) { return undefined; }
    return shard.words[word] === 0 ? word : shard.words[word];
  }

  // The query as terms: each a word, or a quoted phrase of words. The last word, still being
  // typed, also matches the words it begins.
  function parse(query) {
    var terms = [];
    query.split('"').forEach(function (segment, index) {
      var found = window.sitegenWords.words(segment);
      if (index % 2 === 1) {
        var words = [];
        found.forEach(function (word) { words = words.concat(word.parts); });
        if (words.length > 0) { terms.push({ words: words, phrase: true }); }
      } else {
        found.forEach(function (word) { terms.push({ words: [word.word], phrase: false }); });
      }
    });
    var last = terms[terms.length - 1];
    if (last && !last.phrase && /[\p{L}\p{N}]$/u.test(query)) { last.prefix = true; }
    return terms;
  }

  function editDistanceIsOne(a, b) {
    if (Math.abs(a.length - b.length) > 1 || a === b) { return false; }
    var i = 0;
    while (i < a.length && i < b.length && a[i] === b[i]) { i++; }
    if (a.length === b.length) {
      return a.slice(i + 1) === b.slice(i + 1) ||
        (a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2));
    }
    return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
  }

  // The words of the index a query word stands for: itself; when typed last, the words it
  // begins (the shortest first); when none, the words one edit away (Kortunof: kortunov).
  function expand(word, prefix) {
    if (stemOf(word) !== undefined && !prefix) { return [word]; }
    var shard = shards[shardOf(word)], found = [];
    Object.keys(shard.words).forEach(function (other) {
      if (prefix && other.lastIndexOf(word, 0) === 0) { found.push(other); }
    });
    found.sort(function (a, b) { return a.length - b.length || (a < b ? -1 : 1); });
    found = found.slice(0, 12);
    if (found.length === 0 && word.length >= 4) {
      found = Object.keys(shard.words).filter(function (other) { return editDistanceIsOne(word, other); });
    }
    return found;
  }

  // A stem's postings: passage number → { score, positions }.
  function postings(stem) {
    if (decoded[stem]) { return decoded[stem]; }
    var shard = shards[shardOf(stem)], values = shard && shard.stems[stem], map = {};
    if (values) {
      for (var at = 1; at < values.length;) {
        var count = values[at + 2];
        map[values[at]] = { score: values[at + 1], positions: values.slice(at + 3, at + 3 + count) };
        at += 3 + count;
      }
    }
    decoded[stem] = map;
    return map;
  }

  // What one query word matches: passage → best score and all positions, over its words' stems.
  function matchWord(words) {
    var map = {}, seen = {};
    words.forEach(function (word) {
      var stem = stemOf(word);
      if (stem === undefined || seen[stem]) { return; }
      seen[stem] = true;
      var found = postings(stem);
      Object.keys(found).forEach(function (passage) {
        var entry = map[passage] || (map[passage] = { score: 0, positions: [] });
        entry.score = Math.max(entry.score, found[passage].score);
        entry.positions = entry.positions.concat(found[passage].positions);
      });
    });
    return map;
  }

  // Passages holding every word of a phrase at consecutive positions.
  function matchPhrase(maps) {
    var result = {};
    Object.keys(maps[0]).forEach(function (passage) {
      if (!maps.every(function (map) { return map[passage]; })) { return; }
      var starts = maps[0][passage].positions.filter(function (start) {
        return maps.every(function (map, offset) { return map[passage].positions.indexOf(start + offset) >= 0; });
      });
      if (starts.length === 0) { return; }
      var score = maps.reduce(function (sum, map) { return sum + map[passage].score; }, 0);
      result[passage] = { score: score * 1.5, positions: starts };
    });
    return result;
  }

  function nearest(a, b) {
    var best = Infinity;
    a.forEach(function (x) { b.forEach(function (y) { best = Math.min(best, Math.abs(x - y)); }); });
    return best;
  }

  // Passages matching every term, best first: BM25 scores summed, a fifth more for each pair of
  // neighbouring terms within three words of each other.
  function rank(terms) {
    var maps = terms.map(function (term) {
      return term.phrase ? matchPhrase(term.expanded.map(matchWord)) : matchWord(term.expanded[0]);
    });
    var results = [];
    Object.keys(maps[0]).forEach(function (passage) {
      if (!maps.every(function (map) { return map[passage]; })) { return; }
      var score = maps.reduce(function (sum, map) { return sum + map[passage].score; }, 0);
      for (var i = 1; i < maps.length; i++) {
        if (nearest(maps[i - 1][passage].positions, maps[i][passage].positions) <= 3) { score *= 1.2; }
      }
      results.push({ passage: Number(passage), score: score });
    });
    results.sort(function (a, b) { return b.score - a.score || a.passage - b.passage; });
    return results;
  }

  function search(query) {
    var mine = ++run;
    var terms = parse(query);
    if (terms.length === 0) { status.textContent = list.textContent = ""; more.hidden = true; current = null; return; }
    function failed() { if (mine === run) { status.textContent = "The search index could not be loaded."; } }
    load(["index.js"], function () {
      var words = [];
      terms.forEach(function (term) { words = words.concat(term.words); });
      load(words.map(shardName), function () {
        var stems = [], corrected = [];
        terms.forEach(function (term) {
          term.expanded = term.words.map(function (word, index) {
            var found = expand(word, term.prefix && index === term.words.length - 1);
            if (found.length > 0 && !found.some(function (other) { return other.lastIndexOf(word, 0) === 0; })) {
              corrected.push("“" + word + "” as “" + found.join("”, “") + "”");
            }
            return found;
          });
          term.expanded.forEach(function (found) { found.forEach(function (word) { stems.push(stemOf(word)); }); });
        });
        load(stems.map(shardName), function () {
          if (mine !== run) { return; }
          var matched = {};
          stems.forEach(function (stem) { matched[stem] = true; });
          current = { results: rank(terms), shown: 0, matched: matched, highlight: forms(matched) };
          if (current.results.length === 0) { list.textContent = ""; more.hidden = true; }
          status.textContent = (corrected.length ? "Searched for " + corrected.join(", ") + ". " : "") +
            (current.results.length === 0 ? "No results." : current.results.length === 1 ? "1 result." : current.results.length + " results.");
          show();
        }, failed);
      }, failed);
    }, failed);
  }

  // The words of the loaded shards whose stems the query matched, for the page opened to mark.
  function forms(matched) {
    var found = [];
    Object.keys(shards).forEach(function (number) {
      Object.keys(shards[number].words).forEach(function (word) {
        if (matched[stemOf(word)]) { found.push(word); }
      });
    });
    return found.sort();
  }

  // Shows the next results, their fragments loaded first; passages of one page come together.
  function show() {
    var state = current, batch = state.results.slice(state.shown, state.shown + pageSize);
    var names = batch.map(function (result) { return "f/" + Math.floor(result.passage / manifest.perFragment) + ".js"; });
    load(names, function () {
      if (state !== current) { return; }
      // The previous query's results stay until these replace them, so typing does not flicker.
      if (state.shown === 0) { list.textContent = ""; }
      var groups = [], byPage = {};
      batch.forEach(function (result) {
        var passage = fragments[Math.floor(result.passage / manifest.perFragment)][result.passage % manifest.perFragment];
        var page = passage[0] === "s" || passage[0] === "n" ? passage[2].split("#")[0] : passage[2];
        if (!byPage[page]) { byPage[page] = []; groups.push(byPage[page]); }
        byPage[page].push(passage);
      });
      groups.forEach(function (group) {
        group.forEach(function (passage, index) { list.appendChild(entry(passage, index > 0)); });
      });
      state.shown += batch.length;
      more.hidden = state.shown >= state.results.length;
    }, function () { status.textContent = "The search index could not be loaded."; });
  }

  var kinds = { s: "Source", n: "Note", a: "Actor", e: "Event", t: "Term" };

  function isMatch(found) {
    return [found.word].concat(found.parts).some(function (word) {
      var stem = stemOf(word);
      return stem !== undefined && current.matched[stem];
    });
  }

  // One result: kind, linked title, and an excerpt of about 30 words around the first match,
  // cut at word boundaries, the matched words marked.
  function entry(passage, samePage) {
    var item = document.createElement("li");
    if (samePage) { item.className = "same-page"; }
    var text = passage[3] || "", words = window.sitegenWords.words(text), marked = words.filter(isMatch);
    var kind = document.createElement("span");
    kind.className = "kind";
    kind.textContent = kinds[passage[0]];
    var link = document.createElement("a");
    var hash = passage[2].indexOf("#");
    var path = hash < 0 ? passage[2] : passage[2].slice(0, hash), fragment = hash < 0 ? "" : passage[2].slice(hash);
    link.href = root + path + "?highlight=" + encodeURIComponent(current.highlight.join(" ")) + fragment;
    link.textContent = passage[1];
    item.appendChild(kind);
    item.appendChild(document.createTextNode(" "));
    item.appendChild(link);
    if (text) {
      var first = marked.length ? words.indexOf(marked[0]) : 0;
      var start = Math.max(0, first - 10), end = Math.min(words.length, start + 32);
      var excerpt = document.createElement("p");
      excerpt.className = "excerpt";
      var from = start > 0 ? words[start].start : 0, to = end < words.length ? words[end - 1].end : text.length;
      if (start > 0) { excerpt.appendChild(document.createTextNode("…")); }
      var at = from;
      marked.forEach(function (found) {
        if (found.start < from || found.end > to) { return; }
        excerpt.appendChild(document.createTextNode(text.slice(at, found.start)));
        var mark = document.createElement("mark");
        mark.textContent = text.slice(found.start, found.end);
        excerpt.appendChild(mark);
        at = found.end;
      });
      excerpt.appendChild(document.createTextNode(text.slice(at, to) + (end < words.length ? "…" : "")));
      item.appendChild(excerpt);
    }
    return item;
  }

  function update() {
    var query = input.value;
    var url = window.location.pathname + (query ? "?q=" + encodeURIComponent(query) : "");
    try { window.history.replaceState(null, "", url); } catch (error) { /* some browsers refuse it for file: URLs */ }
    search(query);
  }

  input.addEventListener("input", update);
  more.addEventListener("click", function () { if (current) { show(); } });
  var query = new URLSearchParams(window.location.search).get("q");
  if (query) { input.value = query; search(query); }
})();
