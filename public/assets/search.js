// Static search: the index is loaded only when the reader starts typing, as scripts so that it
// also works when the site is opened as a plain folder. search/index.js lists the parts of the
// index; they are fetched side by side, each filling its own slot, so their order is kept.
(function () {
  "use strict";
  var input = document.getElementById("search-input");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  if (!input) { return; }
  var root = input.getAttribute("data-root") || "";
  var index = null;
  var loading = false;

  function script(src, done, failed) {
    var element = document.createElement("script");
    element.src = src;
    element.onload = done;
    element.onerror = failed;
    document.head.appendChild(element);
  }

  function load(then) {
    if (index) { then(); return; }
    if (loading) { return; }
    loading = true;
    status.textContent = "Loading the search index…";
    var manifest = input.getAttribute("data-index");
    var folder = manifest.slice(0, manifest.lastIndexOf("/") + 1);
    function failed() { loading = false; status.textContent = "The search index could not be loaded."; }
    script(manifest, function () {
      var parts = window.sitegenSearchParts || [];
      var loaded = 0;
      function finish() {
        index = [].concat.apply([], window.sitegenSearchIndex || []);
        loading = false;
        then();
      }
      if (parts.length === 0) { finish(); return; }
      parts.forEach(function (name) {
        script(folder + name, function () {
          loaded += 1;
          if (loaded < parts.length) {
            status.textContent = "Loading the search index… (" + loaded + " of " + parts.length + " parts)";
          } else {
            finish();
          }
        }, failed);
      });
    }, failed);
  }

  function fold(text) {
    return text.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "")
      .replace(/[\u2018\u2019]/g, "'").replace(/[\u201c\u201d]/g, '"').replace(/[\u2010-\u2015]/g, "-");
  }

  function snippet(text, word) {
    var at = fold(text).indexOf(word);
    var start = Math.max(0, at - 60);
    return (start > 0 ? "…" : "") + text.slice(start, start + 180) + (start + 180 < text.length ? "…" : "");
  }

  function run() {
    var words = fold(input.value).split(/\s+/).filter(function (w) { return w.length > 0; });
    list.textContent = "";
    if (words.length === 0) { status.textContent = ""; return; }
    var results = [];
    index.forEach(function (entry) {
      var haystack = fold(entry.t + " " + entry.x);
      var score = 0;
      for (var i = 0; i < words.length; i++) {
        var count = haystack.split(words[i]).length - 1;
        if (count === 0) { return; }
        score += count + (fold(entry.t).indexOf(words[i]) >= 0 ? 10 : 0);
      }
      results.push({ entry: entry, score: score });
    });
    results.sort(function (a, b) { return b.score - a.score; });
    status.textContent = results.length === 0 ? "No results." :
      (results.length === 1 ? "1 result" : results.length + " results") + (results.length > 50 ? ", showing the first 50." : ".");
    results.slice(0, 50).forEach(function (result) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = root + result.entry.u;
      link.textContent = result.entry.t;
      var kind = document.createElement("span");
      kind.className = "kind";
      kind.textContent = result.entry.k + " ";
      var text = document.createElement("p");
      text.textContent = snippet(result.entry.x, words[0]);
      item.appendChild(kind);
      item.appendChild(link);
      item.appendChild(text);
      list.appendChild(item);
    });
  }

  input.addEventListener("input", function () { load(run); });
  var query = new URLSearchParams(window.location.search).get("q");
  if (query) { input.value = query; load(run); }
})();
