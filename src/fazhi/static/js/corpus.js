/* The corpus page's charts (Chart.js, vendored): indicator distribution, scores compared, year over year. */
(function () {
  "use strict";
  var holder = document.getElementById("corpus-data");
  if (!holder || !window.Chart) return;
  var data = JSON.parse(holder.textContent);
  var Chart = window.Chart;
  Chart.defaults.font.family = '"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif';
  Chart.defaults.font.size = 12;
  Chart.defaults.color = "#4a5260";
  Chart.defaults.maintainAspectRatio = false;
  Chart.defaults.animation = false;  // an office tool: figures appear at once (and print as they are)

  var RED = "#9b1c1c", RED_SOFT = "rgba(155,28,28,.75)", BLUE = "#1f5f99", AMBER = "#c27803";
  var years = {};
  data.rows.forEach(function (r) { years[r.year] = true; });
  var manyYears = Object.keys(years).length > 1;
  var label = function (r) { return manyYears && r.year ? r.unit + "（" + r.year + "）" : r.unit; };
  var short = function (s) { return s.length > 9 ? s.slice(0, 8) + "…" : s; };
  var xTicks = {
    autoSkip: false, maxRotation: 60, minRotation: 0,
    callback: function (v) { return short(this.getLabelForValue(v)); }
  };
  var bar = function (canvas, labels, values, color, title) {
    return new Chart(canvas, {
      type: "bar",
      data: { labels: labels, datasets: [{ label: title, data: values, backgroundColor: color, maxBarThickness: 36 }] },
      options: {
        plugins: { legend: { display: false }, tooltip: { callbacks: { title: function (items) { return items[0].label; } } } },
        scales: { x: { ticks: xTicks, grid: { display: false } }, y: { beginAtZero: true } }
      }
    });
  };

  // 1. one indicator across units
  var indSelect = document.getElementById("chart-indicator");
  var distChart = null;
  var drawDistribution = function () {
    var id = indSelect.value;
    var name = indSelect.options[indSelect.selectedIndex].text;
    var rows = data.rows.filter(function (r) { return r.indicators[id] !== null && r.indicators[id] !== undefined; });
    rows.sort(function (a, b) { return b.indicators[id] - a.indicators[id]; });
    if (distChart) distChart.destroy();
    distChart = bar(document.getElementById("chart-distribution"), rows.map(label),
                    rows.map(function (r) { return r.indicators[id]; }), BLUE, name);
  };
  indSelect.addEventListener("change", drawDistribution);
  drawDistribution();

  // 2. scores compared
  var scored = data.rows.filter(function (r) { return r.score !== null; });
  scored.sort(function (a, b) { return b.score - a.score; });
  bar(document.getElementById("chart-scores"), scored.map(label), scored.map(function (r) { return r.score; }),
      RED_SOFT, "评分");

  // 3. one unit, year over year
  var unitSelect = document.getElementById("chart-unit");
  var byUnit = {};
  data.history.forEach(function (r) { (byUnit[r.unit] = byUnit[r.unit] || []).push(r); });
  var units = Object.keys(byUnit).sort(function (a, b) {
    return byUnit[b].length - byUnit[a].length || a.localeCompare(b, "zh-CN");
  });
  units.forEach(function (u) {
    var o = document.createElement("option");
    o.value = u;
    o.textContent = u + "（" + byUnit[u].length + " 年）";
    unitSelect.appendChild(o);
  });
  var trendChart = null;
  var drawTrend = function () {
    var rows = (byUnit[unitSelect.value] || []).slice().sort(function (a, b) { return a.year - b.year; });
    if (trendChart) trendChart.destroy();
    trendChart = new Chart(document.getElementById("chart-trend"), {
      type: "line",
      data: {
        labels: rows.map(function (r) { return String(r.year); }),
        datasets: [
          { label: "评分", data: rows.map(function (r) { return r.score; }), borderColor: RED, backgroundColor: RED, yAxisID: "y", tension: 0.2 },
          { label: "错误数", data: rows.map(function (r) { return r.errors; }), borderColor: AMBER, backgroundColor: AMBER, yAxisID: "y1", tension: 0.2 }
        ]
      },
      options: {
        plugins: { legend: { position: "bottom", labels: { boxWidth: 12 } } },
        scales: {
          y: { beginAtZero: true, suggestedMax: 100, title: { display: true, text: "评分" } },
          y1: { beginAtZero: true, position: "right", grid: { drawOnChartArea: false }, title: { display: true, text: "错误数" } }
        }
      }
    });
  };
  unitSelect.addEventListener("change", drawTrend);
  if (units.length) drawTrend();
})();
