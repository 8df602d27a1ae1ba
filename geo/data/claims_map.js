/* Conflict Map: Leaflet layers for claims, built in the browser from a compact JSON payload.
 *
 * Every string in the payload was HTML-escaped on the server (geo/layers.py) before it was
 * JSON-encoded, so popups, tooltips and the legend can be set as HTML without letting an
 * article's text run code. Building markers here instead of one folium element per claim keeps
 * a 10,000-claim map small and quick to render.
 */
(function () {
  if (window.ConflictMap) { return; }

  var SHAPES = {
    triangle: '<polygon points="9,1 17,16 1,16"/>',
    down: '<polygon points="1,2 17,2 9,17"/>',
    square: '<rect x="2.5" y="2.5" width="13" height="13"/>',
    diamond: '<polygon points="9,0.5 17.5,9 9,17.5 0.5,9"/>',
    star: '<polygon points="9,0.5 11.4,6.3 17.5,6.6 12.8,10.6 14.3,16.8 9,13.4 3.7,16.8 5.2,10.6 0.5,6.6 6.6,6.3"/>',
    chevron: '<polygon points="1.5,1.5 17,9 1.5,16.5 6,9"/>',
    ring: '<circle cx="9" cy="9" r="6" fill="none" stroke-width="4.5"/>',
    cross: '<path d="M3,3 L15,15 M15,3 L3,15" fill="none" stroke-width="4"/>',
    circle: '<circle cx="9" cy="9" r="7"/>'
  };
  var OUTLINED = {ring: true, cross: true};
  var iconCache = {};

  function svg(shape, color, approx, size) {
    var body = SHAPES[shape] || SHAPES.circle;
    var paint;
    if (OUTLINED[shape]) {
      paint = 'stroke="' + color + '"' + (approx ? ' stroke-dasharray="3,2"' : '');
    } else if (approx) {
      paint = 'fill="#ffffff" fill-opacity="0.75" stroke="' + color + '" stroke-width="2.2" stroke-dasharray="3,2"';
    } else {
      paint = 'fill="' + color + '" stroke="#222" stroke-width="1"';
    }
    return '<svg xmlns="http://www.w3.org/2000/svg" width="' + size + '" height="' + size +
      '" viewBox="0 0 18 18"><g ' + paint + '>' + body + '</g></svg>';
  }

  function icon(shape, color, approx, label) {
    var key = shape + '|' + color + '|' + (approx ? 1 : 0) + '|' + (label || '');
    if (!iconCache[key]) {
      iconCache[key] = L.divIcon({
        className: 'cm-icon' + (approx ? ' cm-approx' : ''),
        html: svg(shape, color, approx, 18) + (label ? '<span class="cm-lab">' + label + '</span>' : ''),
        iconSize: [18, 18],
        iconAnchor: [9, 9],
        popupAnchor: [0, -9],
        tooltipAnchor: [9, 0]
      });
    }
    return iconCache[key];
  }

  /* A cluster icon in the colour of the actor it gathers, with its count. */
  function clusterIcon(color) {
    return function (cluster) {
      var n = cluster.getChildCount();
      var size = n < 10 ? 26 : (n < 100 ? 32 : 38);
      return L.divIcon({
        className: 'cm-cluster',
        html: '<div style="background:' + color + ';width:' + size + 'px;height:' + size +
          'px;line-height:' + size + 'px">' + n + '</div>',
        iconSize: [size, size]
      });
    };
  }

  /* Markers of claims: one per claim, coloured by actor, shaped by action, labelled with the
   * place; clustered per actor, so a cluster keeps its actor's colour. Hovering a distance
   * claim's marker draws its stated-distance ring. */
  function claims(map, payload, opts) {
    var data = payload.claims, articles = payload.articles;
    var parent = L.featureGroup();
    var groups = {};
    var markers = {};
    var list = [];
    function groupFor(color) {
      if (!groups[color]) {
        groups[color] = opts.cluster && L.markerClusterGroup ? L.markerClusterGroup({
          chunkedLoading: true,
          maxClusterRadius: 40,
          spiderfyOnMaxZoom: true,
          showCoverageOnHover: false,
          iconCreateFunction: clusterIcon(color)
        }) : L.featureGroup();
        groups[color].cmList = [];
      }
      return groups[color];
    }
    for (var i = 0; i < data.length; i++) {
      var rec = data[i];
      var idTag = '<span class="cm-id">[claim ' + String(rec.id).replace(/[<>&"']/g, '') + ']</span>';
      var head = '<b>' + rec.n + '</b>' + (rec.p ? ' <span class="meta">(' + rec.p + ')</span>' : '');
      var tip = rec.n + ': ' + rec.w +
        (rec.a ? ' (approximate)' : '') + ' ' + idTag;
      var marker = L.marker([rec.lat, rec.lon], {icon: icon(rec.s, rec.c, rec.a, rec.n), riseOnHover: true});
      marker.bindTooltip(tip, {direction: 'top', className: 'cm-wrap'});
      // rec.y: escaped lines (geo.claim_records._why) saying why the claim is placed here
      var why = (rec.y && rec.y.length) ? '<details class="cm-why"><summary>Why this place?</summary>' +
        rec.y.map(function (line) { return '<div dir="auto">' + line + '</div>'; }).join('') +
        '</details>' : '';
      marker.bindPopup('<div class="cm-pop">' + head + (rec.q ? '<br><q dir="auto">' + rec.q + '</q>' : '') +
        '<br>' + rec.w + (articles[rec.m] || '') + why + '<br>' + idTag + '</div>', {maxWidth: 380});
      marker.cmId = rec.id;
      marker.cmDate = rec.d || '';
      marker.on('mouseover', function () { showRing(this.cmId, false); });
      marker.on('mouseout', function () { hideRing(this.cmId); });
      var group = groupFor(rec.c);
      marker.cmGroup = group;
      group.cmList.push(marker);
      markers[rec.id] = marker;
      list.push(marker);
    }
    Object.keys(groups).forEach(function (color) {
      var g = groups[color];
      if (g.addLayers) { g.addLayers(g.cmList); } else { g.cmList.forEach(function (m) { g.addLayer(m); }); }
      parent.addLayer(g);
    });
    function show(marker, done) {
      if (marker.cmGroup.zoomToShowLayer) { marker.cmGroup.zoomToShowLayer(marker, done); } else { done(); }
    }
    window.cmClaims = {group: parent, groups: groups, markers: markers, count: list.length, show: show,
                       dates: data.map(function (r) { return r.d || ''; })};
    map.getContainer().setAttribute('data-claim-count', String(list.length));
    map.getContainer().setAttribute('data-visible-count', String(list.length));
    if (pendingDate[map._leaflet_id]) { untilDate(map, pendingDate[map._leaflet_id]); }
    labelZoom(map);
    return parent;
  }

  /* Show only the claims dated on or before ``iso`` (the fronts time slider's day); claims
   * without a date stay. Called before the markers exist, the day is kept for them. */
  var pendingDate = {};
  function untilDate(map, iso) {
    pendingDate[map._leaflet_id] = iso;
    var state = window.cmClaims;
    if (!state) { return; }
    var visible = 0;
    Object.keys(state.groups).forEach(function (color) {
      var g = state.groups[color], keep = [], drop = [];
      g.cmList.forEach(function (m) {
        (m.cmDate && m.cmDate > iso ? drop : keep).push(m);
      });
      if (g.removeLayers) { g.removeLayers(drop); } else { drop.forEach(function (m) { g.removeLayer(m); }); }
      var missing = keep.filter(function (m) { return !g.hasLayer(m); });
      if (g.addLayers) { g.addLayers(missing); } else { missing.forEach(function (m) { g.addLayer(m); }); }
      visible += keep.length;
    });
    map.getContainer().setAttribute('data-visible-count', String(visible));
  }

  /* Place labels beside markers appear from zoom 7 (CSS class on the map container). */
  function labelZoom(map) {
    var container = map.getContainer();
    function update() {
      container.classList.toggle('cm-show-labels', map.getZoom() >= 7);
    }
    map.on('zoomend', update);
    update();
  }

  /* Dashed circles showing the extent of regions, countries and seas (approximate points). */
  function areas(map, data) {
    var group = L.featureGroup();
    data.forEach(function (a) {
      L.circle([a.lat, a.lon], {
        radius: a.r * 1000, color: a.c, weight: 1.5, dashArray: '6 5',
        fillColor: a.c, fillOpacity: 0.06, interactive: false
      }).addTo(group);
    });
    return group;
  }

  function destination(lat, lon, bearingDeg, km) {
    var R = 6371.0088, d = km / R, b = bearingDeg * Math.PI / 180;
    var p1 = lat * Math.PI / 180, l1 = lon * Math.PI / 180;
    var p2 = Math.asin(Math.sin(p1) * Math.cos(d) + Math.cos(p1) * Math.sin(d) * Math.cos(b));
    var l2 = l1 + Math.atan2(Math.sin(b) * Math.sin(d) * Math.cos(p1), Math.cos(d) - Math.sin(p1) * Math.sin(p2));
    return [p2 * 180 / Math.PI, ((l2 * 180 / Math.PI + 540) % 360) - 180];
  }

  function ringPoints(lat, lon, km) {
    var pts = [];
    for (var b = 0; b < 360; b += 5) { pts.push(destination(lat, lon, b, km)); }
    return pts;
  }

  /* Distance claims: the anchor and the geodesic line to the subject's true position,
   * coloured by the verdict. The stated distance as a ring (or a band for a range) is drawn
   * only for the selected claim and while a claim's marker or line is hovered: dozens of
   * rings at once hide the towns they are about. */
  var rings = {}, ringMap = null, pinned = {};

  function ringCount() {
    if (!ringMap) { return; }
    var n = 0;
    Object.keys(rings).forEach(function (id) { if (ringMap.hasLayer(rings[id])) { n++; } });
    ringMap.getContainer().setAttribute('data-ring-count', String(n));
  }

  function showRing(id, pin) {
    if (!ringMap || !rings[id]) { return; }
    if (pin) { pinned[id] = true; }
    rings[id].addTo(ringMap);
    ringCount();
  }

  function hideRing(id) {
    if (!ringMap || !rings[id] || pinned[id]) { return; }
    ringMap.removeLayer(rings[id]);
    ringCount();
  }

  function distances(map, data) {
    var group = L.featureGroup();
    ringMap = map;
    data.forEach(function (d) {
      var style = {color: d.c, weight: 1.5, opacity: 0.7};
      var tipOpts = {className: 'cm-wrap', sticky: true};
      var ring;
      if (d.rmax - d.rmin < 0.5) {
        ring = L.circle([d.alat, d.alon], L.extend({radius: d.rmin * 1000, fill: false, dashArray: '5 5', interactive: false}, style));
      } else {
        ring = L.polygon([ringPoints(d.alat, d.alon, d.rmax), ringPoints(d.alat, d.alon, d.rmin)],
          L.extend({fillColor: d.c, fillOpacity: 0.12, weight: 1, interactive: false}, style));
      }
      rings[d.id] = ring;
      if (d.slat !== null && d.slon !== null) {
        var line = L.polyline([[d.alat, d.alon], [d.slat, d.slon]], L.extend({}, style, {weight: 3, opacity: 0.85}))
          .bindTooltip(d.t, tipOpts).addTo(group);
        line.on('mouseover', function () { showRing(d.id, false); });
        line.on('mouseout', function () { hideRing(d.id); });
        L.circleMarker([d.slat, d.slon], {radius: 3, color: d.c, fillColor: d.c, fillOpacity: 1, interactive: false})
          .addTo(group);
      }
      L.circleMarker([d.alat, d.alon], {radius: 4, color: '#111', weight: 2, fillColor: '#fff', fillOpacity: 1})
        .bindTooltip(d.at, tipOpts).addTo(group);
    });
    map.getContainer().setAttribute('data-ring-count', '0');
    return group;
  }

  /* Open the selected claim's popup (zooming into its cluster), ring it and draw its
   * stated-distance ring. */
  function select(map, id) {
    var state = window.cmClaims;
    showRing(id, true);
    if (!state || !(id in state.markers)) { return; }
    var marker = state.markers[id];
    L.circleMarker(marker.getLatLng(), {radius: 16, color: '#e6007e', weight: 3, fill: false, interactive: false})
      .addTo(map);
    // after the map has settled on its data (the fit runs just before, and inside the app's
    // component frame the map is sized a moment later)
    // A frame scrolled out of view may never finish the zoom animation: then the popup opens
    // at the marker's place without waiting for its cluster to split.
    map.whenReady(function () {
      var opened = false;
      setTimeout(function () {
        state.show(marker, function () { opened = true; marker.openPopup(); });
      }, 250);
      setTimeout(function () {
        if (!opened) { map.openPopup(marker.getPopup().getContent(), marker.getLatLng()); }
      }, 1800);
    });
  }

  /* Town labels from the gazetteer, each shown from its own zoom level up. */
  function labels(map, data) {
    var pane = map.getPane('cmLabels') || map.createPane('cmLabels');
    pane.style.zIndex = 450;
    pane.style.pointerEvents = 'none';
    var group = L.layerGroup();
    var items = data.map(function (t) {
      return {z: t[3], m: L.marker([t[1], t[2]], {pane: 'cmLabels', interactive: false, keyboard: false,
        icon: L.divIcon({className: 'cm-town' + (t[3] <= 5 ? ' cm-big' : ''), html: '<span>' + t[0] + '</span>',
          iconSize: null})})};
    });
    function update() {
      if (!map.hasLayer(group)) { return; }
      var z = map.getZoom(), shown = 0;
      items.forEach(function (it) {
        var on = z >= it.z;
        if (on && !group.hasLayer(it.m)) { group.addLayer(it.m); }
        if (!on && group.hasLayer(it.m)) { group.removeLayer(it.m); }
        if (on) { shown++; }
      });
      map.getContainer().setAttribute('data-label-count', String(shown));
    }
    map.on('zoomend', update);
    group.on('add', function () { setTimeout(update, 0); });
    map.whenReady(update);
    return group;
  }

  /* Fit the data into the part of the map the legend leaves free. */
  function fit(map, bounds) {
    var legendEl = map.getContainer().querySelector('.cm-legend');
    var right = legendEl ? legendEl.offsetWidth + 20 : 0;
    var size = map.getSize();
    if (right > size.x / 2) { right = 0; }
    map.fitBounds(bounds, {paddingTopLeft: [20, 20], paddingBottomRight: [right, 20]});
  }

  /* The legend: actors' colours, actions' shapes, approximate areas and distance colours.
   * Labels arrive HTML-escaped from the server. */
  function legendHtml(spec) {
    var out = ['<details' + (spec.open ? ' open' : '') + '><summary>Legend</summary>'];
    function row(symbol, label) { out.push('<div class="row">' + symbol + '<span>' + label + '</span></div>'); }
    if (spec.actors.length) { out.push('<b>Actors</b>'); }
    spec.actors.forEach(function (a) { row('<span class="sw" style="background:' + a[1] + '"></span>', a[0]); });
    if ((spec.fronts || []).length) { out.push('<b>Areas of control</b>'); }
    (spec.fronts || []).forEach(function (f) { row(f[0], f[1]); });
    if (spec.shapes.length) { out.push('<b>Actions</b>'); }
    spec.shapes.forEach(function (s) { row(svg(s[0], '#555', false, 13), s[1]); });
    if (spec.approx) { out.push('<b>Precision</b>'); row(svg('circle', '#555', true, 13), spec.approx); }
    if (spec.lines.length) { out.push('<b>Distance claims</b>'); }
    spec.lines.forEach(function (l) { row('<span class="ln" style="border-color:' + l[0] + '"></span>', l[1]); });
    if (spec.lines.length) { out.push('<div class="meta">the stated-distance ring shows on hover and for the selected claim</div>'); }
    spec.notes.forEach(function (n) { out.push('<div class="meta">' + n + '</div>'); });
    out.push('</details>');
    return out.join('');
  }

  function legend(map, spec, position) {
    var control = L.control({position: position || 'bottomleft'});
    control.onAdd = function () {
      var div = L.DomUtil.create('div', 'cm-legend');
      spec.open = spec.open !== undefined ? spec.open : map.getSize().x >= 900;  // folded on narrow maps
      div.innerHTML = legendHtml(spec);
      L.DomEvent.disableClickPropagation(div);
      L.DomEvent.disableScrollPropagation(div);
      return div;
    };
    control.addTo(map);
    return control;
  }

  var css = document.createElement('style');
  css.textContent = [
    '.cm-icon{background:transparent;border:none}',
    '.cm-legend{background:rgba(255,255,255,.93);padding:6px 9px;border-radius:4px;',
    'font:11px/1.3 sans-serif;max-height:330px;max-width:340px;overflow:auto;box-shadow:0 1px 4px rgba(0,0,0,.3)}',
    '.cm-legend summary{font-weight:bold;cursor:pointer}',
    '.cm-legend .row{display:flex;align-items:center;gap:5px}',
    '.cm-legend .sw{display:inline-block;width:12px;height:12px;border:1px solid #333}',
    '.cm-legend .ln{display:inline-block;width:18px;height:0;border-top:3px solid}',
    '.cm-pop{font:13px/1.4 sans-serif}.cm-pop q{font-style:italic}',
    '.cm-wrap{white-space:normal;width:280px;max-width:60vw}',
    '.cm-lab{display:none;position:absolute;left:19px;top:1px;font:11px/1.2 sans-serif;white-space:nowrap;',
    'color:#222;text-shadow:0 0 2px #fff,0 0 2px #fff,0 0 3px #fff}',
    '.cm-show-labels .cm-lab{display:block}',
    '.cm-cluster div{border-radius:50%;color:#fff;font:bold 12px sans-serif;text-align:center;',
    'border:2px solid rgba(255,255,255,.9);box-shadow:0 0 3px rgba(0,0,0,.5)}',
    '.cm-town{background:none;border:none}.cm-town span{position:relative;left:-50%;white-space:nowrap;',
    'font:11px/1.2 sans-serif;color:#555;text-shadow:0 0 2px #fff,0 0 3px #fff}',
    '.cm-town.cm-big span{font-weight:bold;color:#333;font-size:12px}',
    '.cm-pop .meta{color:#555;font-size:12px}.cm-id{color:#888;font-size:11px}'
  ].join('');
  document.head.appendChild(css);

  window.ConflictMap = {
    claims: claims, areas: areas, distances: distances, select: select, legend: legend,
    labels: labels, fit: fit, untilDate: untilDate, showRing: showRing, hideRing: hideRing, svg: svg,
    destination: destination
  };
})();
