// Keyboard shortcuts for the moderation queue. j/k move between comments, x selects one for a
// bulk action, a approves, r jumps to the clause list to remove, o opens the article.
(function () {
  "use strict";
  // Read anew on each key: the live script inserts items that arrive while the page is open.
  var items = [];
  function refresh() {
    var focused = current >= 0 ? items[current] : null;
    items = Array.prototype.slice.call(document.querySelectorAll(".queue-item[data-comment]"));
    current = focused ? items.indexOf(focused) : -1;
  }
  var current = -1;

  function focus(index) {
    if (index < 0 || index >= items.length) { return; }
    if (current >= 0) { items[current].classList.remove("is-focused"); }
    current = index;
    items[current].classList.add("is-focused");
    items[current].focus({ preventScroll: true });
    items[current].scrollIntoView({ block: "nearest" });
  }

  function typing(target) {
    var tag = target && target.tagName;
    return tag === "INPUT" || tag === "SELECT" || tag === "TEXTAREA" || (target && target.isContentEditable);
  }

  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) { return; }
    refresh();
    var item = current >= 0 ? items[current] : null;
    switch (event.key) {
      case "j": focus(current + 1); break;
      case "k": focus(current - 1); break;
      case "x":
        if (item) {
          var box = item.querySelector("input[type=checkbox]");
          if (box) { box.checked = !box.checked; }
        }
        break;
      case "a":
        if (item) {
          var approve = item.querySelector("[data-key=a]");
          if (approve) { approve.click(); }
        }
        break;
      case "r":
        if (item) {
          var clause = item.querySelector("[data-key=r]");
          if (clause) { clause.focus(); event.preventDefault(); }
        }
        break;
      case "o":
        if (item) {
          var link = item.querySelector(".queue-item__article");
          if (link) { window.location.href = link.href; }
        }
        break;
      default: return;
    }
  });

  document.addEventListener("click", function (event) {
    var item = event.target.closest && event.target.closest(".queue-item[data-comment]");
    if (!item) { return; }
    refresh();
    focus(items.indexOf(item));
  });
})();
