// Maps on the public site: markers from a JSON data block, tiles only if configured.
// The page works without this script; the map only adds a picture of the list.
(function () {
  "use strict";
  function start(container) {
    var data = document.getElementById(container.dataset.points);
    if (!data || typeof L === "undefined") return;
    var points = JSON.parse(data.textContent);
    if (!points.length) return;
    container.hidden = false;
    var map = L.map(container, { scrollWheelZoom: false });
    if (container.dataset.tiles) {
      L.tileLayer(container.dataset.tiles, {
        maxZoom: 18,
        attribution: container.dataset.attribution || "",
      }).addTo(map);
    } else {
      container.classList.add("wir-map--no-tiles");
    }
    var bounds = [];
    points.forEach(function (point) {
      var marker = L.marker([point.lat, point.lon], { title: point.name, alt: point.name });
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
      bounds.push([point.lat, point.lon]);
    });
    if (bounds.length === 1) map.setView(bounds[0], 15);
    else map.fitBounds(bounds, { padding: [24, 24] });
    container.dataset.ready = String(bounds.length);
  }
  document.querySelectorAll("[data-wir-map]").forEach(start);
})();
