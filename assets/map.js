/* Browser-side map styling for dash-leaflet, referenced from Python as {"variable": "explorerMap.x"}.
   Functions receive the feature and the layer's context; context.hideout carries the data sent
   once from the server (selected boroughs, colours). No eval: CSP-safe. */
window.explorerMap = Object.assign({}, window.explorerMap, {
  boroughStyle: function (feature, context) {
    var selected = (context.hideout && context.hideout.selected) || [];
    var code = feature.properties.code;
    var on = selected.indexOf(code) !== -1;
    return {
      color: on ? "#0b0c0c" : "#1d4f91",
      weight: on ? 3 : 1,
      fillColor: on ? "#ffdd00" : "#1d4f91",
      fillOpacity: on ? 0.25 : 0.04,
      dashArray: null
    };
  },
  pointToLayer: function (feature, latlng, context) {
    var colours = (context.hideout && context.hideout.colours) || {};
    var colour = colours[feature.properties.term] || "#0b0c0c";
    var marker = L.circleMarker(latlng, {
      radius: 8, color: "#ffffff", weight: 2, fillColor: colour, fillOpacity: 0.95
    });
    /* Text, not HTML: the tooltip is set as a text node so record text can never run. */
    var span = document.createElement("span");
    span.textContent = feature.properties.label || "";
    marker.bindTooltip(span);
    return marker;
  }
});
