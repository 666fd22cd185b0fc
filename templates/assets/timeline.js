// Timeline filters (filters.js): ?actor=<id>, ?term=<id> and ?source=<id> show only the events
// that match all of them, in the list, the overview and the year links.
(function () {
  "use strict";
  function shown(visible) {
    document.querySelectorAll(".overview-list a[href^='#']").forEach(function (link) {
      link.parentNode.hidden = !visible[link.getAttribute("href").slice(1)];
    });
    closeUpLanes(visible);
    document.querySelectorAll("section.year").forEach(function (section) {
      var empty = !section.querySelector("article.event:not([hidden])");
      section.hidden = empty;
      document.querySelector(".year-links a[href='#" + section.querySelector("h2").id + "']").parentNode.hidden = empty;
    });
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

  window.sitegenFilters({
    form: document.getElementById("timeline-filters"),
    keys: [["actor", "actors"], ["term", "terms"], ["source", "sources"]],
    items: Array.prototype.slice.call(document.querySelectorAll("article.event")),
    noun: "events",
    place: "this timeline",
    shown: shown
  });
}());
