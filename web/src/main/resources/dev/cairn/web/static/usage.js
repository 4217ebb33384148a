// The usage page's chart: cost and tokens per period, drawn by uPlot from the numbers the page
// already shows (data-* attributes of #usage-chart, written and escaped by the server). Without
// JavaScript the tables below say the same.
(function () {
  var el = document.getElementById('usage-chart');
  if (!el || !window.uPlot) {
    return;
  }
  var labels = JSON.parse(el.getAttribute('data-labels'));
  var cost = JSON.parse(el.getAttribute('data-cost'));
  var tokens = JSON.parse(el.getAttribute('data-tokens'));
  var xs = labels.map(function (_, i) { return i; });
  new uPlot({
    width: Math.min(el.clientWidth || 900, 1100),
    height: 260,
    scales: {x: {time: false}, cost: {}, tokens: {}},
    axes: [
      {values: function (u, ticks) { return ticks.map(function (t) { return labels[t] || ''; }); }},
      {scale: 'cost', label: 'US$', values: function (u, ticks) { return ticks.map(function (t) { return '$' + (Math.abs(t) < 1 ? t.toFixed(4) : t.toFixed(2)); }); }},
      {scale: 'tokens', side: 1, label: 'tokens', grid: {show: false}}
    ],
    series: [
      {},
      {label: 'cost', scale: 'cost', stroke: '#47a', width: 2, fill: 'rgba(68,119,170,0.12)'},
      {label: 'tokens', scale: 'tokens', stroke: '#4a7', width: 1}
    ]
  }, [xs, cost, tokens], el);
})();
