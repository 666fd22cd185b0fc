// Notes of a source page. Each note is closed until its button (which replaces the note's
// reference link), its highlight or, on wide screens, the note itself opens it: on wide screens
// (the stylesheet's 64rem) a closed note shows its first lines, on narrower ones nothing. On wide
// screens each note is moved down from the top of its paragraph to the first line of its
// highlight, and further only as far as it must to clear the note above it. Hovering or focusing
// a highlight emphasises its note, and the reverse. Without this script every note is open.
(function () {
  "use strict";
  var wide = window.matchMedia("(min-width: 64rem)");
  var text = document.querySelector(".source .text");
  if (!text) { return; }
  var GAP = 6;

  function noteOf(name) { return document.getElementById("n-" + name); }
  function button(name) { return document.querySelector("button.note-ref[aria-controls='n-" + CSS.escape(name) + "']"); }

  // Each reference link becomes a button that opens and closes its note.
  Array.prototype.forEach.call(text.querySelectorAll("a.note-ref"), function (link) {
    var name = link.getAttribute("href").slice(3);
    var control = document.createElement("button");
    control.type = "button";
    control.className = "note-ref";
    control.setAttribute("aria-controls", "n-" + name);
    control.setAttribute("aria-label", link.getAttribute("aria-label"));
    control.textContent = link.textContent;
    link.replaceWith(control);
  });

  function setOpen(name, open) {
    var note = noteOf(name), control = button(name);
    if (!note) { return; }
    note.classList.toggle("closed", !open);
    if (control) { control.setAttribute("aria-expanded", String(open)); }
  }

  // Each box of the notes column in page order: a note goes to its highlight's top, anything else
  // (the paragraph's timeline links) to its paragraph's top, each below the box before it.
  function place() {
    var boxes = text.querySelectorAll(".notes > *");
    Array.prototype.forEach.call(boxes, function (box) { box.style.marginTop = ""; });
    text.style.paddingBottom = "";
    if (!wide.matches) { return; }
    var floor = -Infinity;
    Array.prototype.forEach.call(boxes, function (box) {
      var mark = box.id ? document.getElementById("a-" + box.id.slice(2)) : null;
      var anchor = mark ? mark.getClientRects()[0] || mark.getBoundingClientRect() : box.closest(".para").getBoundingClientRect();
      var natural = box.getBoundingClientRect().top + window.scrollY;
      var wanted = Math.max(anchor.top + window.scrollY, floor);
      if (wanted > natural) { box.style.marginTop = (wanted - natural) + "px"; }
      floor = box.getBoundingClientRect().bottom + window.scrollY + GAP;
    });
    var bottom = text.getBoundingClientRect().bottom + window.scrollY;
    text.style.paddingBottom = floor > bottom ? (floor - bottom) + "px" : "";
  }

  function reset() {
    Array.prototype.forEach.call(text.querySelectorAll(".note"), function (note) {
      setOpen(note.id.slice(2), location.hash === "#" + note.id);
    });
    place();
  }

  // A button or a highlight opens and closes its note; a closed note opens itself. Links keep their own.
  text.addEventListener("click", function (event) {
    var name = event.target.closest("a, .note:not(.closed)") ? null : nameAt(event.target);
    if (!name) { return; }
    setOpen(name, noteOf(name).classList.contains("closed"));
    place();
  });
  // A link inside a shortened note opens the note when it takes the focus.
  text.addEventListener("focusin", function (event) {
    var note = event.target.closest(".note.closed");
    if (note) { setOpen(note.id.slice(2), true); place(); }
  });

  var active = null;
  function emphasise(name, on) {
    if (active && (on || active === name)) {
      Array.prototype.forEach.call(document.querySelectorAll(".active"), function (el) { el.classList.remove("active"); });
      active = null;
    }
    if (!on || !noteOf(name)) { return; }
    active = name;
    noteOf(name).classList.add("active");
    Array.prototype.forEach.call(text.querySelectorAll("mark[data-note='" + CSS.escape(name) + "']"), function (mark) { mark.classList.add("active"); });
  }
  function nameAt(target) {
    var el = target.closest ? target.closest("mark[data-note], .note, button.note-ref") : null;
    if (!el) { return null; }
    if (el.matches("mark")) { return el.getAttribute("data-note"); }
    return el.matches(".note") ? el.id.slice(2) : el.getAttribute("aria-controls").slice(2);
  }
  ["mouseover", "focusin"].forEach(function (type) {
    text.addEventListener(type, function (event) { var name = nameAt(event.target); if (name) { emphasise(name, true); } });
  });
  ["mouseout", "focusout"].forEach(function (type) {
    text.addEventListener(type, function (event) { var name = nameAt(event.target); if (name) { emphasise(name, false); } });
  });

  window.addEventListener("hashchange", function () {
    if (location.hash.indexOf("#n-") === 0) { setOpen(decodeURIComponent(location.hash.slice(3)), true); place(); }
  });
  wide.addEventListener("change", reset);
  window.addEventListener("resize", place);
  window.addEventListener("load", place);
  if (document.fonts) { document.fonts.ready.then(place); }
  reset();
})();
