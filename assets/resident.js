/* Browser-side helpers for residents (the quick exit is in exit_this_page.js): the page's
   title and description on in-page navigation, the phone's List / Map toggle, focus after a page turn,
   and the filters opened on wide screens. No eval, no inline script: CSP-safe. */
(function () {
  var WIDE = "(min-width: 768px)";

  function openFiltersOnWideScreens() {
    var panel = document.getElementById("filter-panel");
    if (panel && !panel.dataset.placed) {
      panel.dataset.placed = "1";
      if (window.matchMedia(WIDE).matches) { panel.open = true; }
    }
  }
  /* Tables become stacked rows on a phone (CSS under 600 px): each cell names its column. */
  function labelTables() {
    var tables = document.querySelectorAll("main table");
    Array.prototype.forEach.call(tables, function (table) {
      if (table.closest(".dash-spreadsheet-container")) { return; }
      var heads = table.querySelectorAll("thead tr:last-child th");
      if (!heads.length) { return; }
      var names = Array.prototype.map.call(heads, function (th) { return th.textContent.trim(); });
      Array.prototype.forEach.call(table.querySelectorAll("tbody tr, tfoot tr"), function (row) {
        Array.prototype.forEach.call(row.children, function (cell, i) {
          if (cell.tagName === "TD" && names[i] && !cell.hasAttribute("data-label")) {
            cell.setAttribute("data-label", names[i]);
          }
        });
      });
      table.classList.add("stack-on-phone");
    });
  }
  var pending = false;
  new MutationObserver(function () {
    if (pending) { return; }
    pending = true;
    window.requestAnimationFrame(function () { pending = false; openFiltersOnWideScreens(); labelTables(); });
  }).observe(document.documentElement, {childList: true, subtree: true});

  window.dash_clientside = Object.assign({}, window.dash_clientside, {
    explorerResident: {
      /* The state a page reports becomes the address's query string (a new history entry). */
      copyState: function (state, search) {
        return (state || "") === (search || "") ? window.dash_clientside.no_update : state;
      },
      setHead: function (head) {
        if (head && head.title) {
          document.title = head.title;
          var meta = document.querySelector('meta[name="description"]');
          if (meta) { meta.setAttribute("content", head.description || ""); }
        }
        return window.dash_clientside.no_update;
      },
      showView: function (listClicks, mapClicks, areaClicks, viewport) {
        var triggered = (window.dash_clientside.callback_context.triggered || [])[0] || {};
        var id = String(triggered.prop_id || "");
        var area = id.indexOf("show-area") >= 0;
        var noUpdate = window.dash_clientside.no_update;
        // Dash also calls this when the page's buttons are first drawn (no click): keep the view then.
        if (!triggered.value) { return [noUpdate, noUpdate, noUpdate, noUpdate]; }
        var map = area || id.indexOf("results-view-map") === 0;
        // The map was drawn while hidden (no size): once shown, Leaflet measures it again on the
        // resize event, then the search's fit is applied anew so the view and pins are right.
        window.setTimeout(function () {
          window.dispatchEvent(new Event("resize"));
          if (map && viewport && !area && window.dash_clientside.set_props) {
            window.setTimeout(function () {
              // Only while the map is still on screen (not hidden again, nor replaced by another page).
              var shown = document.querySelector(".explorer-grid.show-map .explorer-map");
              if (shown && shown.offsetParent !== null) {
                window.dash_clientside.set_props("map", {viewport: Object.assign({}, viewport)});
              }
            }, 100);
          }
          var pane = document.querySelector(".map-pane");
          if (area && pane && !window.matchMedia("(min-width: 768px)").matches) {
            pane.scrollIntoView({block: "start"});
          }
        }, 50);
        var params = new URLSearchParams(window.location.search);
        if (map) { params.set("view", "map"); } else { params.delete("view"); }
        var state = params.toString() ? "?" + params.toString() : "";
        return ["explorer-grid show-" + (map ? "map" : "list"), map ? "false" : "true", map ? "true" : "false",
                state === window.location.search ? noUpdate : state];
      },
      focusResults: function () {
        // Only a tap on the pager moves focus to the results. Dash also calls this when a search first
        // draws the pager (no click): focus then stays in the search box, where the reader may be typing.
        var triggered = (window.dash_clientside.callback_context.triggered || [])[0] || {};
        if (!triggered.value) { return window.dash_clientside.no_update; }
        window.setTimeout(function () {
          var summary = document.getElementById("result-summary");
          if (summary) { summary.scrollIntoView({block: "start"}); summary.focus({preventScroll: true}); }
        }, 300);
        return window.dash_clientside.no_update;
      }
    }
  });
})();
