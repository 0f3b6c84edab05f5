/* Text size (A− A A+) and high contrast, remembered across pages. Runs in
   <head> so the chosen size applies before the first paint. Without
   JavaScript the buttons stay hidden and the page works as it is. */
(function () {
  var root = document.documentElement, key = "niemyet-prefs", prefs = {};
  try { prefs = JSON.parse(localStorage.getItem(key) || "{}") || {}; } catch (e) { prefs = {}; }
  function apply() {
    var size = Math.max(-1, Math.min(2, prefs.size | 0));
    if (size) { root.setAttribute("data-size", String(size)); } else { root.removeAttribute("data-size"); }
    root.classList.toggle("hc", !!prefs.hc);
  }
  function save() { try { localStorage.setItem(key, JSON.stringify(prefs)); } catch (e) { /* private mode */ } }
  apply();
  document.addEventListener("DOMContentLoaded", function () {
    var box = document.querySelector(".prefs");
    if (!box) { return; }
    var contrast = box.querySelector('[data-act="contrast"]');
    function sync() { if (contrast) { contrast.setAttribute("aria-pressed", prefs.hc ? "true" : "false"); } }
    box.hidden = false;
    sync();
    box.addEventListener("click", function (ev) {
      var b = ev.target.closest ? ev.target.closest("button") : null;
      if (!b) { return; }
      var act = b.getAttribute("data-act"), size = prefs.size | 0;
      if (act === "smaller") { prefs.size = Math.max(-1, size - 1); }
      if (act === "normal") { prefs.size = 0; }
      if (act === "larger") { prefs.size = Math.min(2, size + 1); }
      if (act === "contrast") { prefs.hc = !prefs.hc; }
      apply(); sync(); save();
    });
  });
})();
