// Timeline filters: ?actor=<id>, ?term=<id> and ?source=<id>, combinable, show only the events
// that match all of them, in the list, the overview and the year links. The controls keep the
// address up to date, so a filtered view can be shared. Without JavaScript the page shows every
// event and the controls stay hidden.
(function () {
  "use strict";
  var form = document.getElementById("timeline-filters");
  if (!form || !window.URLSearchParams) { return; }
  var keys = [["actor", "actors"], ["term", "terms"], ["source", "sources"]];
  var events = Array.prototype.slice.call(document.querySelectorAll("article.event"));
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

  function matches(event, chosen) {
    return keys.every(function (key) {
      var value = chosen[key[0]];
      return !value || (event.getAttribute("data-" + key[1]) || "").split(" ").indexOf(value) >= 0;
    });
  }

  function apply(chosen) {
    var shown = {}, total = 0;
    events.forEach(function (event) {
      var match = matches(event, chosen);
      event.hidden = !match;
      if (match) { shown[event.id] = true; total += 1; }
    });
    document.querySelectorAll(".overview-list a[href^='#']").forEach(function (link) {
      link.parentNode.hidden = !shown[link.getAttribute("href").slice(1)];
    });
    closeUpLanes(shown);
    document.querySelectorAll("section.year").forEach(function (section) {
      var empty = !section.querySelector("article.event:not([hidden])");
      section.hidden = empty;
      document.querySelector(".year-links a[href='#" + section.querySelector("h2").id + "']").parentNode.hidden = empty;
    });
    var filtered = Object.keys(chosen).length > 0, unknown = [];
    keys.forEach(function (key) {
      var select = form.elements[key[0]];
      select.value = chosen[key[0]] || "";
      if (chosen[key[0]] && select.value !== chosen[key[0]]) { unknown.push("no " + key[0] + " \u201c" + chosen[key[0]] + "\u201d"); }
    });
    count.textContent = (filtered ? "Showing " + total + " of " + events.length + " events" : "Showing all " + events.length + " events")
      + (unknown.length ? " (this timeline has " + unknown.join(", ") + ")." : ".");
    clear.hidden = !filtered;
  }

  // The drawing keeps its lanes as the build laid them out, without the lanes left empty, so
  // that the events shown stand together.
  var chart = document.querySelector(".overview-chart");
  var chartHeight = chart && Number(chart.getAttribute("height"));
  function laneOf(link) { return Number(link.querySelector("text").getAttribute("y")); }
  function closeUpLanes(shown) {
    if (!chart) { return; }
    var links = Array.prototype.slice.call(chart.querySelectorAll("a"));
    var lanes = [], kept = [];
    links.forEach(function (link) {
      var lane = laneOf(link);
      if (lanes.indexOf(lane) < 0) { lanes.push(lane); }
      if (shown[link.getAttribute("href").slice(1)] && kept.indexOf(lane) < 0) { kept.push(lane); }
    });
    lanes.sort(function (a, b) { return a - b; });
    kept.sort(function (a, b) { return a - b; });
    links.forEach(function (link) {
      var visible = shown[link.getAttribute("href").slice(1)];
      link.classList.toggle("filtered-out", !visible);
      link.setAttribute("transform", visible ? "translate(0 " + (lanes[kept.indexOf(laneOf(link))] - laneOf(link)) + ")" : "");
    });
    var height = chartHeight - (kept.length ? lanes[lanes.length - 1] - lanes[kept.length - 1] : 0);
    chart.setAttribute("height", height);
    chart.setAttribute("viewBox", "0 0 " + chart.getAttribute("width") + " " + height);
    chart.querySelectorAll(".era rect").forEach(function (band) { band.setAttribute("height", height - Number(band.getAttribute("y"))); });
    chart.querySelectorAll(".axis line").forEach(function (line) { line.setAttribute("y2", height); });
  }

  form.addEventListener("change", function () {
    var chosen = {}, query = new URLSearchParams();
    keys.forEach(function (key) {
      var value = form.elements[key[0]].value;
      if (value) { chosen[key[0]] = value; query.set(key[0], value); }
    });
    var search = query.toString();
    window.history.replaceState(null, "", window.location.pathname + (search ? "?" + search : ""));
    apply(chosen);
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
