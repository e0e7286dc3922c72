/* Gazette's discussion widget for other sites' pages, and the count snippet for their lists.
 *
 * Host page:  <div data-gazette-discussion data-gazette-site="partner"
 *                  data-gazette-url="https://…" data-gazette-edition="en"
 *                  data-gazette-sort="oldest"></div>
 *             <a href="https://…/page" data-gazette-count data-gazette-site="partner"></a>
 *             <script src="https://gazette.example/embed.js" async></script>
 *
 * No framework, no cookie: the reader's token and the author's proofs stay in the host page's
 * own storage and travel in headers (docs/embedding.md). Everything is drawn inside a shadow
 * root, so the host page's styles and ours never meet; CSS custom properties theme it.
 * With EventSource, the discussion follows the page's live updates (docs/live-updates.md).
 */
(() => {
  "use strict";
  const script = document.currentScript;
  const config = JSON.parse(script.getAttribute("data-gazette"));
  const READER_KEY = "gazette:reader";
  const AUTHORS_KEY = "gazette:authors";

  const storage = (() => {
    try {
      return window.localStorage;
    } catch {
      return null; // storage refused: the reader is new on each page view
    }
  })();
  const load = (key) => (storage ? storage.getItem(key) : null);
  const keep = (key, value) => {
    try {
      if (storage) storage.setItem(key, value);
    } catch {
      /* full or refused: the token lives as long as the page */
    }
  };
  let memoryReader = null;

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs || {})) {
      if (value === false || value === null || value === undefined) continue;
      if (name.startsWith("on")) node.addEventListener(name.slice(2), value);
      else if (name === "text") node.textContent = value;
      else node.setAttribute(name, value === true ? "" : value);
    }
    node.append(...children.filter((child) => child !== null && child !== undefined));
    return node;
  }
  const fill = (template, values) =>
    template.replace(/%\((\w+)\)s/g, (_match, name) => String(values[name]));

  const stringsOf = {};
  function strings(lang) {
    if (!stringsOf[lang]) {
      stringsOf[lang] = fetch(config.strings.replace("LANG", lang), { credentials: "omit" }).then(
        (response) => (response.ok ? response.json() : fetch(config.strings.replace("LANG", "en")).then((r) => r.json())),
      );
    }
    return stringsOf[lang];
  }
  function countText(t, lang, count) {
    const rules = new Intl.PluralRules(lang);
    const category = rules.select(count);
    const sample = Object.keys(t.comments).find((n) => rules.select(Number(n)) === category) || "5";
    return t.comments[sample].replace("{n}", new Intl.NumberFormat(lang).format(count));
  }

  class Problem extends Error {
    constructor(status, data) {
      super((data && data.detail) || "");
      this.status = status;
      this.data = data;
    }
  }

  async function call(lang, method, path, { body, reader, author } = {}) {
    const headers = { "Accept-Language": lang };
    if (body !== undefined) headers["Content-Type"] = "application/json";
    if (reader) headers["X-Gazette-Reader"] = reader;
    if (author) headers["X-Gazette-Author"] = author;
    const response = await fetch(config.api + path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: "omit",
      mode: "cors",
    });
    const data = response.status === 204 ? null : await response.json().catch(() => null);
    if (!response.ok) throw new Problem(response.status, data);
    return data;
  }

  async function readerToken(lang) {
    const known = load(READER_KEY) || memoryReader;
    if (known) return known;
    const answer = await call(lang, "POST", "/readers");
    memoryReader = answer.reader_token;
    keep(READER_KEY, answer.reader_token);
    return answer.reader_token;
  }
  const authors = () => JSON.parse(load(AUTHORS_KEY) || "{}");
  function keepAuthor(posted) {
    const all = authors();
    all[posted.comment.id] = { token: posted.author_token, status: posted.status_url };
    keep(AUTHORS_KEY, JSON.stringify(all));
    memoryReader = posted.reader_token;
    keep(READER_KEY, posted.reader_token);
  }

  // ALTCHA proof of work (v1): find the number whose SHA-256 after the salt is the challenge.
  // Digests are asked for in batches, which the browser computes off the main thread.
  const BATCH = 500;
  const hex = (digest) => Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");
  async function solve(challenge) {
    const encoder = new TextEncoder();
    const max = challenge.maxNumber ?? challenge.maxnumber;
    for (let first = 0; first <= max; first += BATCH) {
      const numbers = Array.from({ length: Math.min(BATCH, max - first + 1) }, (_n, i) => first + i);
      const digests = await Promise.all(numbers.map((n) => crypto.subtle.digest("SHA-256", encoder.encode(challenge.salt + n))));
      const found = digests.findIndex((digest) => hex(digest) === challenge.challenge);
      if (found >= 0) {
        const { algorithm, salt, signature } = challenge;
        return btoa(JSON.stringify({ algorithm, challenge: challenge.challenge, number: numbers[found], salt, signature }));
      }
    }
    throw new Error("unsolved");
  }

  class Discussion {
    constructor(host) {
      const data = host.dataset;
      this.site = data.gazetteSite;
      const canonical = document.querySelector('link[rel="canonical"]');
      this.url = data.gazetteUrl || (canonical ? canonical.href : location.href.split("#")[0]);
      this.lang = data.gazetteEdition || document.documentElement.lang || "en";
      this.sort = data.gazetteSort || "oldest";
      this.root = host.shadowRoot || host.attachShadow({ mode: "open" });
      this.parent = null;
      this.captcha = null;
      this.waiting = []; // new comments the live updates brought, behind the "show" button
    }

    async start() {
      // The first screen is one call (thread, first page, poll); the texts, kept a day by the
      // browser, come alongside it.
      const reader = load(READER_KEY) || memoryReader;
      const query = new URLSearchParams({ site: this.site, url: this.url, sort: this.sort, with_poll: "true" });
      const first = call(this.lang, "GET", "/threads?" + query, { reader });
      first.catch(() => null); // looked at below, once the texts are in
      const t = await strings(this.lang).catch(() => null);
      this.t = t;
      this.root.replaceChildren(el("link", { rel: "stylesheet", href: config.css }));
      this.box = el("section", { class: "gz", lang: this.lang, "aria-label": t ? t.discussion : "Discussion" });
      this.root.append(this.box);
      try {
        const page = await first;
        this.thread = page.thread;
        this.comments = page.comments;
        this.page = page.page;
        this.pages = page.pages;
        this.render();
        if (page.poll) this.drawPoll(page.poll);
        else this.pollBox.hidden = true; // no poll on this site's pages
      } catch (error) {
        this.box.append(el("p", { class: "gz-refused", role: "alert", text: t ? t.unavailable : "The discussion cannot be shown on this page." }));
        return;
      }
      new Live(this).connect();
    }

    say(text, link) {
      this.notice.replaceChildren(text, link ? " " : "", link || "");
    }

    render() {
      const t = this.t;
      this.pollBox = el("div", { class: "gz-poll" });
      this.heading = el("h2", { class: "gz-count", id: "gz-title", text: countText(t, this.lang, this.thread.comment_count) });
      this.list = el("ol", { class: "gz-comments" });
      this.notice = el("p", { class: "gz-notice", role: "status" });
      const sort = el(
        "select",
        { id: "gz-sort", onchange: (event) => this.resort(event.target.value) },
        ...["oldest", "newest", "liked"].map((code) => el("option", { value: code, selected: code === this.sort, text: t[code] })),
      );
      this.moreButton = el("button", { type: "button", class: "gz-link", text: t.more, onclick: () => this.more() });
      this.box.replaceChildren(
        this.pollBox,
        this.heading,
        el("p", { class: "gz-meta" }, el("a", { href: this.thread.policy_url, target: "_blank", rel: "noopener", text: t.policy }), " ", el("label", { for: "gz-sort", text: t.sort }), " ", sort),
        this.list,
        this.moreButton,
        this.notice,
        this.thread.is_open ? this.form() : el("p", { class: "gz-closed", text: this.thread.closed_message || t.closed }),
        this.reportDialog(),
      );
      this.drawList();
    }

    drawList() {
      this.list.replaceChildren(...this.comments.map((comment) => this.item(comment)));
      this.moreButton.hidden = this.page >= this.pages;
      this.heading.textContent = countText(this.t, this.lang, this.thread.comment_count);
      // What the list now shows (a reload, the reader's own post) no longer waits to be shown.
      this.waiting = this.waiting.filter((comment) => this.indexOf(comment.id, this.comments) === null);
      this.drawWaiting();
    }

    indexOf(id, comments) {
      const index = comments.findIndex((comment) => comment.id === id);
      return index < 0 ? null : index;
    }

    // ------------------------------------------------------------ live updates (class Live)
    setCount(count) {
      if (typeof count !== "number") return;
      this.thread.comment_count = count;
      this.heading.textContent = countText(this.t, this.lang, count);
    }

    // Whether a new comment belongs on what the reader sees: a reply under a comment shown, a
    // top-level comment only where new ones go (the top when newest first, else the last page).
    belongsHere(comment) {
      if (comment.parent) return this.indexOf(comment.parent, this.comments) !== null;
      return this.sort === "newest" || this.page >= this.pages;
    }

    arrived(data) {
      this.setCount(data.count);
      const comment = data.comment;
      if (!comment || this.indexOf(comment.id, this.comments) !== null) return; // shown already
      if (!this.belongsHere(comment) || this.indexOf(comment.id, this.waiting) !== null) return;
      this.waiting.push(comment);
      this.drawWaiting();
    }

    drawWaiting() {
      if (!this.showButton) {
        this.showButton = el("button", { type: "button", class: "gz-primary gz-new", hidden: true, onclick: () => this.showWaiting() });
        this.list.before(this.showButton);
      }
      // New comments go in at the top when newest first, else after the last one.
      if (this.sort === "newest") this.list.before(this.showButton);
      else this.moreButton.after(this.showButton);
      this.showButton.hidden = !this.waiting.length;
      this.showButton.textContent = fill(this.t.newComments, { count: this.waiting.length });
    }

    showWaiting() {
      // What the reader is looking at (a comment, else the form below the list) stays where it
      // is on screen: the page is scrolled by whatever goes in above it, or leaves (the button).
      const below = this.notice.nextElementSibling; // the form, or the note that comments are closed
      const fixed = [...this.list.children, below].find((node) => node.getBoundingClientRect().bottom > 0) || below;
      const before = fixed.getBoundingClientRect().top;
      for (const comment of this.waiting.splice(0)) {
        if (this.indexOf(comment.id, this.comments) !== null) continue;
        const item = { ...comment, liked: false, more_replies: 0 };
        let at = this.sort === "newest" ? 0 : this.comments.length;
        if (comment.parent) {
          const parent = this.indexOf(comment.parent, this.comments);
          if (parent === null) continue;
          at = this.subtreeEnd(parent);
        }
        this.comments.splice(at, 0, item);
        const node = this.item(item);
        node.classList.add("gz-comment--new");
        this.list.insertBefore(node, this.list.children[at] || null);
      }
      this.drawWaiting();
      window.scrollBy(0, fixed.getBoundingClientRect().top - before);
    }

    // The index after the comment at `index` and the replies under it.
    subtreeEnd(index) {
      let end = index + 1;
      while (end < this.comments.length && this.comments[end].depth > this.comments[index].depth) end += 1;
      return end;
    }

    edited(data) {
      const changed = data.comment;
      if (!changed) return;
      this.waiting = this.waiting.map((comment) => (comment.id === changed.id ? changed : comment));
      this.replaceComment(changed);
    }

    // A comment's new state in the list and on screen; the reader's like stays theirs, and a
    // comment they are editing, or asked to delete, keeps their edit box or the question.
    replaceComment(changed) {
      const index = this.indexOf(changed.id, this.comments);
      if (index === null) return;
      const old = this.comments[index];
      const item = { ...old, ...changed, liked: old.liked, more_replies: old.more_replies };
      this.comments[index] = item;
      const node = this.list.children[index];
      if (node && !node.querySelector("textarea, [data-confirming]")) node.replaceWith(this.item(item));
    }

    withdrawn(data) {
      this.setCount(data.count);
      this.waiting = this.waiting.filter((comment) => comment.id !== data.id);
      this.drawWaiting();
      const index = this.indexOf(data.id, this.comments);
      if (index === null) return;
      const end = this.subtreeEnd(index);
      if (data.comment && end > index + 1) {
        this.replaceComment(data.comment); // the placeholder the API shows above its replies
        return;
      }
      // Alone, or held again (its replies are no longer shown either).
      const gone = data.comment ? index + 1 : end;
      for (const node of Array.from(this.list.children).slice(index, gone)) node.remove();
      this.comments.splice(index, gone - index);
    }

    tallied(data) {
      // Results change only where they are already shown (the reader voted, or the site shows
      // them to all): the tallies never reveal more than the widget does.
      const poll = this.poll;
      if (!poll || !poll.show_counts) return;
      poll.total = data.total;
      for (const tally of data.choices) {
        const choice = poll.choices.find((c) => c.code === tally.code);
        if (!choice) continue;
        Object.assign(choice, { count: tally.count, percent: tally.percent });
        const votes = this.pollBox.querySelector(`[data-choice="${CSS.escape(tally.code)}"] .gz-votes`);
        if (votes) votes.textContent = ` ${tally.count} (${tally.percent}%)`;
      }
    }

    lost() {
      this.say(this.t.liveReset);
    }

    item(comment) {
      const t = this.t;
      const own = authors()[comment.id];
      const shown = comment.state === "published" || comment.state === "pending";
      const when = new Intl.DateTimeFormat(this.lang, { dateStyle: "medium", timeStyle: "short" }).format(new Date(comment.created_at));
      const body = el("div", { class: "gz-body" });
      if (shown) body.innerHTML = comment.body_html; // sanitised by the server (core/text.py)
      else body.textContent = comment.state === "deleted" ? t.deleted : t.removed;
      const actions = el("div", { class: "gz-actions" });
      if (comment.state === "published") {
        actions.append(
          el("button", { type: "button", "aria-pressed": String(Boolean(comment.liked)), onclick: () => this.like(comment), text: t.like }),
          el("span", { class: "gz-likes", text: fill(t.likes, { count: comment.like_count }) }),
        );
        if (this.thread.is_open) actions.append(el("button", { type: "button", onclick: () => this.replyTo(comment), text: t.reply }));
        actions.append(el("button", { type: "button", onclick: () => this.openReport(comment), text: t.report }));
      }
      if (own && shown) {
        actions.append(el("button", { type: "button", onclick: () => this.edit(comment, body), text: t.edit }));
        actions.append(el("button", { type: "button", onclick: () => this.confirmDelete(comment, actions), text: t.delete }));
        if (own.status) actions.append(el("a", { href: own.status, target: "_blank", rel: "noopener", text: t.status }));
      }
      if (comment.more_replies) {
        actions.append(el("button", { type: "button", class: "gz-link", onclick: () => this.allReplies(comment), text: t.moreReplies + " (" + comment.more_replies + ")" }));
      }
      return el(
        "li",
        { class: "gz-comment", id: "gz-c" + comment.id, "data-depth": Math.min(comment.depth, 4) },
        el(
          "p",
          { class: "gz-head" },
          el("strong", { text: shown ? comment.author_name : "—" }),
          " ",
          el("time", { datetime: comment.created_at, text: when }),
          comment.edited_at ? el("span", { class: "gz-tag", text: t.edited }) : null,
          comment.state === "pending" ? el("span", { class: "gz-tag", text: t.pending }) : null,
        ),
        body,
        actions,
      );
    }

    async reload() {
      const query = new URLSearchParams({ site: this.site, url: this.url, sort: this.sort });
      const page = await call(this.lang, "GET", "/threads?" + query, { reader: load(READER_KEY) || memoryReader });
      Object.assign(this, { thread: page.thread, comments: page.comments, page: page.page, pages: page.pages });
      this.drawList();
    }

    resort(sort) {
      this.sort = sort;
      this.reload().catch((error) => this.fail(error));
    }

    async more() {
      const query = new URLSearchParams({ sort: this.sort, page: this.page + 1 });
      try {
        const next = await call(this.lang, "GET", `/threads/${this.thread.id}?` + query, { reader: load(READER_KEY) || memoryReader });
        this.comments = this.comments.concat(next.comments);
        this.page = next.page;
        this.drawList();
      } catch (error) {
        this.fail(error);
      }
    }

    async allReplies(root) {
      try {
        const all = await call(this.lang, "GET", `/comments/${root.id}/replies`, { reader: load(READER_KEY) || memoryReader });
        const start = this.comments.indexOf(root);
        let end = start + 1;
        while (end < this.comments.length && this.comments[end].depth > 0) end += 1;
        this.comments.splice(start, end - start, ...all.comments.map((c) => (c.id === root.id ? { ...c, more_replies: 0 } : c)));
        this.drawList();
      } catch (error) {
        this.fail(error);
      }
    }

    fail(error) {
      this.say((error instanceof Problem && error.message) || this.t.failed);
    }

    drawPoll(poll) {
      this.poll = poll;
      const choices = poll.choices.map((choice) =>
        el(
          "button",
          { type: "button", "aria-pressed": String(choice.chosen), disabled: !poll.is_open, "data-choice": choice.code, onclick: () => this.vote(choice.code) },
          el("span", { "aria-hidden": "true", text: choice.symbol + " " }),
          choice.label,
          choice.count === null ? null : el("span", { class: "gz-votes", text: ` ${choice.count} (${choice.percent}%)` }),
        ),
      );
      this.pollBox.replaceChildren(
        el("h2", { id: "gz-poll", class: "gz-question", text: poll.question }),
        el("div", { role: "group", "aria-labelledby": "gz-poll", class: "gz-choices" }, ...choices),
      );
    }

    async vote(choice) {
      try {
        const reader = await readerToken(this.lang);
        this.drawPoll(await call(this.lang, "PUT", `/threads/${this.thread.id}/poll`, { body: { choice }, reader }));
      } catch (error) {
        this.fail(error);
      }
    }

    async like(comment) {
      try {
        const reader = await readerToken(this.lang);
        const method = comment.liked ? "DELETE" : "PUT";
        const answer = await call(this.lang, method, `/comments/${comment.id}/like`, { reader });
        Object.assign(comment, { liked: answer.liked, like_count: answer.like_count });
        this.drawList();
        this.list.querySelector(`#gz-c${comment.id} button`).focus();
      } catch (error) {
        this.fail(error);
      }
    }

    form() {
      const t = this.t;
      this.captchaState = el("p", { class: "gz-captcha-state", role: "status", text: t.captchaWaiting });
      this.replying = el("p", { class: "gz-replying", hidden: true });
      const form = el(
        "form",
        { class: "gz-form", novalidate: true, onsubmit: (event) => this.post(event), onfocusin: () => this.startCaptcha() },
        el("h3", { text: t.leave }),
        this.replying,
        el("label", { for: "gz-name", text: t.name }),
        el("input", { id: "gz-name", name: "name", maxlength: "80", autocomplete: "nickname" }),
        el("label", { for: "gz-body", text: t.comment }),
        el("textarea", { id: "gz-body", name: "body", rows: "5", required: true }),
        el("p", { class: "gz-check" }, el("input", { type: "checkbox", id: "gz-accept", name: "accept_policy", required: true }), " ", el("label", { for: "gz-accept", text: t.accept })),
        el(
          "fieldset",
          { class: "gz-captcha" },
          el("legend", {}, t.captcha, el("span", { "aria-hidden": "true", text: " *" }), el("span", { class: "gz-hidden", text: " " + t.required })),
          this.captchaState,
          el("p", { class: "gz-help", text: t.captchaHelp }),
        ),
        el("button", { type: "submit", class: "gz-primary", text: t.post }),
      );
      this.formNode = form;
      return form;
    }

    startCaptcha() {
      if (this.captcha) return this.captcha;
      this.captchaState.textContent = this.t.verifying;
      this.captcha = fetch(this.thread.challenge_url, { credentials: "omit" })
        .then((response) => {
          if (!response.ok) throw new Error("challenge");
          return response.json();
        })
        .then(solve)
        .then((payload) => {
          this.captchaState.textContent = this.t.verified;
          return payload;
        })
        .catch((error) => {
          this.captcha = null;
          this.captchaState.textContent = this.t.captchaFailed;
          throw error;
        });
      return this.captcha;
    }

    replyTo(comment) {
      this.parent = comment.id;
      this.replying.hidden = false;
      this.replying.replaceChildren(
        fill(this.t.replyingTo, { name: comment.author_name }),
        " ",
        el("button", { type: "button", class: "gz-link", text: this.t.cancelReply, onclick: () => this.cancelReply() }),
      );
      this.formNode.querySelector("textarea").focus();
    }

    cancelReply() {
      this.parent = null;
      this.replying.hidden = true;
    }

    async post(event) {
      event.preventDefault();
      const form = this.formNode;
      const button = form.querySelector("button[type=submit]");
      button.disabled = true;
      try {
        const altcha = await this.startCaptcha();
        const body = {
          name: form.elements.name.value,
          body: form.elements.body.value,
          accept_policy: form.elements.accept_policy.checked,
          altcha,
          parent: this.parent,
        };
        const reader = load(READER_KEY) || memoryReader;
        const posted = await call(this.lang, "POST", `/threads/${this.thread.id}/comments`, { body, reader });
        keepAuthor(posted);
        form.elements.body.value = "";
        this.cancelReply();
        await this.reload();
        this.say(posted.message, el("a", { href: posted.status_url, target: "_blank", rel: "noopener", text: this.t.status }));
      } catch (error) {
        this.fail(error);
      } finally {
        // A challenge is spent by any attempt: the next one needs a new check.
        this.captcha = null;
        this.captchaState.textContent = this.t.captchaWaiting;
        button.disabled = false;
      }
    }

    async edit(comment, body) {
      const t = this.t;
      const own = authors()[comment.id];
      let source;
      try {
        // What the author wrote (Markdown), not the HTML made from it.
        source = await call(this.lang, "GET", `/comments/${comment.id}/source`, { author: own && own.token });
      } catch (error) {
        this.fail(error);
        return;
      }
      const field = el("textarea", { "aria-label": t.comment, rows: "4" });
      field.value = source.body;
      const save = async () => {
        try {
          const changed = await call(this.lang, "PATCH", `/comments/${comment.id}`, { body: { body: field.value }, author: own && own.token });
          this.comments[this.comments.indexOf(comment)] = { ...comment, ...changed, liked: comment.liked, more_replies: comment.more_replies };
          this.drawList();
        } catch (error) {
          this.fail(error);
        }
      };
      body.replaceChildren(
        field,
        el("button", { type: "button", class: "gz-primary", onclick: save, text: t.save }),
        el("button", { type: "button", onclick: () => this.drawList(), text: t.cancel }),
      );
      field.focus();
    }

    confirmDelete(comment, actions) {
      const t = this.t;
      const remove = async () => {
        try {
          const own = authors()[comment.id];
          await call(this.lang, "DELETE", `/comments/${comment.id}`, { author: own && own.token });
          await this.reload();
        } catch (error) {
          this.fail(error);
        }
      };
      const keepIt = el("button", { type: "button", onclick: () => this.drawList(), text: t.keep });
      actions.dataset.confirming = "";
      actions.replaceChildren(
        el("span", { text: t.deleteQuestion + " " }),
        el("button", { type: "button", class: "gz-primary", onclick: remove, text: t.delete }),
        keepIt,
      );
      keepIt.focus();
    }

    reportDialog() {
      const t = this.t;
      this.clauses = el("select", { id: "gz-clause", required: true });
      this.note = el("textarea", { id: "gz-note", rows: "3" });
      this.dialog = el(
        "dialog",
        { class: "gz-dialog", "aria-labelledby": "gz-report-title" },
        el(
          "form",
          { method: "dialog", onsubmit: (event) => this.sendReport(event) },
          el("h3", { id: "gz-report-title", text: t.reportTitle }),
          el("label", { for: "gz-clause", text: t.clause }),
          this.clauses,
          el("label", { for: "gz-note", text: t.note }),
          this.note,
          el("p", {}, el("button", { type: "submit", class: "gz-primary", text: t.sendReport }), " ", el("button", { type: "button", onclick: () => this.dialog.close(), text: t.cancel })),
        ),
      );
      return this.dialog;
    }

    async openReport(comment) {
      this.reporting = comment;
      try {
        if (!this.clauses.options.length) {
          const policy = await call(this.lang, "GET", "/policy");
          const clauses = Object.values(policy.clauses).sort((a, b) => a.number - b.number);
          this.clauses.append(...clauses.map((clause) => el("option", { value: clause.number, text: `${clause.number}. ${clause.title}` })));
        }
        this.dialog.showModal();
      } catch (error) {
        this.fail(error);
      }
    }

    async sendReport(event) {
      event.preventDefault();
      try {
        const reader = await readerToken(this.lang);
        const body = { ground: "policy", clause: Number(this.clauses.value), note: this.note.value };
        await call(this.lang, "POST", `/comments/${this.reporting.id}/reports`, { body, reader });
        this.dialog.close();
        this.note.value = "";
        this.say(this.t.reported);
      } catch (error) {
        this.dialog.close();
        this.fail(error);
      }
    }
  }

  // The stream of the discussion's page, from the Gazette the widget came from. It resumes
  // from the last event it saw after a drop, waits longer after each refusal (busy: 503; no
  // stream served: 204), and gives the stream back when the tab stays hidden a minute.
  class Live {
    constructor(discussion) {
      this.discussion = discussion;
      this.lastId = "";
      this.source = null;
      this.failures = 0;
      this.retryTimer = null;
      this.hiddenTimer = null;
      const d = discussion;
      this.handlers = {
        comment: (data) => d.arrived(data),
        "comment-edited": (data) => d.edited(data),
        "comment-removed": (data) => d.withdrawn(data),
        poll: (data) => d.tallied(data),
        reset: () => d.lost(),
      };
      document.addEventListener("visibilitychange", () => {
        window.clearTimeout(this.hiddenTimer);
        if (document.hidden) this.hiddenTimer = window.setTimeout(() => this.disconnect(), 60000);
        else if (!this.source) this.connect();
      });
    }

    connect() {
      if (this.source || !window.EventSource || !config.events) return;
      const thread = this.discussion.thread;
      const query = new URLSearchParams({ site: thread.site, key: thread.key, lang: this.discussion.lang });
      if (this.lastId) query.set("last_event_id", this.lastId);
      const source = new EventSource(config.events + "?" + query, { withCredentials: false });
      this.source = source;
      const box = this.discussion.box;
      source.onopen = () => {
        this.failures = 0;
        box.setAttribute("data-live-open", "");
      };
      source.onerror = () => {
        box.removeAttribute("data-live-open");
        // Open or reconnecting, the browser retries by itself as the server asked (retry:).
        if (source.readyState !== EventSource.CLOSED || this.source !== source) return;
        this.source = null;
        this.failures += 1;
        const delay = Math.min(600, 5 * 2 ** this.failures) * (0.75 + Math.random() / 2);
        this.retryTimer = window.setTimeout(() => this.connect(), delay * 1000);
      };
      for (const [kind, handle] of Object.entries(this.handlers)) {
        source.addEventListener(kind, (event) => {
          if (event.lastEventId) this.lastId = event.lastEventId;
          let data;
          try {
            data = JSON.parse(event.data);
          } catch {
            return;
          }
          handle(data);
        });
      }
    }

    disconnect() {
      window.clearTimeout(this.retryTimer);
      if (this.source) {
        this.source.close();
        this.source = null;
      }
    }
  }

  // The count snippet: every link marked on the page, one request per site (100 pages each).
  async function fillCounts() {
    const links = Array.from(document.querySelectorAll("[data-gazette-count]"));
    const bySite = new Map();
    for (const link of links) {
      const site = link.dataset.gazetteSite;
      if (!bySite.has(site)) bySite.set(site, []);
      bySite.get(site).push(link);
    }
    for (const [site, marked] of bySite) {
      for (let start = 0; start < marked.length; start += 100) {
        const chunk = marked.slice(start, start + 100);
        const query = new URLSearchParams({ site });
        for (const link of chunk) query.append("url", link.dataset.gazetteUrl || link.href);
        const lang = chunk[0].dataset.gazetteEdition || document.documentElement.lang || "en";
        try {
          const [answer, t] = await Promise.all([call(lang, "GET", "/counts?" + query), strings(lang)]);
          answer.counts.forEach((count, index) => {
            chunk[index].textContent = countText(t, chunk[index].dataset.gazetteEdition || lang, count.comment_count);
          });
        } catch {
          /* the links keep their own text */
        }
      }
    }
  }

  function start() {
    for (const host of document.querySelectorAll("[data-gazette-discussion]")) new Discussion(host).start();
    fillCounts();
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
