// A chart as the pictures a Word document needs: the SVG itself (vector in current Word) and a PNG
// fallback that every reader shows, rendered by resvg with the DejaVu Sans the PDFs embed, so the
// letters in the picture are the report's own and nothing depends on the server's system fonts.
import { Resvg } from '@resvg/resvg-js';
import { createRequire } from 'node:module';
import path from 'node:path';
import { FONT } from '../pdf/pdf-fonts.ts';
import type { Chart } from '../../domain/safety-plan/indicator-chart.ts';
import { chartToSvg } from '../../domain/safety-plan/chart-svg.ts';

let fontFiles: string[] | undefined;

function dejaVu(): string[] {
	const folder = path.join(path.dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');
	fontFiles ??= [FONT.regular, FONT.bold].map((name) => path.join(folder, `${name}.ttf`));
	return fontFiles;
}

/** Three pixels per point: sharp when printed at the chart's size. */
export const PNG_SCALE = 3;

export function chartImages(chart: Chart): { svg: Buffer; png: Buffer } {
	const svg = chartToSvg(chart);
	const png = new Resvg(svg, {
		fitTo: { mode: 'zoom', value: PNG_SCALE },
		font: { fontFiles: dejaVu(), loadSystemFonts: false, defaultFontFamily: 'DejaVu Sans' },
		background: '#ffffff'
	})
		.render()
		.asPng();
	return { svg: Buffer.from(svg, 'utf8'), png: Buffer.from(png) };
}
