// Reading an imported CSV (issues 18, 22): one separator per file, taken from its header, so a comma
// inside a field of a `;` file (a source such as "Politie, meldingen") stays in its field.
import { describe, expect, it } from 'vitest';
import { csvRows, separatorOf } from '../../src/lib/server/spreadsheet/read-csv.ts';

describe('csvRows', () => {
	it('keeps a comma inside a field of a semicolon file', () => {
		expect(csvRows('Indicator;Jaar;Waarde;Bron\nMeldingen jeugdoverlast;2024;244;Politie, meldingen 2024\n')).toEqual([
			['Indicator', 'Jaar', 'Waarde', 'Bron'],
			['Meldingen jeugdoverlast', '2024', '244', 'Politie, meldingen 2024']
		]);
	});
	it('reads a comma file, with quoted fields and a byte-order mark', () => {
		expect(csvRows('\uFEFFIndicator,Jaar,Waarde\r\n"Woninginbraken; totaal",2024,"1.071,5"\r\n')).toEqual([
			['Indicator', 'Jaar', 'Waarde'],
			['Woninginbraken; totaal', '2024', '1.071,5']
		]);
	});
	it('takes the separator from the header line only', () => {
		expect(separatorOf('a;b\nc,d')).toBe(';');
		expect(separatorOf('a,b\nc;d')).toBe(',');
		expect(separatorOf('\uFEFFa;b')).toBe(';');
		expect(separatorOf('')).toBe(';');
	});
});
