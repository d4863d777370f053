/* StaticHtml: one element holding a block of HTML the server built with its autoescaping template
 * engine (explorer/layout/static.py). A long list or table as Dash components costs a React element,
 * a wrapper and a store subscription for every cell; as one block the browser's own parser draws it.
 * The markup is never built here and never holds a script (the page's CSP allows no inline script). */
window.explorerStatic = Object.assign(window.explorerStatic || {}, {
  StaticHtml: function StaticHtml(props) {
    return window.React.createElement("div", {
      id: props.id,
      className: props.className,
      dangerouslySetInnerHTML: {__html: props.children || ""},
    });
  },
});
