(function () {
  "use strict";
  // The copy and credit graph: a click on a version lights its links and says what they are.
  function each(root, selector, fn) { Array.prototype.forEach.call(root.querySelectorAll(selector), fn); }
  each(document, "section", function (section) {
    var detail = section.querySelector(".node-detail");
    if (!detail) { return; }
    function show(version) {
      var id = version.getAttribute("data-article");
      each(section, ".version.selected", function (el) { el.classList.remove("selected"); });
      each(section, ".arc.lit", function (el) { el.classList.remove("lit"); });
      version.classList.add("selected");
      var lines = [];
      each(section, ".arc", function (arc) {
        if (arc.getAttribute("data-from") === id || arc.getAttribute("data-to") === id) {
          arc.classList.add("lit");
          var title = arc.querySelector("title").textContent;
          lines.push(arc.getAttribute("data-from") === id
            ? title + " (" + arc.getAttribute("data-to") + ")"
            : arc.getAttribute("data-from") + " " + title.replace(/^credits /, "credits this: ").replace(/copy/, "copy of this"));
        }
      });
      detail.textContent = id + " (" + version.getAttribute("data-label") + ", " + version.getAttribute("data-when") + "): " +
        (lines.length ? lines.join("; ") : "no copy or credit links") + ".";
      var href = version.getAttribute("data-href");
      if (href) {
        var link = document.createElement("a");
        link.href = href; link.textContent = " Open the article";
        detail.appendChild(link);
      }
    }
    each(section, ".version", function (version) {
      version.addEventListener("click", function () { show(version); });
      version.addEventListener("keydown", function (event) {
        if (event.key === "Enter" || event.key === " ") { event.preventDefault(); show(version); }
      });
    });
  });
})();
