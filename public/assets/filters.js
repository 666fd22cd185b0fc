// Filters of the annotation index: ?kind=, ?source=, ?actor= and ?term=, combinable, show only
// the annotations that match all of them. The controls keep the address up to date, so a
// filtered list can be shared. Without JavaScript the page lists every annotation and the
// controls stay hidden.
(function () {
  "use strict";
  var form = document.getElementById("annotation-filters");
  if (!form || !window.URLSearchParams) { return; }
  var keys = [["kind", "kind"], ["source", "source"], ["actor", "actors"], ["term", "terms"]];
  var items = Array.prototype.slice.call(document.querySelectorAll(".annotation-index > li"));
  var count = document.getElementById("filter-count");
  var clear = document.getElementById("filter-clear");
  function wanted() {
    var query = new URLSearchParams(window.location.search), chosen = {};
    keys.forEach(function (key) {
      var value = query.get(key[0]);
      if (value) { chosen[key[0]] = value; }
    });
    return chosen;
  }
  function apply(chosen) {
    var total = 0, unknown = [];
    items.forEach(function (item) {
      var match = keys.every(function (key) {
        var value = chosen[key[0]];
        return !value || (item.getAttribute("data-" + key[1]) || "").split(" ").indexOf(value) >= 0;
      });
      item.hidden = !match;
      if (match) { total += 1; }
    });
    document.querySelectorAll(".annotation-group").forEach(function (group) {
      group.hidden = !group.querySelector(".annotation-index > li:not([hidden])");
    });
    keys.forEach(function (key) {
      var select = form.elements[key[0]];
      select.value = chosen[key[0]] || "";
      if (chosen[key[0]] && select.value !== chosen[key[0]]) { unknown.push("no " + key[0] + " \u201c" + chosen[key[0]] + "\u201d"); }
    });
    var filtered = Object.keys(chosen).length > 0;
    count.textContent = (filtered ? "Showing " + total + " of " + items.length + " annotations" : "Showing all " + items.length + " annotations")
      + (unknown.length ? " (the index has " + unknown.join(", ") + ")." : ".");
    clear.hidden = !filtered;
  }
  form.addEventListener("change", function () {
    var query = new URLSearchParams();
    keys.forEach(function (key) { if (form.elements[key[0]].value) { query.set(key[0], form.elements[key[0]].value); } });
    var search = query.toString();
    window.history.replaceState(null, "", window.location.pathname + (search ? "?" + search : ""));
    apply(wanted());
  });
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  clear.addEventListener("click", function (event) {
    event.preventDefault();
    window.history.replaceState(null, "", window.location.pathname);
    apply({});
  });
  form.hidden = false;
  apply(wanted());
}());
