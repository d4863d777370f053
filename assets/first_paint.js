/* The first paint: the server sends each page as plain HTML (#first-paint) so a phone shows it
   before any script has run. React draws the same page, out of sight, in #react-entry-point; as
   soon as React's page is complete this swaps the two in one frame (a MutationObserver runs before
   the next paint), carrying over anything typed and the focus. Without scripts, the HTML page stays. */
(function () {
  var root = document.getElementById("react-entry-point");
  var first = document.getElementById("first-paint");
  if (!root || !first || !window.MutationObserver) { return; }
  var pageId = root.getAttribute("data-page-id") || "page";
  var PREFIX = "fp-"; /* the first paint's ids carry it (explorer/layout/first_paint.py) */

  function twinOf(id) {
    return id && id.indexOf(PREFIX) === 0 ? document.getElementById(id.slice(PREFIX.length)) : null;
  }

  function drawn() {
    var main = root.querySelector("#" + pageId);
    return main && main.firstElementChild;
  }

  /* Text typed into the first paint's boxes goes into React's, through the setter React listens to. */
  function carryTyping() {
    var setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value").set;
    Array.prototype.forEach.call(first.querySelectorAll("input[id]"), function (input) {
      if (input.type === "hidden" || input.value === input.defaultValue) { return; }
      var twin = twinOf(input.id);
      if (twin && twin.tagName === "INPUT" && root.contains(twin)) {
        setter.call(twin, input.value);
        twin.dispatchEvent(new Event("input", { bubbles: true }));
      }
    });
  }

  /* A link to a part of a page ("/staying-safe#helplines"): the browser finds no such id in the
     first paint (its ids are prefixed), so its copy is scrolled to here, and React's after the swap
     unless the reader has scrolled since. */
  var fragment = decodeURIComponent(window.location.hash.slice(1));
  var scrolledTo = null;
  function showFragment(id) {
    var target = fragment ? document.getElementById(id) : null;
    if (!target) { return; }
    target.scrollIntoView();
    scrolledTo = window.scrollY;
  }
  showFragment(PREFIX + fragment);

  function swap() {
    var active = document.activeElement;
    var focusId = active && first.contains(active) ? active.id : null;
    try { carryTyping(); } catch (e) { /* keep the swap whatever the browser lacks */ }
    first.parentNode.removeChild(first);
    root.classList.remove("first-paint-pending");
    var twin = twinOf(focusId);
    if (twin) { twin.focus({ preventScroll: true }); }
    if (scrolledTo !== null && window.scrollY === scrolledTo) { showFragment(fragment); }
  }

  if (drawn()) { swap(); return; }
  var observer = new MutationObserver(function () {
    if (drawn()) { observer.disconnect(); swap(); }
  });
  observer.observe(root, { childList: true, subtree: true });
})();
