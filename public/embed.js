/* Society's Backend road map widgets. Paste on any page:
 *   <div data-sb-roadmap data-section="fundamentals"></div>
 *   <script src="https://<site>/embed.js" async></script>
 * Options (all optional): data-section (a section id), data-theme (auto | light | dark),
 * data-compact (true), data-progress (false), data-title (the iframe's accessible title).
 * Each div becomes a lazy iframe of <site>/embed/roadmap/…, sized to its content: the widget
 * posts its height, and only messages from the site's own origin and from that div's own iframe
 * are accepted. No dependencies; safe to include more than once. */
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || !script.src) return;
  var base = new URL(".", script.src); // embed.js lives at the site's base path
  var origin = base.origin;
  var frames = (window.__sbRoadmapFrames = window.__sbRoadmapFrames || []);

  function build(el) {
    if (el.getAttribute("data-sb-roadmap-ready")) return;
    el.setAttribute("data-sb-roadmap-ready", "true");
    var section = el.getAttribute("data-section") || "";
    var src = new URL("embed/roadmap" + (section ? "/" + encodeURIComponent(section) : ""), base);
    ["theme", "compact", "progress"].forEach(function (name) {
      var value = el.getAttribute("data-" + name);
      if (value) src.searchParams.set(name, value);
    });
    var iframe = document.createElement("iframe");
    iframe.src = src.href;
    iframe.loading = "lazy";
    iframe.title = el.getAttribute("data-title") ||
      "Machine Learning Road Map" + (section ? " (" + section.replace(/-/g, " ") + ")" : "");
    iframe.setAttribute("sandbox", "allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox");
    iframe.setAttribute("referrerpolicy", "strict-origin-when-cross-origin");
    iframe.style.width = "100%";
    iframe.style.border = "0";
    iframe.style.display = "block";
    iframe.style.height = "420px"; // until the widget reports its height
    el.appendChild(iframe);
    frames.push(iframe);
  }

  if (!window.__sbRoadmapListening) {
    window.__sbRoadmapListening = true;
    window.addEventListener("message", function (event) {
      if (event.origin !== origin) return;
      var data = event.data;
      if (!data || data.type !== "sb-roadmap:height" || typeof data.height !== "number") return;
      for (var i = 0; i < frames.length; i++) {
        if (frames[i].contentWindow === event.source) {
          var height = Math.max(0, Math.min(Math.ceil(data.height), 100000));
          frames[i].style.height = height + "px";
          return;
        }
      }
    });
  }

  var found = document.querySelectorAll("[data-sb-roadmap]");
  for (var i = 0; i < found.length; i++) build(found[i]);
})();
