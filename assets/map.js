/* Browser-side map code for dash-leaflet, referenced from Python as {"variable": "explorerMap.x"}
   and from a clientside callback (explorerMap.askView). Functions receive the feature and the
   layer's context; context.hideout carries the small state sent from the server (selected
   boroughs, a service's area, the key's colours and names). No eval and no HTML built from record
   text: every name, phone or address is set with textContent or as a checked href (CSP-safe). */
(function () {
  var OUTLINE = "#0b0c0c";
  var VIEW_PADDING = 0.25;  /* as explorer.services.mapview.VIEW_PADDING */
  var BLANK_TILE = "data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7";

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    return node;
  }

  /* tel: keeps digits and a leading +; anything else gives no link. */
  function telHref(phone) {
    var digits = String(phone || "").replace(/[^0-9+]/g, "");
    return /^\+?[0-9]{3,15}$/.test(digits) ? "tel:" + digits : null;
  }

  function mailtoHref(email) {
    var text = String(email || "").trim();
    return /^[^\s@<>"'()]+@[^\s@<>"'()]+\.[^\s@<>"'()]+$/.test(text) ? "mailto:" + text : null;
  }

  function link(href, text, className) {
    var a = el("a", className, text);
    a.href = href;
    return a;
  }

  /* The small card a pin opens: name, area, who it is for, how to get help, contact, link. */
  function serviceCard(props, names) {
    var card = el("div", "pin-card");
    card.appendChild(el("p", "pin-card-name", props.n));
    if (props.s) { card.appendChild(el("span", "badge text-bg-warning", "sample value")); }
    if (props.t && names[props.t]) { card.appendChild(el("p", "pin-card-area", names[props.t])); }
    if (props.l) { card.appendChild(el("p", "pin-card-place", "At: " + props.l)); }
    if (props.w) { card.appendChild(el("p", "pin-card-who", "For: " + props.w)); }
    if (props.a) { card.appendChild(el("p", "pin-card-access", props.a)); }
    var contact = el("p", "pin-card-contact");
    var tel = telHref(props.p);
    if (tel) {
      contact.appendChild(document.createTextNode("Call "));
      contact.appendChild(link(tel, props.p, "pin-card-tel"));
    }
    var mail = mailtoHref(props.e);
    if (mail) {
      if (tel) { contact.appendChild(document.createTextNode(" · ")); }
      contact.appendChild(link(mail, props.e, "pin-card-mail"));
    }
    if (contact.childNodes.length) { card.appendChild(contact); }
    card.appendChild(link("/service/" + encodeURIComponent(props.id || ""), "More about this service", "pin-card-link"));
    return card;
  }

  function pinIcon(colour, label, text, className) {
    var inner = el("span", "pin-body");
    if (text) { inner.appendChild(el("span", "pin-count", text)); }
    inner.style.backgroundColor = colour;
    return L.divIcon({
      html: inner,
      className: className,
      iconSize: className === "service-cluster" ? [32, 32] : [26, 26],
      iconAnchor: className === "service-cluster" ? [16, 16] : [13, 13],
      popupAnchor: [0, -12]
    });
  }

  /* The map's container carries its zoom as a class (map-z9 ... map-z18), so CSS can size labels. */
  function trackZoomClass(map) {
    if (!map || map._explorerZoomClass) { return; }
    map._explorerZoomClass = true;
    var update = function () {
      var container = map.getContainer();
      container.className = container.className.replace(/\s*map-z\d+/g, "") + " map-z" + Math.floor(map.getZoom());
    };
    map.on("zoomend", update);
    update();
  }

  function labelled(marker, label) {
    marker.on("add", function () {
      var node = marker.getElement();
      if (node) { node.setAttribute("aria-label", label); }
    });
    return marker;
  }

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
        color: isSelected ? OUTLINE : (inArea ? "#8a2a7e" : "#1d4f91"),
        weight: isSelected ? 3 : (inArea ? 2 : 1),
        fillColor: inArea ? "#8a2a7e" : (isSelected ? "#ffdd00" : "#1d4f91"),
        fillOpacity: inArea ? 0.22 : (isSelected ? 0.25 : 0.04),
        className: classes
      };
    },

    /* A borough's name written on the map, so it reads with no basemap. Not interactive. */
    boroughLabel: function (feature, latlng) {
      var name = (feature.properties && feature.properties.name) || "";
      var label = L.marker(latlng, {
        icon: L.divIcon({ html: el("span", null, name), className: "borough-label borough-label-" + feature.properties.code, iconSize: null }),
        interactive: false, keyboard: false
      });
      label.on("add", function () { trackZoomClass(label._map); });
      return label;
    },

    /* The place searched for: a distinct marker with its name. */
    placeMarker: function (feature, latlng) {
      var label = "You searched: " + ((feature.properties && feature.properties.label) || "");
      var marker = L.marker(latlng, {
        icon: L.divIcon({ html: el("span", "pin-body"), className: "place-marker", iconSize: [22, 22], iconAnchor: [11, 11] }),
        keyboard: false, interactive: false, title: label, zIndexOffset: 1000
      });
      marker.bindTooltip(el("span", null, (feature.properties && feature.properties.label) || ""),
        { permanent: true, direction: "top", offset: [0, -10], className: "place-label" });
      return marker;
    },

    /* A service pin (a card on click, tap or Enter) or a cluster (zooms in on click, tap or Enter). */
    pointToLayer: function (feature, latlng, context) {
      var hideout = context.hideout || {};
      var colours = hideout.colours || {};
      var names = hideout.names || {};
      var props = feature.properties || {};
      var colour = colours[props.t] || OUTLINE;
      if (props.cluster) {
        var label = props.count + " services here: select to zoom in";
        var cluster = L.marker(latlng, {
          icon: pinIcon(colour, label, String(props.count), "service-cluster"),
          keyboard: true, title: label, riseOnHover: true
        });
        cluster.on("click", function () {
          var map = cluster._map;
          if (map) { map.setView(latlng, Math.max(props.z || 0, map.getZoom() + 1)); }
        });
        return labelled(cluster, label);
      }
      var area = names[props.t] ? " (" + names[props.t] + ")" : "";
      var name = (props.n || "Service") + area;
      var pin = L.marker(latlng, {
        icon: pinIcon(colour, name, "", "service-point"),
        keyboard: true, title: name, riseOnHover: true
      });
      /* A card stays open when the view's pins are reloaded (its auto-pan can move the view far
         enough to ask for new pins): removal is noted before the popup closes with the pin. */
      pin.on("remove", function () { pin._removing = true; });
      pin.bindPopup(function () { return serviceCard(props, names); }, { maxWidth: 260, autoPanPaddingTopLeft: [56, 16], autoPanPaddingBottomRight: [16, 16] });
      pin.on("popupclose", function () {
        if (!pin._removing) { window.explorerMap._openCard = null; }
      });
      pin.on("add", function () {
        pin._removing = false;
        var open = window.explorerMap._openCard;
        if (open && open.id === props.id && open.lat === latlng.lat && open.lng === latlng.lng) {
          setTimeout(function () { if (pin._map) { pin.openPopup(); } }, 0);
        }
      });
      pin.on("popupopen", function (e) {
        window.explorerMap._openCard = { id: props.id, lat: latlng.lat, lng: latlng.lng };
        var first = e.popup.getElement() && e.popup.getElement().querySelector("a");
        if (first && pin._openedByKey) { first.focus(); }
        pin._openedByKey = false;
      });
      pin.on("add", function () {
        var node = pin.getElement();
        if (node) {
          node.addEventListener("keydown", function (ev) {
            if (ev.key === "Enter" || ev.key === " ") {
              pin._openedByKey = true;
              if (ev.key === " ") { ev.preventDefault(); pin.openPopup(); }
            }
          });
        }
      });
      return labelled(pin, name);
    },

    /* When tiles cannot load (offline), stop asking: the map still reads from its own shapes and names. */
    onTileError: function (e) {
      var layer = e.target;
      layer._explorerErrors = (layer._explorerErrors || 0) + 1;
      if (layer._explorerErrors === 2 && layer._map) {
        layer._map.getContainer().classList.add("tiles-unavailable");
        layer.setUrl(BLANK_TILE);
      }
    }
  });

  var SERVICE_LAYER = "service-layer";  /* as explorer.ids.SERVICE_LAYER */
  var MAP = "map";  /* as explorer.ids.MAP */
  var MAP_STATUS = "map-status";  /* as explorer.ids.MAP_STATUS */
  var loading = { view: null, controller: null };

  /* The line above the map that says the view's pins could not be loaded, with a way to try again;
     emptied (and so hidden) once a view loads. */
  function sayLoadFailed(retry) {
    var status = document.getElementById(MAP_STATUS);
    if (!status) { return; }
    status.textContent = "";
    status.appendChild(el("span", null, "The services on the map could not be loaded. "));
    var again = el("button", "btn btn-link map-status-retry", "Try again");
    again.type = "button";
    again.addEventListener("click", retry);
    status.appendChild(again);
  }

  function clearLoadFailed() {
    var status = document.getElementById(MAP_STATUS);
    if (status && status.firstChild) { status.textContent = ""; }
  }

  /* Fetches one view's clusters and points and gives them to the point layer, unless a newer view
     has been asked for since (then this request is aborted, or its answer dropped). A failed request
     keeps the pins shown and forgets the view, so the next move asks again. */
  function loadView(url, view) {
    if (loading.controller) { loading.controller.abort(); }
    var controller = typeof AbortController === "function" ? new AbortController() : null;
    loading.view = view;
    loading.controller = controller;
    window.fetch(url, controller ? { signal: controller.signal } : {})
      .then(function (response) {
        if (!response.ok) { throw new Error("the map's view answered " + response.status); }
        return response.json();
      })
      .then(function (data) {
        if (loading.view !== view) { return; }
        loading.controller = null;
        view.pending = false;
        clearLoadFailed();
        /* Only while this page's map is still there (not replaced by another page meanwhile). */
        if (document.getElementById(MAP) && window.dash_clientside.set_props) {
          window.dash_clientside.set_props(SERVICE_LAYER, { data: data });
        }
      })
      .catch(function () {
        if (loading.view !== view) { return; }
        loading.controller = null;
        if (window.explorerMap._lastView === view) { window.explorerMap._lastView = null; }
        sayLoadFailed(function () {
          if (loading.view !== view) { return; }  /* a newer view is on its way already */
          view.pending = true;
          window.explorerMap._lastView = view;
          loadView(url, view);
        });
      });
  }

  window.dash_clientside = Object.assign({}, window.dash_clientside, {
    explorerMap: {
      /* The borough shapes and names, drawn once the map is on screen (wide screens at once, a phone
         when Map is chosen or the screen turns wide); a hidden map is left empty. */
      drawShapes: function (shapes, gridClass) {
        var noUpdate = window.dash_clientside.no_update;
        var pane = document.querySelector(".map-pane");
        var shown = window.matchMedia("(min-width: 768px)").matches || String(gridClass || "").indexOf("show-map") >= 0;
        if (!shapes || !shown || (pane && pane.dataset.shapesDrawn === "1")) {
          if (shapes && !shown && !window.explorerMap._watchingWidth) {
            window.explorerMap._watchingWidth = true;
            window.matchMedia("(min-width: 768px)").addEventListener("change", function (event) {
              var store = document.querySelector(".map-pane");
              if (event.matches && store && store.dataset.shapesDrawn !== "1" && window.dash_clientside.set_props) {
                store.dataset.shapesDrawn = "1";
                window.dash_clientside.set_props("borough-layer", {data: window.explorerMap._shapes.boroughs});
                window.dash_clientside.set_props("borough-labels", {data: window.explorerMap._shapes.labels});
              }
            });
          }
          window.explorerMap._shapes = shapes;
          return [noUpdate, noUpdate];
        }
        if (pane) { pane.dataset.shapesDrawn = "1"; }
        return [shapes.boroughs, shapes.labels];
      },
      /* The point layer's data for the map's view: only what is on screen is asked for. The answer
         is fetched here rather than by the layer's own url: the layer ignores a new url while it is
         still loading the last one and then draws the older answer, so a search's fit or a quick
         second pan could leave pins for a view no longer shown. Here a newer view aborts the older
         request, and an answer that is no longer the newest is dropped. */
      askView: function (bounds, zoom, query, current) {
        var noUpdate = window.dash_clientside.no_update;
        if (!bounds || zoom === undefined || zoom === null) { return noUpdate; }
        var south = Math.max(-90, bounds[0][0]), west = Math.max(-180, bounds[0][1]);
        var north = Math.min(90, bounds[1][0]), east = Math.min(180, bounds[1][1]);
        /* A map drawn while hidden (a phone's list view) has no size, so its bounds are one point:
           nothing is asked for it. It asks once it is shown and measured. */
        if (!(north > south) || !(east > west)) { return noUpdate; }
        var level = Math.floor(zoom);
        /* The server answers for the view grown by a quarter on each side (VIEW_PADDING), so a small
           pan at the same zoom (a card's auto-pan, say) needs nothing new and keeps the card open. */
        var last = window.explorerMap._lastView;
        if (last && last.zoom === level && last.query === (query || "") && (current || last.pending) &&
            south >= last.south && north <= last.north && west >= last.west && east <= last.east) {
          return noUpdate;
        }
        var dLat = (north - south) * VIEW_PADDING, dLon = (east - west) * VIEW_PADDING;
        var view = { zoom: level, query: query || "", south: south - dLat, north: north + dLat,
                     west: west - dLon, east: east + dLon, pending: true };
        window.explorerMap._lastView = view;
        var bbox = [west, south, east, north].map(function (v) { return v.toFixed(5); });
        loadView("/api/v1/map?" + (query ? query + "&" : "") + "bbox=" + bbox.join(",") + "&zoom=" + level, view);
        return noUpdate;
      }
    }
  });
})();
