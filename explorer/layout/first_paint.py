"""Layout layer: the parts of the served document that let a page paint before its scripts run.

The page arrives as plain HTML (:func:`explorer.layout.static_html.to_html`) in ``#first-paint``;
React draws the same page, unseen, in ``#react-entry-point``; ``assets/first_paint.js`` swaps them
in one frame once React's page is there (so nothing moves: no layout shift). Dash's scripts
are held in a template and fetched after the first paint, so no script holds up that paint.
"""

from __future__ import annotations

import re

from markupsafe import Markup

from explorer import ids

#: Dash's renderer, started once the held scripts have loaded. They are fetched, in their order,
#: once the browser reports the page's first contentful paint (or after one frame where paint
#: timing is missing), so no script holds up that paint; a tab opened in the background (which
#: paints nothing) fetches them after at most three seconds.
DEFERRED_RENDERER = """(function () {
  var begun = false;
  function start() { if (typeof DashRenderer !== "undefined") { var renderer = new DashRenderer(); } }
  function load() {
    if (begun) { return; }
    begun = true;
    var held = document.getElementById("dash-scripts");
    var tags = held ? held.content.querySelectorAll("script[src]") : [];
    var left = tags.length;
    if (!left) { start(); return; }
    Array.prototype.forEach.call(tags, function (tag) {
      var script = document.createElement("script");
      Array.prototype.forEach.call(tag.attributes, function (a) { script.setAttribute(a.name, a.value); });
      script.async = false;
      script.onload = function () { left -= 1; if (!left) { start(); } };
      document.body.appendChild(script);
    });
  }
  var types = (window.PerformanceObserver && PerformanceObserver.supportedEntryTypes) || [];
  if (types.indexOf("paint") >= 0) {
    new PerformanceObserver(function (list, observer) {
      if (list.getEntriesByName("first-contentful-paint").length) { observer.disconnect(); setTimeout(load, 0); }
    }).observe({ type: "paint", buffered: true });
  } else {
    requestAnimationFrame(function () { setTimeout(load, 0); });
  }
  setTimeout(load, 3000);
})();"""

#: The class that keeps React's copy of the page out of sight until it is complete.
PENDING_CLASS = "first-paint-pending"

_EXTERNAL_SCRIPT = re.compile(r"<script\b[^>]*\ssrc=\"[^\"]*\"[^>]*>\s*</script>\s*")


#: Dash's bundle of polyfills for old browsers: left out; the one thing Dash needs from it, the
#: ``regeneratorRuntime`` global, comes from ``assets/vendor/regenerator-runtime.js``.
_POLYFILL = re.compile(r"/deps/polyfill@")

#: The quick exit's script is not held: it is small and must work on the first paint. It is
#: deferred instead (fetched at once, run when the document has been parsed, never blocking paint).
_AT_ONCE = re.compile(r'src="[^"]*/assets/exit_this_page\.js')


def hold_scripts(scripts: str) -> str:
    """Dash's script tags with the external ones held in a ``<template>`` (inert: nothing is fetched
    or run) for :data:`DEFERRED_RENDERER` to load after the first paint; inline ones stay as they
    are, Dash's polyfill bundle is left out and the quick exit's script is deferred, not held."""
    tags = [match.group(0).strip() for match in _EXTERNAL_SCRIPT.finditer(scripts)]
    held = "".join(tag for tag in tags if not _POLYFILL.search(tag) and not _AT_ONCE.search(tag))
    at_once = "".join(tag.replace("<script", "<script defer", 1) for tag in tags if _AT_ONCE.search(tag))
    return f'{at_once}<template id="dash-scripts">{held}</template>\n' + _EXTERNAL_SCRIPT.sub("", scripts)


#: What the first paint's ids start with, so they never clash with React's copy of the same page.
ID_PREFIX = "fp-"

_ID_ATTRIBUTE = re.compile(r'\s(id|for|aria-labelledby|aria-describedby|aria-controls)="([^"]*)"')
_FRAGMENT_LINK = re.compile(r'\shref="#([^"]+)"')


def prefix_ids(page_html: str) -> str:
    """``page_html`` with every id, and every reference to one (labels, ARIA, in-page links),
    prefixed with :data:`ID_PREFIX`: the page keeps working on its own, and a script or a test
    looking for an element by id finds React's, never the one about to be removed. (Attribute
    values are escaped, so these patterns cannot match inside text.)"""
    page_html = _ID_ATTRIBUTE.sub(
        lambda m: f' {m.group(1)}="{" ".join(ID_PREFIX + token for token in m.group(2).split())}"', page_html)
    return _FRAGMENT_LINK.sub(lambda m: f' href="#{ID_PREFIX}{m.group(1)}"', page_html)


def first_paint_entry(page_html: Markup, page_id: str = ids.PAGE) -> Markup:
    """Dash's entry point, hidden until React has drawn the page, followed by the page as HTML
    (its ids prefixed: :func:`prefix_ids`)."""
    return Markup(
        f'<div id="react-entry-point" class="{PENDING_CLASS}" data-page-id="{page_id}">'
        '<div class="_dash-loading">Loading...</div></div>'
        '<div id="first-paint" class="first-paint">'
    ) + Markup(prefix_ids(page_html)) + Markup("</div>")
