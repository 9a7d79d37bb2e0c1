// A chart's shapes as an SVG document: the form the Word report's image is rendered from (and
// that a page could show inline). Pure; text escaped, the font named so a renderer given DejaVu
// Sans draws the same letters as the PDF.
import type { Chart, Shape } from './indicator-chart.ts';

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const n = (value: number) => String(Math.round(value * 100) / 100);
const ANCHOR = { start: 'start', middle: 'middle', end: 'end' } as const;

function shape(s: Shape): string {
	switch (s.kind) {
		case 'line':
			return `<polyline points="${s.points.map(([x, y]) => `${n(x)},${n(y)}`).join(' ')}" fill="none" stroke="${s.stroke}" stroke-width="${n(s.width)}"${s.dash ? ` stroke-dasharray="${s.dash.join(' ')}"` : ''}/>`;
		case 'circle':
			return `<circle cx="${n(s.cx)}" cy="${n(s.cy)}" r="${n(s.r)}" fill="${s.fill}"/>`;
		case 'rect':
			return `<rect x="${n(s.x)}" y="${n(s.y)}" width="${n(s.w)}" height="${n(s.h)}" fill="${s.fill}"/>`;
		case 'text':
			return `<text x="${n(s.x)}" y="${n(s.y)}" font-size="${n(s.size)}" text-anchor="${ANCHOR[s.anchor]}" fill="${s.fill}"${s.bold ? ' font-weight="bold"' : ''}>${escape(s.text)}</text>`;
	}
}

/** `scale` multiplies the pixel size (the picture stays sharp in Word); the drawing is in points. */
export function chartToSvg(chart: Chart, scale = 1): string {
	return [
		`<svg xmlns="http://www.w3.org/2000/svg" width="${n(chart.width * scale)}" height="${n(chart.height * scale)}" viewBox="0 0 ${n(chart.width)} ${n(chart.height)}" role="img" aria-label="${escape(chart.alt)}" font-family="DejaVu Sans">`,
		`<title>${escape(chart.alt)}</title>`,
		`<rect x="0" y="0" width="${n(chart.width)}" height="${n(chart.height)}" fill="#ffffff"/>`,
		...chart.shapes.map(shape),
		'</svg>'
	].join('\n');
}
