// Applies the reader's saved theme before the first paint, so a dark-mode reader never sees a
// white flash while the app loads. The app's theme toggle writes the same key.
//
// It also runs the theme switch of a pre-rendered page until the app takes it over: a reading
// page may never start the app (boot script, issue 11), and switching the theme must not wait
// for one. Same rule, key and labels as src/components/theme_toggle.rs.
(function () {
  var root = document.documentElement;
  var stored = function () {
    try {
      var theme = localStorage.getItem("sb-theme");
      return theme === "light" || theme === "dark" ? theme : null;
    } catch (e) {
      return null; /* storage blocked: follow the system setting */
    }
  };
  var current = function () {
    var chosen = root.getAttribute("data-theme");
    if (chosen === "light" || chosen === "dark") return chosen;
    return window.matchMedia && matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light";
  };
  var label = function (button) {
    var other = current() === "dark" ? "light" : "dark";
    button.setAttribute("aria-label", "Switch to " + other + " theme");
    button.setAttribute("title", "Switch to " + other + " theme");
    var icon = button.querySelector("span");
    if (icon) icon.textContent = other === "dark" ? "\u263E" : "\u2600";
  };
  var copyButtons = function () {
    return document.querySelectorAll("#sb-prerendered .theme-toggle");
  };

  var theme = stored();
  if (theme) root.setAttribute("data-theme", theme);

  document.addEventListener("DOMContentLoaded", function () {
    copyButtons().forEach(label);
  });
  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("#sb-prerendered .theme-toggle");
    if (!button) return;
    var next = current() === "dark" ? "light" : "dark";
    root.setAttribute("data-theme", next);
    try {
      localStorage.setItem("sb-theme", next);
    } catch (e) {
      /* storage blocked: the choice lasts this page */
    }
    copyButtons().forEach(label);
  });
})();
