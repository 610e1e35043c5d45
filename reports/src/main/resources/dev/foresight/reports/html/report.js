// Foresight report: draws the charts from the JSON data block and makes tables sortable.
// User strings reach the page only as text (textContent, option.text) or through esc().
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('report-data').textContent);
  var charts = {};
  // '#print' / '#print-full' (set by `foresight report --pdf [full]`): lay out for paper from the start —
  // no zoom sliders drawn into the charts; '#print-full' prints every section, not only the summary ones.
  var printing = /^#print/.test(window.location.hash);
  if (printing) { document.documentElement.classList.add('printing'); }
  if (window.location.hash === '#print-full') { document.documentElement.classList.add('print-full'); }
  var SHADES = ['rgba(9,105,218,0.08)', 'rgba(207,34,46,0.08)', 'rgba(26,127,55,0.08)', 'rgba(154,103,0,0.10)',
    'rgba(130,80,223,0.08)', 'rgba(0,0,0,0.06)'];

  // One colour per name across every chart (the actual series dark grey), so a model looks the same everywhere.
  var PALETTE = ['#5470c6', '#91cc75', '#fac858', '#ee6666', '#73c0de', '#3ba272', '#fc8452', '#9a60b4', '#ea7ccc',
    '#8d6e63', '#26a69a', '#c0ca33'];
  var colours = { actual: '#444444' };
  function colourOf(name) {
    if (!(name in colours)) { colours[name] = PALETTE[(Object.keys(colours).length - 1) % PALETTE.length]; }
    return colours[name];
  }

  function esc(s) {
    return String(s).replace(/[&<>"'`=]/g, function (c) {
      return '&#' + c.charCodeAt(0) + ';';
    });
  }

  function fmt(v) {
    if (v === null || v === undefined || typeof v !== 'number') { return '–'; }
    var a = Math.abs(v);
    return (a !== 0 && (a < 1e-3 || a >= 1e5)) ? v.toExponential(3) : v.toPrecision(4).replace(/\.?0+$/, '');
  }

  function tooltipAxis(params) {
    if (!params.length) { return ''; }
    var out = esc(params[0].axisValue);
    params.forEach(function (p) {
      out += '<br>' + p.marker + esc(p.seriesName) + ': ' + fmt(p.value);
    });
    return out;
  }

  function selectedMap(spec, names) {
    if (!spec.selected) { return undefined; }
    var sel = {};
    names.forEach(function (n) { sel[n] = spec.selected.indexOf(n) >= 0 || n.indexOf('regime: ') === 0; });
    return sel;
  }

  function legend(names, spec) {
    return { type: 'scroll', top: 0, data: names, selected: selectedMap(spec, names), formatter: function (n) { return n; } };
  }

  function regimeLabels(spec, detector) {
    if (!detector || !spec.shading || !spec.shading[detector]) { return []; }
    var labels = [];
    spec.shading[detector].forEach(function (r) { if (labels.indexOf(r[2]) < 0) { labels.push(r[2]); } });
    labels.sort();
    return labels;
  }

  function shadingAreas(spec, detector) {
    if (!detector || !spec.shading || !spec.shading[detector]) { return []; }
    var labels = [];
    spec.shading[detector].forEach(function (r) { if (labels.indexOf(r[2]) < 0) { labels.push(r[2]); } });
    labels.sort();
    return spec.shading[detector].map(function (r) {
      return [{ name: r[2], xAxis: r[0], itemStyle: { color: SHADES[labels.indexOf(r[2]) % SHADES.length] } }, { xAxis: r[1] }];
    });
  }

  function linesOption(spec, detector) {
    var names = spec.series.map(function (s) { return s.name; });
    var series = spec.series.map(function (s, i) {
      var dots = spec.dots && spec.dots.indexOf(s.name) >= 0;
      var o = { name: s.name, type: 'line', data: s.values, showSymbol: !!spec.points || dots, showAllSymbol: dots ? true : 'auto',
        symbolSize: dots ? 3 : 5,
        connectNulls: false, sampling: dots ? undefined : 'lttb', lineStyle: { width: dots ? 0 : 1.3 }, color: colourOf(s.name) };
      if (spec.area) { o.areaStyle = { opacity: 0.12 }; }
      if (i === 0 && spec.refLine !== undefined) {
        o.markLine = { silent: true, symbol: 'none', data: [{ yAxis: spec.refLine }], lineStyle: { type: 'dashed', color: '#888' },
          label: { show: false } };
      }
      return o;
    });
    // Regime shading rides on an empty helper series so it stays when models are hidden.
    // Bands carry no labels (hundreds would overlap); each regime gets a legend entry in its band colour.
    series.push({ name: '\u0000shade', type: 'line', data: [], markArea: { silent: true, label: { show: false },
      data: shadingAreas(spec, detector) } });
    regimeLabels(spec, detector).forEach(function (label, i) {
      var key = 'regime: ' + label;
      names.push(key);
      series.push({ name: key, type: 'line', data: [], color: SHADES[i % SHADES.length].replace(/[\d.]+\)$/, '0.45)'),
        lineStyle: { width: 10 }, showSymbol: false, silent: true });
    });
    if (spec.small) {
      // A small multiple: one model, its name as the title, the set's shared y range, no controls.
      return {
        animation: false,
        title: { text: spec.title, left: 'center', top: 2, textStyle: { fontSize: 12, fontWeight: 600 } },
        grid: { left: 56, right: 12, top: 26, bottom: 26 },
        tooltip: { trigger: 'axis', confine: true, formatter: tooltipAxis },
        xAxis: { type: 'category', data: spec.x, boundaryGap: false, axisLabel: { fontSize: 9, hideOverlap: true } },
        yAxis: { type: 'value', name: spec.yName || '', nameLocation: 'middle', nameGap: 40, nameTextStyle: { fontSize: 10 },
          min: spec.yMin, max: spec.yMax, axisLabel: { fontSize: 9, formatter: function (v) { return fmt(v); } } },
        series: series.slice(0, spec.series.length)
      };
    }
    return {
      animation: false,
      grid: { left: 70, right: 24, top: 40, bottom: spec.x && spec.x.length > 20 && !printing ? 70 : 46 },
      legend: legend(names, spec),
      tooltip: { trigger: 'axis', confine: true, formatter: tooltipAxis },
      xAxis: { type: 'category', data: spec.x, name: spec.xName || '', nameLocation: 'middle', nameGap: 26, boundaryGap: false },
      yAxis: { type: spec.logY ? 'log' : 'value', name: spec.yName || '', nameLocation: 'middle', nameGap: 52, scale: true,
        min: spec.logY ? function (v) { return v.min * 0.97; } : undefined,
        max: spec.logY ? function (v) { return v.max * 1.03; } : undefined,
        axisLabel: { formatter: function (v) { return fmt(v); } } },
      dataZoom: spec.x && spec.x.length > 20 && !printing ? [{ type: 'inside' }, { type: 'slider', height: 18, bottom: 8 }] : [],
      series: series
    };
  }

  function barsOption(spec) {
    var names = spec.series.map(function (s) { return s.name; });
    return {
      animation: false,
      grid: { left: 70, right: 20, top: 40, bottom: 40 },
      legend: legend(names, spec),
      tooltip: { trigger: 'axis', confine: true, formatter: tooltipAxis, axisPointer: { type: 'shadow' } },
      xAxis: { type: 'category', data: spec.categories },
      yAxis: { type: 'value', name: spec.yName || '', nameLocation: 'middle', nameGap: 52,
        axisLabel: { formatter: function (v) { return fmt(v); } } },
      series: spec.series.map(function (s) { return { name: s.name, type: 'bar', data: s.values, color: colourOf(s.name) }; })
    };
  }

  // The line forecast = actual (perfect calibration), over the range of the points.
  function diagonal(spec) {
    var lo = Infinity; var hi = -Infinity;
    spec.series.forEach(function (s) { s.points.forEach(function (p) {
      lo = Math.min(lo, p[0], p[1]); hi = Math.max(hi, p[0], p[1]); }); });
    if (!isFinite(lo)) { lo = 0; hi = 1; }
    return { name: '\u0000diagonal', type: 'line', data: [[lo, lo], [hi, hi]], showSymbol: false, silent: true,
      lineStyle: { type: 'dashed', color: '#888', width: 1 }, tooltip: { show: false } };
  }

  function scatterOption(spec) {
    var names = spec.series.map(function (s) { return s.name; });
    return {
      animation: false,
      grid: { left: 70, right: 20, top: 40, bottom: 46 },
      legend: legend(names, spec),
      tooltip: { trigger: 'item', confine: true, formatter: function (p) {
        return esc(p.seriesName) + '<br>forecast ' + fmt(p.value[0]) + ', actual ' + fmt(p.value[1]);
      } },
      xAxis: { type: 'value', name: spec.xName, nameLocation: 'middle', nameGap: 28, scale: true,
        axisLabel: { formatter: function (v) { return fmt(v); } } },
      yAxis: { type: 'value', name: spec.yName, nameLocation: 'middle', nameGap: 52, scale: true,
        axisLabel: { formatter: function (v) { return fmt(v); } } },
      dataZoom: [{ type: 'inside', xAxisIndex: 0 }, { type: 'inside', yAxisIndex: 0 }],
      series: spec.series.map(function (s) {
        return spec.binned
          ? { name: s.name, type: 'line', data: s.points, symbolSize: 6, showSymbol: true, lineStyle: { width: 1 }, color: colourOf(s.name) }
          : { name: s.name, type: 'scatter', data: s.points, symbolSize: 3, large: true, color: colourOf(s.name) };
      }).concat(spec.diagonal ? [diagonal(spec)] : [])
    };
  }

  function heatmapOption(spec) {
    var values = spec.cells.map(function (c) { return c[2]; }).filter(function (v) { return v !== null; });
    var bound = Math.max(1e-9, Math.max.apply(null, values.map(Math.abs)));
    return {
      animation: false,
      grid: { left: 60, right: 20, top: 20, bottom: 70 },
      tooltip: { confine: true, formatter: function (p) {
        return esc(spec.y[p.value[1]]) + ' ' + esc(spec.x[p.value[0]]) + ': ' + fmt(p.value[2]) + '%';
      } },
      xAxis: { type: 'category', data: spec.x, splitArea: { show: true } },
      yAxis: { type: 'category', data: spec.y, splitArea: { show: true } },
      visualMap: { min: -bound, max: bound, calculable: true, orient: 'horizontal', left: 'center', bottom: 4, itemHeight: 120,
        inRange: { color: ['#cf222e', '#ffffff', '#1a7f37'] }, text: ['%', ''] },
      series: [{ name: spec.name, type: 'heatmap', data: spec.cells,
        label: { show: true, fontSize: 9, formatter: function (p) { return p.value[2] === null ? '' : p.value[2].toFixed(1); } } }]
    };
  }

  function draw(el) {
    var id = el.getAttribute('data-chart');
    var spec = data.charts[id];
    if (!spec) { return; }
    var chart = echarts.init(el, null, { renderer: 'canvas' });
    var select = document.querySelector('select.shade-select[data-chart="' + id + '"]');
    var detector = select && select.options.length > 1 ? select.options[1].value : null;
    if (select && detector) { select.value = detector; }
    chart.setOption(spec.kind === 'bars' ? barsOption(spec) : spec.kind === 'scatter' ? scatterOption(spec)
      : spec.kind === 'heatmap' ? heatmapOption(spec) : linesOption(spec, detector));
    charts[id] = chart;
    if (select) {
      select.addEventListener('change', function () {
        chart.setOption(linesOption(spec, select.value || null), { replaceMerge: ['series'] });
      });
    }
  }

  function sortable(table) {
    var heads = table.tHead.rows[0].cells;
    Array.prototype.forEach.call(heads, function (th, col) {
      th.addEventListener('click', function () {
        var asc = !th.classList.contains('sorted-asc');
        Array.prototype.forEach.call(heads, function (h) { h.classList.remove('sorted-asc', 'sorted-desc'); });
        th.classList.add(asc ? 'sorted-asc' : 'sorted-desc');
        var numeric = th.getAttribute('data-type') === 'num';
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = a.cells[col].getAttribute('data-sort') || '';
          var y = b.cells[col].getAttribute('data-sort') || '';
          if (x === '' || y === '') { return x === y ? 0 : x === '' ? 1 : -1; }
          var c = numeric ? parseFloat(x) - parseFloat(y) : x.localeCompare(y);
          return asc ? c : -c;
        });
        rows.forEach(function (r) { body.appendChild(r); });
      });
    });
  }

  document.querySelectorAll('table.sortable').forEach(sortable);

  // Charts near the top are drawn at once; the rest one per task right after, so the page opens
  // quickly; a chart scrolled into view first is drawn on the spot, and printing draws them all.
  var pending = Array.prototype.slice.call(document.querySelectorAll('.chart[data-chart]'));
  // Colours are handed out in page order before anything is drawn, whatever order the charts draw in.
  pending.forEach(function (el) {
    var spec = data.charts[el.getAttribute('data-chart')];
    if (spec && spec.series) { spec.series.forEach(function (s) { colourOf(s.name); }); }
  });
  var total = pending.length;
  function drawOne(el) {
    var i = pending.indexOf(el);
    if (i < 0) { return; }
    pending.splice(i, 1);
    draw(el);
    if (pending.length === 0) { document.documentElement.setAttribute('data-charts', 'all'); }
  }
  function drawAll() { pending.slice().forEach(drawOne); }
  var screens = 2 * (window.innerHeight || 1000);
  pending.slice().forEach(function (el) { if (el.getBoundingClientRect().top < screens) { drawOne(el); } });
  if ('IntersectionObserver' in window) {
    var seen = new IntersectionObserver(function (entries) {
      entries.forEach(function (e) { if (e.isIntersecting) { drawOne(e.target); seen.unobserve(e.target); } });
    }, { rootMargin: '400px' });
    pending.forEach(function (el) { seen.observe(el); });
  }
  (function next() {
    if (pending.length) { drawOne(pending[0]); setTimeout(next, 0); }
  }());
  if (total === 0) { document.documentElement.setAttribute('data-charts', 'all'); }
  window.addEventListener('resize', function () { Object.keys(charts).forEach(function (k) { charts[k].resize(); }); });
  window.addEventListener('beforeprint', function () {
    drawAll();
    // An interactive control is not printed: drop the zoom sliders from every chart.
    Object.keys(charts).forEach(function (k) {
      var zoom = charts[k].getOption().dataZoom || [];
      if (zoom.length) { charts[k].setOption({ dataZoom: zoom.map(function (z) { return { show: z.type !== 'slider' }; }) }); }
      charts[k].resize();
    });
  });
  var printButton = document.getElementById('print-button');
  if (printButton) { printButton.addEventListener('click', function () { window.print(); }); }
}());
