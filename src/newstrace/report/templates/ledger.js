(function () {
  "use strict";
  var panel = document.querySelector(".panel");
  function each(selector, fn) { Array.prototype.forEach.call(document.querySelectorAll(selector), fn); }
  function select(n, scrollTo) {
    each(".active", function (el) { el.classList.remove("active"); });
    each(".detail.shown", function (el) { el.classList.remove("shown"); });
    each('[data-claims~="' + n + '"]', function (el) { el.classList.add("active"); });
    each('tr[data-claim="' + n + '"]', function (el) { el.classList.add("active"); });
    var detail = document.getElementById("claim-" + n);
    if (detail) { detail.classList.add("shown"); panel.classList.add("has-selection"); }
    if (scrollTo) {
      var first = document.querySelector('.seg[data-claims~="' + n + '"]');
      if (first) { first.scrollIntoView({ block: "center", behavior: "smooth" }); }
    }
  }
  function innermost(el) {
    var ids = (el.getAttribute("data-claims") || "").split(" ");
    return ids[ids.length - 1];
  }
  document.getElementById("article").addEventListener("click", function (event) {
    var badge = event.target.closest("a.badge");
    if (badge) { event.preventDefault(); select(badge.getAttribute("data-claim"), false); return; }
    var seg = event.target.closest(".seg.claim");
    if (seg) { select(innermost(seg), false); }
  });
  each("a.badge", function (badge) {
    badge.addEventListener("focus", function () { select(badge.getAttribute("data-claim"), false); });
  });
  each("tr[data-claim]", function (row) {
    function pick() { select(row.getAttribute("data-claim"), true); }
    row.addEventListener("click", pick);
    row.addEventListener("keydown", function (event) {
      if (event.key === "Enter" || event.key === " ") { event.preventDefault(); pick(); }
    });
  });
})();
