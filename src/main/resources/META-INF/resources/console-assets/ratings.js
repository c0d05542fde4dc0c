// Ratings charts: weekly trend per topic and the daily total with spike days marked. Data comes embedded
// in the page (#chart-data), so the charts need no extra request.
document.addEventListener('DOMContentLoaded', function () {
  'use strict';
  var data = JSON.parse(document.getElementById('chart-data').textContent);
  var palette = ['#2456c8', '#c62828', '#2e8b57', '#c98a00', '#7a3db8', '#00838f', '#d9622b', '#5d6d7e',
                 '#ad1457', '#558b2f', '#4527a0', '#ef6c00', '#00695c', '#6d4c41', '#1565c0', '#9e9d24'];

  function chart(id) {
    return echarts.init(document.getElementById(id), null, {locale: 'RU', renderer: 'svg'});
  }

  var trend = chart('trend-chart');
  trend.setOption({
    color: palette,
    tooltip: {trigger: 'axis'},
    legend: {type: 'scroll', top: 0},
    grid: {left: 40, right: 20, top: 40, bottom: 30},
    xAxis: {type: 'category', data: data.weeks.map(function (w) { return w.split('-').reverse().slice(0, 2).join('.'); })},
    yAxis: {type: 'value', minInterval: 1},
    series: data.trend.map(function (s) { return {name: s.name, type: 'line', smooth: true, showSymbol: true, symbolSize: 7, data: s.data}; })
  });

  var spikeDays = {};
  data.spikes.forEach(function (s) { (spikeDays[s.day] = spikeDays[s.day] || []).push(s.topic + ': ' + s.count); });
  var spikes = chart('spike-chart');
  spikes.setOption({
    tooltip: {trigger: 'axis', formatter: function (p) {
      var day = data.days[p[0].dataIndex];
      return day + '<br>инцидентов: ' + p[0].value + (spikeDays[day] ? '<br>всплеск — ' + spikeDays[day].join(', ') : '');
    }},
    grid: {left: 40, right: 20, top: 20, bottom: 30},
    xAxis: {type: 'category', data: data.days.map(function (d) { return d.split('-').reverse().slice(0, 2).join('.'); })},
    yAxis: {type: 'value', minInterval: 1},
    series: [{type: 'bar', data: data.daily.map(function (n, i) {
      return spikeDays[data.days[i]] ? {value: n, itemStyle: {color: '#c62828'}} : {value: n, itemStyle: {color: '#9db3e8'}};
    })}]
  });

  window.addEventListener('resize', function () { trend.resize(); spikes.resize(); });
});
