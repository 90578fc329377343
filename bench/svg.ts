// A small grouped bar chart of "Helm loop time ÷ our time" as a standalone SVG, for the README.
export interface RatioGroup {
  label: string;
  /** One bar per contender, in the order of `series`. */
  values: number[];
  /** A target ratio to draw as a tick across the group, if any. */
  target?: number;
}

const escape = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function ratioChart(options: { title: string; subtitle: string; series: string[]; groups: RatioGroup[] }): string {
  const colors = ['#2f6fdf', '#8fb3f0', '#e39b2f'];
  const left = 165;
  const right = 60;
  const top = 58;
  const barHeight = 16;
  const barGap = 3;
  const groupGap = 16;
  const width = 760;
  const plotWidth = width - left - right;
  const groupHeight = options.series.length * (barHeight + barGap) - barGap;
  const height = top + options.groups.length * (groupHeight + groupGap) + 40;
  const max = Math.max(1, ...options.groups.flatMap((g) => [...g.values, g.target ?? 0])) * 1.08;
  const x = (value: number): number => left + (value / max) * plotWidth;

  const parts: string[] = [];
  parts.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="-apple-system, Segoe UI, Helvetica, Arial, sans-serif" font-size="12">`);
  parts.push(`<rect width="${width}" height="${height}" fill="#ffffff"/>`);
  parts.push(`<text x="${left}" y="20" font-size="14" font-weight="600" fill="#1f2328">${escape(options.title)}</text>`);
  parts.push(`<text x="${left}" y="37" fill="#59636e">${escape(options.subtitle)}</text>`);
  // grid
  const step = max > 40 ? 10 : max > 16 ? 5 : 2;
  for (let v = 0; v <= max; v += step) {
    parts.push(`<line x1="${x(v).toFixed(1)}" y1="${top - 6}" x2="${x(v).toFixed(1)}" y2="${height - 34}" stroke="#d8dee4" stroke-width="1"/>`);
    parts.push(`<text x="${x(v).toFixed(1)}" y="${height - 20}" text-anchor="middle" fill="#59636e">${v}×</text>`);
  }
  let y = top;
  for (const group of options.groups) {
    parts.push(`<text x="${left - 10}" y="${(y + groupHeight / 2 + 4).toFixed(1)}" text-anchor="end" fill="#1f2328">${escape(group.label)}</text>`);
    group.values.forEach((value, i) => {
      const by = y + i * (barHeight + barGap);
      if (!Number.isFinite(value)) return;
      parts.push(`<rect x="${left}" y="${by}" width="${Math.max(1, x(value) - left).toFixed(1)}" height="${barHeight}" fill="${colors[i % colors.length]}"/>`);
      // A label that would sit on the target's line goes to its right.
      const labelX = group.target !== undefined && x(value) + 36 > x(group.target) && x(value) < x(group.target) ? x(group.target) + 4 : x(value) + 4;
      parts.push(`<text x="${labelX.toFixed(1)}" y="${by + barHeight - 4}" fill="#1f2328">${value.toFixed(1)}×</text>`);
    });
    if (group.target !== undefined) {
      const tx = x(group.target).toFixed(1);
      parts.push(`<line x1="${tx}" y1="${y - 3}" x2="${tx}" y2="${y + groupHeight + 3}" stroke="#cf222e" stroke-width="2" stroke-dasharray="4 2"/>`);
    }
    y += groupHeight + groupGap;
  }
  // legend
  let lx = left;
  const ly = height - 6;
  options.series.forEach((name, i) => {
    parts.push(`<rect x="${lx}" y="${ly - 10}" width="10" height="10" fill="${colors[i % colors.length]}"/>`);
    parts.push(`<text x="${lx + 14}" y="${ly - 1}" fill="#1f2328">${escape(name)}</text>`);
    lx += 24 + name.length * 7;
  });
  if (options.groups.some((g) => g.target !== undefined)) {
    parts.push(`<line x1="${lx}" y1="${ly - 5}" x2="${lx + 14}" y2="${ly - 5}" stroke="#cf222e" stroke-width="2" stroke-dasharray="4 2"/>`);
    parts.push(`<text x="${lx + 18}" y="${ly - 1}" fill="#1f2328">target</text>`);
  }
  parts.push('</svg>');
  return `${parts.join('\n')}\n`;
}

export interface LineSeries {
  name: string;
  /** [x, y] points, in x order; NaN y values are skipped. */
  points: Array<[number, number]>;
  dashed?: boolean;
}

/** A line chart with marked points (e.g. wall time against round trip), as a standalone SVG. */
export function lineChart(options: { title: string; subtitle: string; xLabel: string; yLabel: string; series: LineSeries[]; logX?: boolean; yUnit?: string }): string {
  const colors = ['#2f6fdf', '#e39b2f', '#8fb3f0', '#59636e'];
  const width = 760;
  const height = 400;
  const left = 70;
  const right = 170;
  const top = 58;
  const bottom = 56;
  const xs = options.series.flatMap((s) => s.points.map(([x]) => x));
  const ys = options.series.flatMap((s) => s.points.map(([, y]) => y)).filter(Number.isFinite);
  const tx = (x: number): number => (options.logX ? Math.log10(x) : x);
  const xMin = Math.min(...xs.map(tx));
  const xMax = Math.max(...xs.map(tx));
  const yMax = niceCeiling(Math.max(1e-9, ...ys) * 1.05);
  const px = (x: number): number => left + ((tx(x) - xMin) / (xMax - xMin || 1)) * (width - left - right);
  const py = (y: number): number => top + (1 - y / yMax) * (height - top - bottom);
  const unit = options.yUnit ?? '';

  const parts: string[] = [];
  parts.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="-apple-system, Segoe UI, Helvetica, Arial, sans-serif" font-size="12">`);
  parts.push(`<rect width="${width}" height="${height}" fill="#ffffff"/>`);
  parts.push(`<text x="${left}" y="20" font-size="14" font-weight="600" fill="#1f2328">${escape(options.title)}</text>`);
  parts.push(`<text x="${left}" y="37" fill="#59636e">${escape(options.subtitle)}</text>`);
  for (let i = 0; i <= 5; i++) {
    const y = (yMax * i) / 5;
    parts.push(`<line x1="${left}" y1="${py(y).toFixed(1)}" x2="${width - right}" y2="${py(y).toFixed(1)}" stroke="#d8dee4" stroke-width="1"/>`);
    parts.push(`<text x="${left - 6}" y="${(py(y) + 4).toFixed(1)}" text-anchor="end" fill="#59636e">${Number(y.toPrecision(3))}${unit}</text>`);
  }
  for (const x of [...new Set(xs)].sort((a, b) => a - b)) {
    parts.push(`<line x1="${px(x).toFixed(1)}" y1="${top}" x2="${px(x).toFixed(1)}" y2="${height - bottom}" stroke="#eef1f4" stroke-width="1"/>`);
    parts.push(`<text x="${px(x).toFixed(1)}" y="${height - bottom + 16}" text-anchor="middle" fill="#59636e">${x}</text>`);
  }
  parts.push(`<text x="${(left + (width - right)) / 2}" y="${height - 14}" text-anchor="middle" fill="#1f2328">${escape(options.xLabel)}</text>`);
  parts.push(`<text x="16" y="${(top + height - bottom) / 2}" text-anchor="middle" fill="#1f2328" transform="rotate(-90 16 ${(top + height - bottom) / 2})">${escape(options.yLabel)}</text>`);
  options.series.forEach((series, i) => {
    const color = colors[i % colors.length];
    const points = series.points.filter(([, y]) => Number.isFinite(y));
    if (points.length === 0) return;
    const path = points.map(([x, y], j) => `${j === 0 ? 'M' : 'L'}${px(x).toFixed(1)},${py(y).toFixed(1)}`).join(' ');
    parts.push(`<path d="${path}" fill="none" stroke="${color}" stroke-width="2"${series.dashed ? ' stroke-dasharray="5 3"' : ''}/>`);
    for (const [x, y] of points) {
      parts.push(`<circle cx="${px(x).toFixed(1)}" cy="${py(y).toFixed(1)}" r="3.5" fill="${color}"/>`);
      parts.push(`<text x="${(px(x) + 6).toFixed(1)}" y="${(py(y) - 6).toFixed(1)}" fill="#1f2328" font-size="11">${Number(y.toPrecision(3))}${unit}</text>`);
    }
    const [lx, ly] = points.at(-1)!;
    parts.push(`<text x="${width - right + 12}" y="${(py(ly) + 4).toFixed(1)}" fill="${color}" font-weight="600">${escape(series.name)}</text>`);
    void lx;
  });
  parts.push('</svg>');
  return `${parts.join('\n')}\n`;
}

function niceCeiling(value: number): number {
  const magnitude = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 2.5, 5, 10]) if (step * magnitude >= value) return step * magnitude;
  return 10 * magnitude;
}
