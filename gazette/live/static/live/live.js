// Live updates over server-sent events: an article page's comments, count and poll, and the
// moderation queue. Without this file, or in a browser without EventSource, the page is exactly
// as it was served; nothing here touches the comment form or what the reader is typing.
// All text comes from the page's data-live-* attributes, already translated.
(function () {
  "use strict";
  var root = document.querySelector("[data-live]");
  if (!root || !window.EventSource || !window.JSON) return;
  var lang = document.documentElement.lang || "";
  var lastId = "";
  var source = null;
  var failures = 0;
  var retryTimer = null;
  var hiddenTimer = null;

  function pick(map) {
    if (!map) return "";
    return map[lang] || map[Object.keys(map)[0]] || "";
  }
  function fill(template, values) {
    return template.replace(/%\((\w+)\)s/g, function (_match, name) { return String(values[name]); });
  }
  function fragment(html) {
    var template = document.createElement("template");
    template.innerHTML = html.trim();
    return template.content.firstElementChild;
  }

  // ---------------------------------------------------------------- the stream
  var handlers = {};
  function connect() {
    if (source) return;
    var address = root.dataset.live + (lastId ? "&last_event_id=" + encodeURIComponent(lastId) : "");
    source = new EventSource(address);
    source.onopen = function () { failures = 0; root.setAttribute("data-live-open", ""); };
    source.onerror = function () {
      // Open or reconnecting, the browser retries by itself as the server asked (retry:).
      // Closed means refused (busy: 503; no ASGI server: 204): we try again, later each time.
      root.removeAttribute("data-live-open");
      if (source && source.readyState === EventSource.CLOSED) {
        source = null;
        failures += 1;
        var delay = Math.min(600, 5 * Math.pow(2, failures)) * (0.75 + Math.random() / 2);
        retryTimer = window.setTimeout(connect, delay * 1000);
      }
    };
    Object.keys(handlers).forEach(function (kind) {
      source.addEventListener(kind, function (event) {
        if (event.lastEventId) lastId = event.lastEventId;
        var data;
        try { data = JSON.parse(event.data); } catch (error) { return; }
        handlers[kind](data);
      });
    });
  }
  function disconnect() {
    window.clearTimeout(retryTimer);
    if (source) { source.close(); source = null; }
  }
  // A tab left in the background gives its stream back after a minute, and resumes from the
  // last event it saw when the reader returns: nothing is missed, nothing shown twice.
  document.addEventListener("visibilitychange", function () {
    window.clearTimeout(hiddenTimer);
    if (document.hidden) {
      hiddenTimer = window.setTimeout(disconnect, 60000);
    } else if (!source) {
      connect();
    }
  });
  handlers.reset = function () { notice(root.dataset.liveReset); };

  function notice(text) {
    if (!text || root.querySelector("[data-live-notice]")) return;
    var note = document.createElement("p");
    note.className = "notice live-notice";
    note.setAttribute("role", "status");
    note.setAttribute("data-live-notice", "");
    note.textContent = text;
    root.insertBefore(note, root.firstElementChild ? root.firstElementChild.nextSibling : null);
  }

  // ---------------------------------------------------------------- an article's discussion
  function discussion() {
    var list = root.querySelector("[data-comment-list]");
    if (!list) return;
    var pending = [];
    var button = null;
    var newest = /[?&]csort=newest/.test(window.location.search);
    // Oldest first with later pages: new top-level comments belong on the last page.
    var rootsHere = newest || !root.querySelector("[data-load-more]");

    function setCount(data) {
      var count = root.querySelector("[data-comment-count]");
      var label = pick(data.count_label);
      if (count && label) count.textContent = label;
    }
    function showButton() {
      if (!pending.length) { if (button) button.hidden = true; return; }
      if (!button) {
        button = document.createElement("button");
        button.type = "button";
        button.className = "button live-more";
        button.setAttribute("data-live-show", "");
        button.addEventListener("click", showPending);
        list.parentNode.insertBefore(button, newest ? list : list.nextSibling);
      }
      button.textContent = fill(root.dataset.liveNew, { count: pending.length });
      button.hidden = false;
    }
    function insertReply(node, parentId) {
      var parent = document.getElementById("comment-" + parentId);
      if (!parent) return false;
      var depth = Number(parent.dataset.depth);
      var cursor = parent;
      while (cursor.nextElementSibling && Number(cursor.nextElementSibling.dataset.depth) > depth) {
        cursor = cursor.nextElementSibling;
      }
      cursor.after(node);
      return true;
    }
    // The first comment the reader can see (or the button): what must not move on screen.
    function anchor() {
      var items = list.children;
      for (var i = 0; i < items.length; i += 1) {
        if (items[i].getBoundingClientRect().bottom > 0) return items[i];
      }
      return button;
    }
    function showPending() {
      // Whatever goes in above what the reader is looking at, the page is scrolled by as much
      // (browsers without scroll anchoring would otherwise move it down the screen).
      var fixed = anchor();
      var before = fixed.getBoundingClientRect().top;
      pending.splice(0).forEach(function (data) {
        if (document.getElementById("comment-" + data.id)) return;
        var node = fragment(pick(data.html));
        if (!node) return;
        node.classList.add("comment--new");
        if (data.parent && insertReply(node, data.parent)) return;
        if (newest) list.insertBefore(node, list.firstElementChild); else list.appendChild(node);
      });
      window.scrollBy(0, fixed.getBoundingClientRect().top - before);
      showButton();
    }
    // The reader's own comment is put on the page by the answer to their post, which may come
    // after its event: whatever appears in the list is no longer waiting.
    if (window.MutationObserver) {
      new MutationObserver(function () {
        var before = pending.length;
        pending = pending.filter(function (item) { return !document.getElementById("comment-" + item.id); });
        if (pending.length !== before) showButton();
      }).observe(list, { childList: true });
    }
    handlers.comment = function (data) {
      setCount(data);
      if (document.getElementById("comment-" + data.id)) return; // ours, or shown already
      if (!data.parent && !rootsHere) return;
      if (data.parent && !document.getElementById("comment-" + data.parent)) return;
      if (pending.some(function (item) { return item.id === data.id; })) return;
      pending.push(data);
      showButton();
    };
    handlers["comment-edited"] = function (data) {
      pending.forEach(function (item) { if (item.id === data.id) item.html = data.html; });
      var node = document.getElementById("comment-" + data.id);
      var fresh = fragment(pick(data.html));
      if (!node || !fresh) return;
      ["comment__meta", "comment__body"].forEach(function (name) {
        var old = node.querySelector("." + name);
        var replacement = fresh.querySelector("." + name);
        if (old && replacement) old.replaceWith(replacement);
      });
    };
    handlers["comment-removed"] = function (data) {
      setCount(data);
      pending = pending.filter(function (item) { return item.id !== data.id; });
      showButton();
      var node = document.getElementById("comment-" + data.id);
      if (!node) return;
      var next = node.nextElementSibling;
      var hasReplies = next && Number(next.dataset.depth) > Number(node.dataset.depth);
      var form = node.querySelector("form[data-comment-form]");
      if (hasReplies || form) {
        // As the server now renders it; a reply being written here stays where it is.
        var placeholder = fragment(pick(data.placeholder));
        if (!placeholder) return;
        if (form) placeholder.appendChild(form);
        node.replaceWith(placeholder);
      } else {
        node.remove();
      }
    };
  }

  // ---------------------------------------------------------------- the poll on the page
  function poll() {
    var section = document.querySelector("[data-poll]");
    if (!section) return;
    handlers.poll = function (data) {
      // Results appear only where the page already shows them (after the reader's vote, or
      // always if the site says so): the tallies never reveal more than the page does.
      if (!section.querySelector("[data-poll-result]")) return;
      var texts = pick(data.texts) || {};
      data.choices.forEach(function (choice) {
        var item = section.querySelector('[data-choice="' + choice.code + '"]');
        if (!item || !item.querySelector("[data-poll-result]")) return;
        var fillBar = item.querySelector(".poll__fill");
        if (fillBar) fillBar.dataset.percent = choice.percent;
        var percent = item.querySelector("[data-poll-percent]");
        if (percent) percent.textContent = choice.percent + "%";
        var count = item.querySelector("[data-poll-count]");
        if (count && texts[choice.code]) count.textContent = texts[choice.code];
      });
      var total = section.querySelector("[data-poll-total]");
      if (total && texts.total) total.textContent = texts.total;
    };
  }

  // ---------------------------------------------------------------- the moderation queue
  // One item's HTML comes from the server (the template the page itself uses), so a new item
  // and a claim's mark look exactly as on a page served now.
  function queue() {
    var list = root.querySelector("[data-queue-items]");
    var states = {};
    var labels = document.getElementById("queue-states");
    try { states = JSON.parse(labels.textContent); } catch (error) { states = {}; }
    function itemAddress(id) {
      return root.dataset.liveItem.replace(/\/0\/item\/$/, "/" + id + "/item/") + "?" + root.dataset.liveItemQuery;
    }
    function fetchItem(id, then) {
      window.fetch(itemAddress(id), { credentials: "same-origin", headers: { Accept: "text/html" } })
        .then(function (response) { return response.status === 200 ? response.text() : ""; })
        .then(function (html) { if (html) then(fragment(html)); })
        .catch(function () {});
    }
    function decided(item) { return item.hasAttribute("data-taken"); }
    // A claim taken or given up (by anyone, this moderator's other tabs too): the item's claim
    // box is replaced by the server's; the decision form and what is typed in it stay.
    function refreshClaim(id, message) {
      var item = document.getElementById("item-" + id);
      if (!item || decided(item)) return;
      fetchItem(id, function (node) {
        var fresh = node.querySelector("[data-claim]");
        var box = item.querySelector("[data-claim]");
        if (!fresh || !box || decided(item)) return;
        box.replaceWith(fresh);
        item.classList.toggle("queue-item--claimed", node.classList.contains("queue-item--claimed"));
        if (message) {
          var note = document.createElement("p");
          note.className = "notice notice--error";
          note.setAttribute("role", "alert");
          note.textContent = message;
          fresh.insertBefore(note, fresh.firstChild);
        }
      });
    }
    root.addEventListener("submit", function (event) {
      var form = event.target;
      if (!form.hasAttribute || !form.hasAttribute("data-claim-form")) return;
      event.preventDefault();
      var body = new FormData(form);
      if (event.submitter && event.submitter.name) body.append(event.submitter.name, event.submitter.value);
      var id = form.closest("[data-comment]").dataset.comment;
      window.fetch(form.action, {
        method: "POST", body: body, credentials: "same-origin", headers: { Accept: "application/json" }
      }).then(function (response) {
        return response.json().then(function (data) {
          refreshClaim(id, response.ok ? "" : data.message);
        });
      }).catch(function () { form.submit(); });
    });
    // New items go in at the top under a "New" mark; the page is scrolled by as much as went
    // in above what the moderator is reading, so nothing moves under them.
    function arrive(data) {
      if (!list || document.getElementById("item-" + data.id)) return;
      fetchItem(data.id, function (node) {
        if (document.getElementById("item-" + data.id)) return;
        var first = null;
        for (var i = 0; i < list.children.length; i += 1) {
          if (list.children[i].getBoundingClientRect().bottom > 0) { first = list.children[i]; break; }
        }
        var before = first ? first.getBoundingClientRect().top : 0;
        var mark = document.createElement("p");
        mark.className = "queue-item__new";
        mark.textContent = root.dataset.liveNewItem;
        node.classList.add("queue-item--new");
        node.insertBefore(mark, node.firstChild);
        list.insertBefore(node, list.firstElementChild);
        if (first && first !== node) window.scrollBy(0, first.getBoundingClientRect().top - before);
        var empty = root.querySelector(".empty");
        if (empty) empty.hidden = true;
      });
    }
    handlers.held = arrive;
    handlers.reported = arrive;
    handlers.claimed = function (data) { refreshClaim(data.id, ""); };
    handlers.released = function (data) { refreshClaim(data.id, ""); };
    handlers.decided = function (data) {
      var item = document.getElementById("item-" + data.id);
      if (!item || String(data.by_id) === root.dataset.liveMe) return;
      item.classList.add("queue-item--taken");
      item.classList.remove("queue-item--claimed");
      item.setAttribute("data-taken", "");
      var box = item.querySelector("[data-claim]");
      if (box) box.remove();
      var note = item.querySelector("[data-taken-note]") || document.createElement("p");
      note.className = "notice queue-item__taken";
      note.setAttribute("data-taken-note", "");
      note.setAttribute("role", "status");
      var state = states[data.state] || data.state;
      note.textContent = data.by
        ? fill(root.dataset.liveTaken, { name: data.by, state: state })
        : fill(root.dataset.liveTakenAuto, { state: state });
      item.insertBefore(note, item.firstElementChild);
      item.querySelectorAll("button, input, select, textarea").forEach(function (field) {
        field.disabled = true;
      });
    };
  }

  if (root.hasAttribute("data-live-queue")) queue(); else { discussion(); poll(); }
  connect();
})();
