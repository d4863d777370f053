/* Browser-side map styling for dash-leaflet, referenced from Python as {"variable": "explorerMap.x"}.
   Functions receive the feature and the layer's context; context.hideout carries the small state
   sent from the server (selected boroughs, a service's area, colours). No eval: CSP-safe. */
window.explorerMap = Object.assign({}, window.explorerMap, {
  boroughStyle: function (feature, context) {
    var hideout = context.hideout || {};
    var selected = hideout.selected || [];
    var area = hideout.area || [];
    var code = feature.properties.code;
    var isSelected = selected.indexOf(code) !== -1;
    var inArea = area.indexOf(code) !== -1;
    var classes = "borough-shape borough-" + code + (isSelected ? " borough-selected" : "") + (inArea ? " borough-in-area" : "");
    return {
      color: isSelected ? "#0b0c0c" : (inArea ? "#8a2a7e" : "#1d4f91"),
      weight: isSelected ? 3 : (inArea ? 2 : 1),
      fillColor: inArea ? "#8a2a7e" : (isSelected ? "#ffdd00" : "#1d4f91"),
      fillOpacity: inArea ? 0.22 : (isSelected ? 0.25 : 0.04),
      className: classes
    };
  },
  pointToLayer: function (feature, latlng, context) {
    var colours = (context.hideout && context.hideout.colours) || {};
    var colour = colours[feature.properties.t] || "#0b0c0c";
    var marker = L.circleMarker(latlng, {
      radius: 8, color: "#ffffff", weight: 2, fillColor: colour, fillOpacity: 0.95,
      className: "service-point"
    });
    /* Text, not HTML: the tooltip is a text node so record text can never run as code. */
    var span = document.createElement("span");
    span.textContent = feature.properties.l || "";
    marker.bindTooltip(span);
    return marker;
  }
});
