// Words as the search index cuts them (Sources/SiteKit/Search/SearchTokenizer.swift): runs of
// letters and digits in which an apostrophe or a hyphen may stand between two of them, folded
// to lower case without diacritics. Shared with search.js; loaded on every page.
// A page opened from a search result then marks the words searched for, given as
// ?highlight=word+word (folded words, as search.js links them), as Pagefind's highlightParam.
(function () {
  "use strict";
  var pattern = "[\\p{L}\\p{N}][\\p{L}\\p{N}\\p{M}]*(?:['\u2019\\-\u2010\u2011][\\p{L}\\p{N}][\\p{L}\\p{N}\\p{M}]*)*";
  function fold(word) {
    return word.toLowerCase().normalize("NFD").replace(/\p{M}/gu, "").replace(/\u2019/g, "'");
  }
  // Every word of `text`: its folded form, where it starts and ends, and its folded parts when
  // it is hyphenated (the index holds the parts and the parts joined).
  function words(text) {
    var found = [], match, expression = new RegExp(pattern, "gu");
    while ((match = expression.exec(text)) !== null) {
      var parts = fold(match[0]).split(/[\-\u2010\u2011]/);
      found.push({ word: parts.join(""), parts: parts, start: match.index, end: match.index + match[0].length });
    }
    return found;
  }
  window.sitegenWords = { fold: fold, words: words };

  var wanted = new URLSearchParams(window.location.search).get("highlight");
  var main = document.getElementById("main");
  if (!wanted || !main) { return; }
  var set = {};
  wanted.split(/\s+/).forEach(function (word) { if (word) { set[fold(word)] = true; } });
  function matches(found) {
    return set[found.word] || found.parts.some(function (part) { return set[part]; });
  }
  var walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
  var nodes = [];
  while (walker.nextNode()) { nodes.push(walker.currentNode); }
  nodes.forEach(function (node) {
    var text = node.nodeValue;
    var found = words(text).filter(matches);
    if (found.length === 0) { return; }
    var piece = document.createDocumentFragment(), at = 0;
    found.forEach(function (word) {
      piece.appendChild(document.createTextNode(text.slice(at, word.start)));
      var mark = document.createElement("mark");
      mark.className = "search-hit";
      mark.textContent = text.slice(word.start, word.end);
      piece.appendChild(mark);
      at = word.end;
    });
    piece.appendChild(document.createTextNode(text.slice(at)));
    node.parentNode.replaceChild(piece, node);
  });
})();
