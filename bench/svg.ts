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
  const left = 150;
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
      parts.push(`<text x="${(x(value) + 4).toFixed(1)}" y="${by + barHeight - 4}" fill="#1f2328">${value.toFixed(1)}×</text>`);
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
