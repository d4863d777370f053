/* Browser-side styling of the performance page's reach map (dash-leaflet), referenced from Python
   as {"variable": "explorerPerformance.x"}. context.hideout carries the data sent once from the
   server: people per borough code, the class limits and their colours. No eval: CSP-safe. */
window.explorerPerformance = Object.assign({}, window.explorerPerformance, {
  reachColour: function (value, hideout) {
    if (value === undefined || value === null || value <= 0) { return hideout.none; }
    var breaks = hideout.breaks || [];
    for (var i = 0; i < breaks.length; i++) {
      if (value <= breaks[i]) { return hideout.colours[i]; }
    }
    return hideout.colours[hideout.colours.length - 1];
  },
  reachStyle: function (feature, context) {
    var hideout = (context && context.hideout) || {};
    var value = (hideout.values || {})[feature.properties.code];
    var has = value !== undefined && value !== null && value > 0;
    return {
      color: "#0b0c0c",
      weight: 1,
      dashArray: has ? null : "3 3",
      fillColor: window.explorerPerformance.reachColour(value, hideout),
      fillOpacity: 0.85
    };
  },
  reachFeature: function (feature, layer, context) {
    /* The class is read when the path is created, so the shapes can be found and tested. */
    layer.options.className = "reach-shape";
    var hideout = (context && context.hideout) || {};
    var value = (hideout.values || {})[feature.properties.code];
    var text = (feature.properties.name || feature.properties.code) + ": " +
      (value ? value.toLocaleString("en-GB") + " people helped" : "none reported");
    /* Text, not HTML: record text can never run. */
    var span = document.createElement("span");
    span.textContent = text;
    layer.bindTooltip(span, { sticky: true });
  }
});
