/**
 * The charts' browser script (plain ES2020). It hydrates every `.ec-chart` figure with echarts' SSR
 * client: hovering a radar polygon or point, or a heatmap cell, shows a tooltip (model, value, number)
 * whose text is set with `textContent` only. Legend entries (`[data-legend-for]`) become toggle
 * buttons that hide or show a model's polygon in the charts they belong to. Without script the
 * static SVG stays as it is. The page's CSP allows it by its hash.
 */
export const CHART_SCRIPT = `(() => {
  'use strict';
  const ssr = window['echarts-ssr-client'];
  if (!ssr || typeof ssr.hydrate !== 'function') return;
  const tip = document.createElement('div');
  tip.id = 'chart-tooltip';
  tip.setAttribute('role', 'tooltip');
  tip.hidden = true;
  const tipModel = document.createElement('strong');
  const tipValue = document.createElement('span');
  tip.append(tipModel, tipValue);
  document.body.append(tip);
  // Hints about hovering and clicking are only true when this script runs.
  for (const hint of document.querySelectorAll('[data-role="chart-hint"]')) hint.hidden = false;

  const readData = (figure) => {
    const block = figure.querySelector('script[data-role="chart-data"]');
    try {
      return block ? JSON.parse(block.textContent) : null;
    } catch {
      return null;
    }
  };
  const formatScore = (value) => (typeof value === 'number' ? value.toFixed(1) : 'no score');

  // The radar axis nearest the pointer's angle around the centre (axis 0 up, then anticlockwise).
  function radarAxis(svg, data, event) {
    const matrix = svg.getScreenCTM();
    if (!matrix) return 0;
    const point = new DOMPoint(event.clientX, event.clientY).matrixTransform(matrix.inverse());
    const degrees = (Math.atan2(data.centre[1] - point.y, point.x - data.centre[0]) * 180) / Math.PI;
    const step = 360 / data.axes.length;
    return (((Math.round((degrees - 90) / step) % data.axes.length) + data.axes.length) % data.axes.length);
  }

  function describe(svg, data, dataIndex, event) {
    if (data.kind === 'radar') {
      const series = data.series[dataIndex];
      if (!series) return null;
      const axis = radarAxis(svg, data, event);
      return [series.name, data.axes[axis] + ': ' + formatScore(series.values[axis])];
    }
    if (data.kind === 'heatmap') {
      const columns = data.columns.length;
      const row = Math.floor(dataIndex / columns);
      const column = dataIndex % columns;
      if (row >= data.rows.length) return null;
      const label = data.labels[row][column];
      if (data.transposed) return [data.columns[column], data.rows[row] + ': ' + label];
      return [data.rows[row], data.columns[column] + ': ' + label];
    }
    return null;
  }

  function show(lines, event) {
    tipModel.textContent = lines[0];
    tipValue.textContent = lines[1];
    tip.hidden = false;
    const gap = 14;
    const width = tip.offsetWidth;
    const height = tip.offsetHeight;
    let left = event.clientX + gap;
    let top = event.clientY + gap;
    if (left + width > window.innerWidth) left = Math.max(0, event.clientX - gap - width);
    if (top + height > window.innerHeight) top = Math.max(0, event.clientY - gap - height);
    tip.style.left = left + 'px';
    tip.style.top = top + 'px';
  }
  const hide = () => {
    tip.hidden = true;
  };

  for (const figure of document.querySelectorAll('.ec-chart')) {
    const data = readData(figure);
    const svg = figure.querySelector('svg');
    if (!data || !svg) continue;
    let active = -1;
    ssr.hydrate(figure, {
      on: {
        mouseover(params) {
          if (params.ssrType !== 'chart' || params.dataIndex === undefined) return;
          const lines = describe(svg, data, params.dataIndex, params.event);
          if (!lines) return;
          active = params.dataIndex;
          show(lines, params.event);
        },
        mouseout() {
          active = -1;
          hide();
        },
      },
    });
    // Moving along a radar polygon changes the nearest axis without a new mouseover.
    svg.addEventListener('mousemove', (event) => {
      if (active < 0) return;
      const lines = describe(svg, data, active, event);
      if (lines) show(lines, event);
    });
  }

  // Legend entries toggle a model (by its report-wide key) in every chart of their target.
  function setShown(target, key, shown) {
    const scope = document.querySelector('[data-chart="' + CSS.escape(target) + '"]');
    if (!scope) return;
    const figures = scope.matches('.ec-chart') ? [scope] : [...scope.querySelectorAll('.ec-chart')];
    for (const figure of figures) {
      const data = readData(figure);
      if (!data || data.kind !== 'radar') continue;
      const index = data.series.findIndex((series) => series.key === key);
      if (index < 0) continue;
      for (const node of figure.querySelectorAll('svg [ecmeta_data_index="' + index + '"]'))
        node.classList.toggle('series-off', !shown);
    }
  }
  for (const legend of document.querySelectorAll('[data-legend-for]')) {
    const target = legend.getAttribute('data-legend-for');
    for (const item of legend.querySelectorAll('[data-series]')) {
      const key = Number(item.getAttribute('data-series'));
      item.setAttribute('role', 'button');
      item.setAttribute('tabindex', '0');
      item.setAttribute('aria-pressed', 'true');
      item.classList.add('toggle');
      const toggle = () => {
        const shown = item.getAttribute('aria-pressed') !== 'true';
        item.setAttribute('aria-pressed', String(shown));
        setShown(target, key, shown);
      };
      item.addEventListener('click', toggle);
      item.addEventListener('keydown', (event) => {
        if (event.key !== 'Enter' && event.key !== ' ') return;
        event.preventDefault();
        toggle();
      });
    }
  }
})();`;
