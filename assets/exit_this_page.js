/* The quick exit (GOV.UK's exit-this-page pattern): the button, or Shift pressed three times, hides
   the page at once and replaces it in history with a neutral site. This file is not held back with
   Dash's scripts (explorer/layout/first_paint.py): it works on the server's first paint, before the
   rest of the page's scripts arrive. No eval, no inline script: CSP-safe. */
(function () {
  var shiftTimes = [];

  function exitUrl() {
    var button = document.querySelector(".exit-this-page__button[data-exit-url]");
    return (button && button.getAttribute("data-exit-url")) || "https://www.bbc.co.uk/weather";
  }

  /* Hide this page at once, then replace it in history so Back does not return to it. */
  function exitPage(event) {
    if (event) { event.preventDefault(); }
    document.documentElement.classList.add("exiting");
    document.title = "Loading";
    window.location.replace(exitUrl());
  }

  document.addEventListener("click", function (event) {
    var target = event.target && event.target.closest ? event.target.closest(".exit-this-page__button") : null;
    if (target) { exitPage(event); }
  });

  /* Shift pressed three times within five seconds (each press on its own, as GOV.UK's component counts). */
  document.addEventListener("keyup", function (event) {
    if (event.key !== "Shift") { shiftTimes = []; return; }
    var now = Date.now();
    shiftTimes = shiftTimes.filter(function (t) { return now - t < 5000; });
    shiftTimes.push(now);
    if (shiftTimes.length >= 3) { shiftTimes = []; exitPage(); }
  });
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Shift") { shiftTimes = []; }
  });

  /* Restored from the back-forward cache after an exit: leave again. */
  window.addEventListener("pageshow", function (event) {
    if (event.persisted && document.documentElement.classList.contains("exiting")) { exitPage(); }
  });

})();
