// Maps on the public site: markers from a JSON data block, tiles only if configured.
// Without a tile server the map draws a light base map that needs no external request:
// the nearest-centre cells of the region's municipalities with their names (GeoJSON from
// the server, in every offline bundle too). Pins are inline SVG, so they need no image
// file and show offline. The page works without this script; the map only adds a picture
// of the list.
(function () {
  "use strict";
  var PIN =
    '<svg viewBox="0 0 28 40" width="24" height="34" aria-hidden="true" focusable="false">' +
    '<path d="M14 1.5C7.1 1.5 1.5 7.1 1.5 14c0 9.4 12.5 24.5 12.5 24.5S26.5 23.4 26.5 14C26.5 7.1 20.9 1.5 14 1.5z" ' +
    'fill="#0a2d52" stroke="#ffffff" stroke-width="2"/><circle cx="14" cy="14" r="5" fill="#ffffff"/></svg>';

  function overlaps(a, b) {
    return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
  }

  // Names of municipalities that do not fit without touching another are left out at this
  // zoom (the larger cells keep theirs); zooming in shows more.
  function declutter(labels) {
    var kept = [];
    labels.forEach(function (label) {
      var element = label.getElement();
      if (!element) return;
      element.classList.remove("wir-map__label--hidden");
      var box = element.getBoundingClientRect();
      var free = kept.every(function (other) {
        return !overlaps(box, other);
      });
      if (free) kept.push(box);
      else element.classList.add("wir-map__label--hidden");
    });
  }

  function pinIcon() {
    return L.divIcon({
      className: "wir-pin",
      html: PIN,
      iconSize: [24, 34],
      iconAnchor: [12, 33],
      popupAnchor: [0, -29],
      tooltipAnchor: [12, -17],
    });
  }

  function drawAreas(map, container) {
    if (!container.dataset.areas || typeof fetch === "undefined") return;
    fetch(container.dataset.areas, { credentials: "omit" })
      .then(function (response) {
        if (!response.ok) throw new Error(response.status);
        return response.json();
      })
      .then(function (areas) {
        var cells = L.geoJSON(areas, {
          interactive: false,
          style: function () {
            return { color: "#7d8b99", weight: 1, fillColor: "#fbfcfd", fillOpacity: 1 };
          },
        }).addTo(map);
        cells.bringToBack();
        // Labels under the pins (Leaflet puts tooltips above them).
        map.createPane("wirLabels").style.zIndex = 450;
        var byArea = areas.features.slice().sort(function (a, b) {
          return b.properties.size - a.properties.size;
        });
        var labels = byArea.map(function (feature) {
          return L.tooltip({
            permanent: true,
            direction: "center",
            className: "wir-map__label",
            interactive: false,
            pane: "wirLabels",
          })
            .setLatLng(feature.properties.label)
            .setContent(feature.properties.name)
            .addTo(map);
        });
        map.on("zoomend", function () {
          declutter(labels);
        });
        declutter(labels);
        if (container.dataset.areasNote && map.attributionControl) {
          var note = document.createElement("span"); // Leaflet takes HTML: pass text only
          note.textContent = container.dataset.areasNote;
          map.attributionControl.addAttribution(note.innerHTML);
        }
        container.classList.add("wir-map--areas");
        container.dataset.areasReady = String(areas.features.length);
      })
      .catch(function () {
        // no base map (e.g. offline and not saved): the pins alone still help
      });
  }

  function start(container) {
    var data = document.getElementById(container.dataset.points);
    if (!data || typeof L === "undefined") return;
    var points = JSON.parse(data.textContent);
    if (!points.length) return;
    container.hidden = false;
    // Without tiles nothing needs whole zoom levels: fit the places snugly.
    var map = L.map(container, {
      scrollWheelZoom: false,
      zoomSnap: container.dataset.tiles ? 1 : 0.25,
    });
    if (container.dataset.tiles) {
      L.tileLayer(container.dataset.tiles, {
        maxZoom: 18,
        attribution: container.dataset.attribution || "",
      }).addTo(map);
    } else {
      container.classList.add("wir-map--no-tiles");
      drawAreas(map, container);
    }
    var bounds = [];
    var markers = [];
    points.forEach(function (point) {
      var marker = L.marker([point.lat, point.lon], {
        icon: pinIcon(),
        title: point.name,
        alt: point.name,
      });
      var link = document.createElement("a");
      link.href = point.url;
      link.textContent = point.name;
      var box = document.createElement("div");
      box.appendChild(link);
      if (point.detail) {
        var detail = document.createElement("p");
        detail.textContent = point.detail;
        box.appendChild(detail);
      }
      marker.bindPopup(box).addTo(map);
      var element = marker.getElement();
      if (element) element.setAttribute("aria-label", point.name);
      bounds.push([point.lat, point.lon]);
      markers.push({ marker: marker, point: point, box: box });
    });
    // For the offline filters (wir/static/wir/offline/filters.js): keep only some places.
    container.wirMapKeep = function (counts, label) {
      var kept = [];
      markers.forEach(function (entry) {
        var count = counts[entry.point.url];
        if (!count) {
          map.removeLayer(entry.marker);
          return;
        }
        var detail = entry.box.querySelector("p");
        if (detail) detail.textContent = label.replace("{count}", count);
        kept.push([entry.point.lat, entry.point.lon]);
      });
      if (kept.length === 0) container.hidden = true;
      else if (kept.length === 1) map.setView(kept[0], container.dataset.tiles ? 15 : 11);
      else map.fitBounds(kept, { padding: [24, 24] });
      container.dataset.ready = String(kept.length);
    };
    // One place: close up on tiles; on the base map, its municipality and the neighbours.
    if (bounds.length === 1) map.setView(bounds[0], container.dataset.tiles ? 15 : 11);
    else map.fitBounds(bounds, { padding: [24, 24] });
    container.dataset.ready = String(bounds.length);
  }
  document.querySelectorAll("[data-wir-map]").forEach(start);
})();
