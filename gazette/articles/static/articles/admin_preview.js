// The article editor's live preview: the body as the page will show it, rendered on the server
// by the page's own renderer (no second Markdown implementation here).
// The admin loads it in the page's head: it starts once the form is there.
document.addEventListener("DOMContentLoaded", function () {
  "use strict";
  var body = document.getElementById("id_body");
  var form = body && body.form;
  if (!form || !window.fetch) return;
  var dateline = document.getElementById("id_dateline");
  var address = form.action.replace(/(\/admin\/articles\/article\/).*$/, "$1preview-body/");
  var box = document.createElement("section");
  box.className = "article-preview";
  box.setAttribute("aria-label", body.dataset.previewLabel || "Preview");
  var shown = document.createElement("div");
  shown.className = "article-preview__body";
  shown.setAttribute("aria-live", "polite");
  box.appendChild(shown);
  body.closest(".form-row").after(box);

  var waiting = null;
  function refresh() {
    var data = new FormData();
    data.append("body", body.value);
    data.append("dateline", dateline ? dateline.value : "");
    data.append("csrfmiddlewaretoken", form.elements.csrfmiddlewaretoken.value);
    fetch(address, { method: "POST", body: data, credentials: "same-origin" })
      .then(function (response) { return response.ok ? response.text() : null; })
      .then(function (html) {
        // Sanitised by the server's renderer (the same allow-list as the page).
        if (html !== null) shown.innerHTML = html;
      })
      .catch(function () { /* the editor keeps working without it */ });
  }
  function soon() {
    window.clearTimeout(waiting);
    waiting = window.setTimeout(refresh, 300);
  }
  body.addEventListener("input", soon);
  if (dateline) dateline.addEventListener("input", soon);
  refresh();
});
