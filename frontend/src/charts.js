// Charts of the staff dashboard, drawn from the tables the server rendered (which stay for screen readers).
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([BarChart, LineChart, GridComponent, TooltipComponent, CanvasRenderer]);

document.querySelectorAll('.chart[data-chart]').forEach((element) => {
  const rows = [...element.parentElement.querySelectorAll('table tbody tr')]
    .map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent.trim()))
    .filter((cells) => cells.length === 2);
  if (rows.length === 0) return;
  element.style.height = '220px';
  const chart = echarts.init(element, null, { renderer: 'canvas' });
  chart.setOption({
    tooltip: { trigger: 'axis' },
    grid: { left: 40, right: 10, top: 10, bottom: 50 },
    xAxis: { type: 'category', data: rows.map((r) => r[0]), axisLabel: { rotate: rows.length > 5 ? 30 : 0 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [{
      type: element.dataset.chart === 'line' ? 'line' : 'bar', data: rows.map((r) => Number(r[1])), color: '#0b4f9c', symbolSize: 8,
    }],
  });
  window.addEventListener('resize', () => chart.resize());
});
