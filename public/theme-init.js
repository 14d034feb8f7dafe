// Applies the reader's saved theme before the first paint, so a dark-mode reader never sees a
// white flash while the app loads. The app's theme toggle writes the same key; the boot script
// runs the pre-rendered copy's switch until the app takes over. Kept this small on purpose: it
// blocks the first paint.
(function () {
  try {
    var theme = localStorage.getItem("sb-theme");
    if (theme === "light" || theme === "dark") {
      document.documentElement.setAttribute("data-theme", theme);
    }
  } catch (e) {
    /* storage blocked: follow the system setting */
  }
})();
