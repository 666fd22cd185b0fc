// Filters through query parameters, shared by the timeline (?actor=, ?term=, ?source=) and the
// annotation index (?kind=, ?source=, ?actor=, ?term=): combinable, they show only the items that
// match all of them. The controls keep the address up to date, so a filtered view can be shared.
// Without JavaScript the page shows every item and the controls stay hidden.
//
// sitegenFilters(options): options.form, the controls; options.keys, [parameter, data attribute
// holding the item's space-separated ids] pairs; options.items, the elements filtered;
// options.noun ("events") and options.place ("this timeline") for the status line;
// options.shown(visible, chosen), called after each change with the visible items by id.
window.sitegenFilters = function (options) {
  "use strict";
  var form = options.form, keys = options.keys, items = options.items;
  if (!form || !window.URLSearchParams) { return; }
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
  function matches(item, chosen) {
    return keys.every(function (key) {
      var value = chosen[key[0]];
      return !value || (item.getAttribute("data-" + key[1]) || "").split(" ").indexOf(value) >= 0;
    });
  }
  function apply(chosen) {
    var visible = {}, total = 0, unknown = [];
    items.forEach(function (item, index) {
      var match = matches(item, chosen);
      item.hidden = !match;
      if (match) { visible[item.id || index] = true; total += 1; }
    });
    options.shown(visible, chosen);
    keys.forEach(function (key) {
      var select = form.elements[key[0]];
      select.value = chosen[key[0]] || "";
      if (chosen[key[0]] && select.value !== chosen[key[0]]) { unknown.push("no " + key[0] + " \u201c" + chosen[key[0]] + "\u201d"); }
    });
    var filtered = Object.keys(chosen).length > 0;
    count.textContent = (filtered ? "Showing " + total + " of " + items.length + " " + options.noun : "Showing all " + items.length + " " + options.noun)
      + (unknown.length ? " (" + options.place + " has " + unknown.join(", ") + ")." : ".");
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
};
