// docgen serve: the only script of the page (no inline scripts; CSP script-src 'self').
// While a job runs, its button is disabled and a "working" line is shown.
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll("form.job").forEach(function (form) {
    form.addEventListener("submit", function () {
      if (form.dataset.download) return; // a download: the page stays as it is
      var busy = form.querySelector(".busy");
      if (busy) busy.hidden = false;
      form.querySelectorAll("button").forEach(function (b) { b.disabled = true; });
    });
  });
});
