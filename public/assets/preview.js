// Previews: hovering or focusing an actor, term or cross-reference link shows its short
// description. The plain link (and its title, without JavaScript) keeps working.
(function () {
  "use strict";
  var box = null;
  function show(link) {
    var text = link.getAttribute("data-preview");
    if (!text) {
      text = link.getAttribute("title");
      if (!text) { return; }
      link.setAttribute("data-preview", text);
      link.removeAttribute("title");
    }
    hide();
    box = document.createElement("span");
    box.className = "preview";
    box.setAttribute("role", "tooltip");
    box.id = "preview-box";
    box.textContent = text;
    link.setAttribute("aria-describedby", "preview-box");
    document.body.appendChild(box);
    var rect = link.getBoundingClientRect();
    var top = window.scrollY + rect.bottom + 6;
    var left = Math.min(window.scrollX + rect.left, window.scrollX + document.documentElement.clientWidth - box.offsetWidth - 8);
    box.style.top = top + "px";
    box.style.left = Math.max(8, left) + "px";
  }
  function hide() {
    if (box) { box.remove(); box = null; }
    var described = document.querySelector("[aria-describedby='preview-box']");
    if (described) { described.removeAttribute("aria-describedby"); }
  }
  function target(event) {
    var el = event.target;
    return el && el.closest ? el.closest("a.mention, a.term") : null;
  }
  document.addEventListener("mouseover", function (e) { var a = target(e); if (a) { show(a); } });
  document.addEventListener("mouseout", function (e) { if (target(e)) { hide(); } });
  document.addEventListener("focusin", function (e) { var a = target(e); if (a) { show(a); } else { hide(); } });
  document.addEventListener("keydown", function (e) { if (e.key === "Escape") { hide(); } });
})();
