// Progressive enhancement of the comment panel: post, reply, like and load more in place.
// Without this file every action is an ordinary form post or link, and works the same.
(function () {
  "use strict";
  var panel = document.querySelector("[data-comments]");
  if (!panel || !window.fetch || !window.FormData) return;
  var form = panel.querySelector("[data-comment-form]");
  var list = panel.querySelector("[data-comment-list]");
  var formHome = form && form.parentNode;
  var formNext = form && form.nextSibling;

  // Votes and likes count once per reader: the reader's cookie is asked for once, before the
  // first of them, and every click waits for that one answer (accounts/identity.py).
  function identified() {
    if (!window.gazetteReader) {
      var meta = document.querySelector("meta[name=gazette-reader]");
      window.gazetteReader = meta
        ? fetch(meta.content, { credentials: "same-origin" }).catch(function () {})
        : Promise.resolve();
    }
    return window.gazetteReader;
  }

  function send(url, body) {
    return fetch(url, {
      method: "POST",
      body: body,
      credentials: "same-origin",
      headers: { Accept: "application/json" },
    }).then(function (response) {
      return response.json().then(function (data) {
        return { ok: response.ok, data: data };
      });
    });
  }

  // A refusal names the address of its appeal: shown as a link, the rest as plain text.
  function linkified(node, text) {
    text.split(/(https?:\/\/[^\s<>"]+[^\s<>".,;:!?)])/).forEach(function (part, index) {
      if (index % 2) {
        var anchor = document.createElement("a");
        anchor.href = part;
        anchor.textContent = part;
        node.appendChild(anchor);
      } else if (part) {
        node.appendChild(document.createTextNode(part));
      }
    });
  }

  function showErrors(errors) {
    var box = form.querySelector("[data-form-errors]");
    box.textContent = "";
    Object.keys(errors).forEach(function (field) {
      errors[field].forEach(function (message) {
        var item = document.createElement("li");
        linkified(item, message);
        box.appendChild(item);
      });
    });
    box.hidden = false;
  }

  function notice(text, link) {
    var box = form.querySelector("[data-form-errors]");
    box.textContent = "";
    box.hidden = true;
    var note = document.createElement("p");
    note.className = "notice";
    note.setAttribute("role", "status");
    note.textContent = text;
    if (link && link.url) {
      // The author's private status link must stay on screen until they have kept it.
      var anchor = document.createElement("a");
      anchor.href = link.url;
      anchor.textContent = link.label;
      note.append(" ", anchor);
    } else {
      window.setTimeout(function () { note.remove(); }, 8000);
    }
    form.parentNode.insertBefore(note, form);
  }

  function fragment(html) {
    var template = document.createElement("template");
    template.innerHTML = html.trim();
    return template.content.firstElementChild;
  }

  // Where a new reply goes: after its parent and everything already nested under it.
  function insertReply(node, parentId) {
    var parent = document.getElementById("comment-" + parentId);
    if (!parent) { list.appendChild(node); return; }
    var depth = Number(parent.dataset.depth);
    var cursor = parent;
    while (cursor.nextElementSibling && Number(cursor.nextElementSibling.dataset.depth) > depth) {
      cursor = cursor.nextElementSibling;
    }
    cursor.after(node);
  }

  function setReplyTo(id, name) {
    form.elements.parent.value = id || "";
    var replying = form.querySelector("[data-replying]");
    replying.hidden = !id;
    replying.querySelector("[data-replying-text]").textContent = id ? form.dataset.replyingLabel.replace("%(name)s", name) : "";
    if (id) {
      document.getElementById("comment-" + id).appendChild(form);
    } else {
      formHome.insertBefore(form, formNext);
    }
    form.elements.body.focus();
  }

  // The reader's unsent comment is kept in this browser, one per discussion, until it is posted:
  // a closed tab, a lost connection or a refused post never loses it. It never leaves the browser.
  var DRAFT_DAYS = 7;
  var draftKey = form && "gazette:draft:" + form.getAttribute("action");
  function storage() {
    try { return window.localStorage; } catch (error) { return null; }
  }
  function saveDraft() {
    var store = storage();
    if (!store) return;
    var text = form.elements.body.value;
    try {
      if (text.trim()) store.setItem(draftKey, JSON.stringify({ body: text, saved: Date.now() }));
      else store.removeItem(draftKey);
    } catch (error) { /* full or forbidden: the page still works */ }
  }
  function clearDraft() {
    var store = storage();
    if (store) store.removeItem(draftKey);
  }
  function restoreDraft() {
    var store = storage();
    var saved = null;
    try { saved = store && JSON.parse(store.getItem(draftKey) || "null"); } catch (error) { saved = null; }
    if (!saved || typeof saved.body !== "string") return;
    if (Date.now() - saved.saved > DRAFT_DAYS * 86400000) { clearDraft(); return; }
    // What the server sent back (a form returned with a mistake) wins over the stored copy.
    if (form.elements.body.value.trim()) return;
    form.elements.body.value = saved.body;
    if (form.dataset.draftRestored) notice(form.dataset.draftRestored);
  }

  if (form) {
    form.dataset.replyingLabel = form.dataset.replyingLabel || "%(name)s";
    restoreDraft();
    var typing = null;
    form.elements.body.addEventListener("input", function () {
      window.clearTimeout(typing);
      typing = window.setTimeout(saveDraft, 400);
    });
    window.addEventListener("pagehide", saveDraft);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var button = form.querySelector("button[type=submit]");
      button.disabled = true;
      send(form.action, new FormData(form)).then(function (result) {
        // The server has spent this Captcha answer either way: start a fresh check for the next post.
        var check = form.querySelector("altcha-widget"); if (check && check.reset) check.reset();
        if (!result.ok) { showErrors(result.data.errors || { __all__: [result.data.message || result.data.error] }); return; }
        var nudge = form.querySelector("[data-nudge]");
        if (result.data.nudge) {
          // Nothing was sent: the reader may rephrase, or send it as written.
          nudge.textContent = result.data.nudge.message;
          nudge.hidden = false;
          form.elements.nudged.value = result.data.nudge.token;
          form.elements.body.focus();
          return;
        }
        nudge.hidden = true;
        form.elements.nudged.value = "";
        if (result.data.html) {
          var node = fragment(result.data.html);
          if (result.data.parent) { insertReply(node, result.data.parent); } else { list.appendChild(node); }
          node.scrollIntoView({ block: "nearest" });
        }
        var count = panel.querySelector("[data-comment-count]");
        if (count && result.data.count_label) count.textContent = result.data.count_label;
        form.elements.body.value = "";
        clearDraft();
        setReplyTo(null);
        notice(result.data.message, { url: result.data.status_url, label: result.data.status_label });
      }).catch(function () { form.submit(); }).finally(function () { button.disabled = false; });
    });
    var cancel = form.querySelector("[data-cancel-reply]");
    if (cancel) cancel.addEventListener("click", function (event) { event.preventDefault(); setReplyTo(null); });
  }

  panel.addEventListener("click", function (event) {
    var reply = event.target.closest("[data-reply]");
    if (reply && form) {
      event.preventDefault();
      setReplyTo(reply.dataset.reply, reply.dataset.replyName);
      return;
    }
    var more = event.target.closest("[data-load-more]");
    if (more) {
      event.preventDefault();
      fetch(more.dataset.loadMore, { credentials: "same-origin" }).then(function (response) {
        return response.text();
      }).then(function (html) {
        var template = document.createElement("template");
        template.innerHTML = html;
        var incoming = template.content.querySelector("[data-comment-list]");
        Array.prototype.slice.call(incoming.children).forEach(function (item) { list.appendChild(item); });
        var pages = panel.querySelector("[data-comment-pages]");
        var nextPages = template.content.querySelector("[data-comment-pages]");
        if (pages) pages.replaceWith(nextPages || document.createTextNode(""));
      });
    }
  });

  panel.addEventListener("submit", function (event) {
    var like = event.target.closest("[data-like-form]");
    if (!like) return;
    event.preventDefault();
    var body = new FormData(like);
    identified().then(function () {
      return send(like.action, body);
    }).then(function (result) {
      if (!result.ok) return;
      var button = like.querySelector("button");
      like.querySelector("[data-like-count]").textContent = result.data.count;
      button.setAttribute("aria-pressed", result.data.liked ? "true" : "false");
      var label = like.querySelector("[data-like-label]");
      if (label && result.data.label) label.textContent = result.data.label;
      like.elements.liked.value = result.data.liked ? "" : "on";
    });
  });
})();
