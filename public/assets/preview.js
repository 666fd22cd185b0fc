// Previews of internal links: hovering or focusing a link to an actor, term, event, pair,
// source, paragraph or note shows a short description of it in a tooltip. The texts are made
// at build time, one script per folder (<folder>previews.js sets window.sitegenPreviews[folder]),
// loaded the first time a link into that folder is previewed, so they work from a plain folder.
// The tooltip stays while the pointer is over it and Esc closes it (WCAG 1.4.13). On touch, the
// first tap on a link previews it and a second follows it. Without JavaScript links just work.
(function () {
  "use strict";
  var me = document.currentScript;
  if (!me || !window.URL) { return; }
  var root = new URL("../", me.src).href;
  var folders = ["actors/", "glossary/", "timeline/", "relations/"];
  var store = window.sitegenPreviews = window.sitegenPreviews || {};
  var loading = {};
  var box = null, shownFor = null, hideTimer = null, lastPointer = "mouse";
  // After Esc, hovering opens nothing until the pointer moves: the page under a resting
  // pointer changes as the tooltip goes, and that alone must not open another one.
  var hushed = false;

  // The folder whose previews.js describes a link, and the key there; null for other links.
  function place(link) {
    if (link.closest(".site-header, .preview, .pnum")) { return null; }
    var url;
    try { url = new URL(link.getAttribute("href"), window.location.href); } catch (e) { return null; }
    var address = url.href.split("#")[0].split("?")[0];
    if (address.indexOf(root) !== 0) { return null; }
    var path = address.slice(root.length), hash = decodeURIComponent(url.hash.slice(1));
    var source = /^sources\/([^\/]+)\/index\.html$/.exec(path);
    if (source) {
      if (hash && address === window.location.href.split("#")[0].split("?")[0]) {
        var target = document.getElementById(hash);
        if (target && target.contains(link)) { return null; }
      }
      var key = hash.replace(/^a-/, "n-").replace(/^(p\d+)-.*$/, "$1"), note = link.closest(".note");
      if (note && note.id === key) { return null; }
      return { folder: "sources/" + source[1] + "/", key: key };
    }
    var page = /^([a-z]+\/)([^\/]+)\/index\.html$/.exec(path);
    if (page && folders.indexOf(page[1]) >= 0) { return { folder: page[1], key: page[2] }; }
    var index = /^([a-z]+\/)index\.html$/.exec(path);
    if (index && hash && folders.indexOf(index[1]) >= 0) { return { folder: index[1], key: hash }; }
    return null;
  }

  function load(folder, then) {
    if (store[folder]) { then(); return; }
    if (loading[folder]) { loading[folder].push(then); return; }
    loading[folder] = [then];
    var script = document.createElement("script");
    script.src = root + folder + "previews.js";
    script.onload = function () { var waiting = loading[folder]; delete loading[folder]; waiting.forEach(function (f) { f(); }); };
    script.onerror = function () { store[folder] = {}; delete loading[folder]; };
    document.head.appendChild(script);
  }

  function entry(where) { return where && store[where.folder] ? store[where.folder][where.key] : undefined; }

  function show(link, where) {
    var data = entry(where);
    if (!data) { return; }
    cancelHide();
    if (shownFor === link) { return; }
    hide();
    box = document.createElement("div");
    box.className = "preview";
    box.id = "link-preview";
    box.setAttribute("role", "tooltip");
    var head = document.createElement("p");
    head.className = "preview-head";
    head.textContent = data[0];
    box.appendChild(head);
    if (data[1]) {
      var text = document.createElement("p");
      text.textContent = data[1];
      box.appendChild(text);
    }
    box.addEventListener("mouseenter", cancelHide);
    box.addEventListener("mouseleave", hideSoon);
    // Inside <main>, so the tooltip belongs to a landmark, as everything on the page does.
    (document.getElementById("main") || document.body).appendChild(box);
    link.setAttribute("aria-describedby", "link-preview");
    shownFor = link;
    var rect = link.getClientRects()[0] || link.getBoundingClientRect();
    var width = document.documentElement.clientWidth;
    var left = Math.max(8, Math.min(rect.left, width - box.offsetWidth - 8));
    var below = rect.bottom + 6, above = rect.top - 6 - box.offsetHeight;
    var top = below + box.offsetHeight > window.innerHeight && above > 0 ? above : below;
    box.style.left = (window.scrollX + left) + "px";
    box.style.top = (window.scrollY + top) + "px";
  }

  function hide() {
    cancelHide();
    if (box) { box.remove(); box = null; }
    if (shownFor) { shownFor.removeAttribute("aria-describedby"); shownFor = null; }
  }
  function cancelHide() { if (hideTimer) { clearTimeout(hideTimer); hideTimer = null; } }
  // Leaving a link waits a moment, so the pointer can move onto the tooltip.
  function hideSoon() { cancelHide(); hideTimer = setTimeout(hide, 300); }

  function preview(link) {
    var where = place(link);
    if (!where) { return false; }
    // The folder's previews may arrive after the pointer or the focus has moved on.
    load(where.folder, function () {
      if (link.matches(":hover") || link === document.activeElement) { show(link, where); }
    });
    return true;
  }

  function linkOf(event) {
    var el = event.target;
    return el && el.closest ? el.closest("a[href]") : null;
  }

  function pointer(e) { lastPointer = e.pointerType || "mouse"; if (e.type === "pointermove") { hushed = false; } }
  document.addEventListener("pointerdown", pointer, true);
  document.addEventListener("pointermove", pointer, true);
  document.addEventListener("mouseover", function (e) {
    var link = linkOf(e);
    if (link && !hushed && lastPointer !== "touch") { preview(link); }
  });
  document.addEventListener("mouseout", function (e) {
    var link = linkOf(e);
    if (link && link === shownFor && !link.contains(e.relatedTarget)) { hideSoon(); }
  });
  document.addEventListener("focusin", function (e) {
    var link = linkOf(e);
    if (link && lastPointer !== "touch" && preview(link)) { return; }
    if (!box || !box.contains(e.target)) { hide(); }
  });
  document.addEventListener("focusout", function (e) {
    if (e.target === shownFor && !(box && box.contains(e.relatedTarget))) { hide(); }
  });
  document.addEventListener("keydown", function (e) {
    if (e.key === "Escape" && box) { hushed = true; hide(); }
  });
  // Touch: the first tap on a link shows its preview instead of following it; a second follows.
  document.addEventListener("click", function (e) {
    if (lastPointer !== "touch") { return; }
    var link = linkOf(e);
    if (!link) { hide(); return; }
    if (link === shownFor) { return; }
    var where = place(link);
    if (!where || (store[where.folder] && !entry(where))) { hide(); return; }
    e.preventDefault();
    load(where.folder, function () {
      if (entry(where)) { show(link, where); } else { window.location.href = link.href; }
    });
  }, true);
})();
