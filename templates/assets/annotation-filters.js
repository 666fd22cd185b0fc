// The annotation index's filters (filters.js); a source's heading goes with its last annotation shown.
(function () {
  "use strict";
  window.sitegenFilters({
    form: document.getElementById("annotation-filters"),
    keys: [["kind", "kind"], ["source", "source"], ["actor", "actors"], ["term", "terms"]],
    items: Array.prototype.slice.call(document.querySelectorAll(".annotation-index > li")),
    noun: "annotations",
    place: "the index",
    shown: function () {
      document.querySelectorAll(".annotation-group").forEach(function (group) {
        group.hidden = !group.querySelector(".annotation-index > li:not([hidden])");
      });
    }
  });
}());
