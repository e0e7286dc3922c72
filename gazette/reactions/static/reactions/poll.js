/* The reader poll without a page reload. The form works on its own; this only takes over its
   submit, sends the same fields with fetch, and shows the answer in place. All text comes from
   the server, already translated. */
(function () {
  "use strict";

  // The page carries counts only for a reader who may see them; they are built here when a
  // vote reveals them, and removed again when it is withdrawn.
  function element(tag, className, attribute) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (attribute) node.setAttribute(attribute, "");
    return node;
  }

  function resultOf(item) {
    var result = item.querySelector("[data-poll-result]");
    if (result) return result;
    result = element("div", "poll__result", "data-poll-result");
    var bar = element("span", "poll__bar");
    bar.setAttribute("aria-hidden", "true");
    bar.appendChild(element("span", "poll__fill"));
    var figures = element("span", "poll__figures");
    figures.appendChild(element("span", "poll__percent", "data-poll-percent"));
    figures.appendChild(document.createTextNode(" "));
    figures.appendChild(element("span", "poll__count", "data-poll-count"));
    result.appendChild(bar);
    result.appendChild(figures);
    item.appendChild(result);
    return result;
  }

  function totalOf(section) {
    var total = section.querySelector("[data-poll-total]");
    if (total) return total;
    var line = element("p", "poll__total", "data-poll-result");
    total = element("span", "", "data-poll-total");
    line.appendChild(total);
    section.querySelector(".poll__choices").after(line);
    return total;
  }

  function update(section, poll) {
    section.querySelectorAll("[data-choice]").forEach(function (item) {
      var result = poll.choices.find(function (choice) {
        return choice.code === item.dataset.choice;
      });
      if (!result) {
        return;
      }
      var button = item.querySelector("button");
      button.setAttribute("aria-pressed", result.chosen ? "true" : "false");
      button.name = result.chosen ? "withdraw" : "choice";
      item.classList.toggle("poll__choice--chosen", result.chosen);
      if (poll.show_counts) {
        var figures = resultOf(item);
        figures.querySelector(".poll__fill").dataset.percent = result.percent;
        figures.querySelector("[data-poll-percent]").textContent = result.percent + "%";
        figures.querySelector("[data-poll-count]").textContent = result.count_text;
      }
    });
    if (poll.show_counts) {
      totalOf(section).textContent = poll.total_text;
    } else {
      section.querySelectorAll("[data-poll-result]").forEach(function (node) {
        node.remove();
      });
    }
    var voted = poll.choices.some(function (choice) {
      return choice.chosen;
    });
    var hint = section.querySelector('[data-poll-hint="voted"]');
    if (hint) {
      hint.hidden = !voted;
    }
  }

  function announce(section, text) {
    var status = section.querySelector("[data-poll-status]");
    // Emptying first makes screen readers announce the same sentence twice in a row.
    status.textContent = "";
    window.setTimeout(function () {
      status.textContent = text;
    }, 50);
  }

  function setBusy(section, busy) {
    section.setAttribute("aria-busy", busy ? "true" : "false");
    section.querySelectorAll("button").forEach(function (button) {
      button.disabled = busy;
    });
  }

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

  function send(section, form, submitter) {
    var body = new FormData(form);
    body.append(submitter.name, submitter.value);
    var token = form.querySelector("[name=csrfmiddlewaretoken]");
    setBusy(section, true);
    return identified()
      .then(function () {
        return fetch(form.action, {
          method: "POST",
          body: body,
          credentials: "same-origin",
          headers: {
            Accept: "application/json",
            "X-CSRFToken": token ? token.value : "",
          },
        });
      })
      .then(function (response) {
        return response.json().catch(function () {
          return {};
        });
      })
      .then(function (data) {
        if (data.poll) {
          update(section, data.poll);
          announce(section, [data.message, data.poll.summary].filter(Boolean).join(" "));
        } else {
          announce(section, data.error || section.dataset.error);
        }
      })
      .catch(function () {
        announce(section, section.dataset.error);
      })
      .finally(function () {
        setBusy(section, false);
      });
  }

  function enhance(section) {
    var form = section.querySelector("form");
    form.addEventListener("submit", function (event) {
      var submitter = event.submitter;
      if (!submitter || !submitter.name || !window.fetch) {
        return; // the browser submits the form as usual
      }
      event.preventDefault();
      send(section, form, submitter).then(function () {
        submitter.focus();
      });
    });
  }

  document.querySelectorAll("[data-poll]").forEach(enhance);
})();
