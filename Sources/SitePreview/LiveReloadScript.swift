/// The script `serve` adds to every page it serves (and never writes to the output folder): it
/// reloads the page after a good build and shows a failed build's diagnostics in an overlay,
/// built with DOM text nodes so no diagnostic text is ever read as HTML.
enum LiveReloadScript {
    static let source = #"""
    (function () {
      "use strict";
      var overlay = null;
      function hide() { if (overlay) { overlay.remove(); overlay = null; } }
      function show(report) {
        hide();
        overlay = document.createElement("div");
        overlay.id = "sitegen-overlay";
        overlay.setAttribute("role", "alertdialog");
        overlay.setAttribute("aria-labelledby", "sitegen-overlay-title");
        overlay.style.cssText = "position:fixed;inset:0;z-index:2147483647;overflow:auto;background:rgba(20,20,20,.94);" +
          "color:#f5f5f5;font:14px/1.5 ui-monospace,monospace;padding:1.5rem";
        var title = document.createElement("h2");
        title.id = "sitegen-overlay-title";
        title.style.cssText = "margin:0 0 .5rem;font:bold 1.1rem system-ui,sans-serif;color:#ff8a80";
        title.textContent = "Build failed: " + report.errors + (report.errors === 1 ? " error" : " errors") +
          ". The last good build is still served.";
        overlay.appendChild(title);
        var list = document.createElement("ol");
        list.style.cssText = "padding-left:1.2rem";
        report.diagnostics.forEach(function (d) {
          var item = document.createElement("li");
          item.style.cssText = "margin:.6rem 0;white-space:pre-wrap";
          item.textContent = d.file + ":" + d.line + ":" + d.column + ": " + d.severity + ": " + d.message;
          d.notes.forEach(function (n) {
            item.appendChild(document.createTextNode("\n  " + n.file + ":" + n.line + ":" + n.column + ": note: " + n.message));
          });
          list.appendChild(item);
        });
        overlay.appendChild(list);
        var close = document.createElement("button");
        close.type = "button";
        close.textContent = "Hide";
        close.addEventListener("click", hide);
        overlay.appendChild(close);
        document.body.appendChild(overlay);
        close.focus();
      }
      var events = new EventSource("/__sitegen/events");
      events.addEventListener("reload", function () { location.reload(); });
      events.addEventListener("failed", function (e) { show(JSON.parse(e.data)); });
    })();

    """#
}
