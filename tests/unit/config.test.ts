// The "Configuration" table (docs/configuration.md, linked from the README) and the schema in
// src/lib/server/config.ts describe the same variables with the same defaults; a wrong value
// stops the start with one Dutch sentence.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, configSchema, demoWanted, loadConfig } from '../../src/lib/server/config.ts';

interface Row {
	variable: string;
	default: string;
	meaning: string;
}

/** The rows of the table under "## Variables" in docs/configuration.md. */
function readmeRows(): Row[] {
	const doc = readFileSync(path.resolve(import.meta.dirname, '../../docs/configuration.md'), 'utf8');
	const section = doc.split(/^## /m).find((part) => part.startsWith('Variables\n'));
	if (!section) throw new Error('docs/configuration.md heeft geen sectie "## Variables"');
	const table = section.split('\n').filter((line) => line.startsWith('|'));
	expect(table[0]).toMatch(/^\| variable \| default \| meaning \|$/);
	return table.slice(2).map((line) => {
		const cells = line.slice(1, -1).split(' | ').map((cell) => cell.trim());
		expect(cells, line).toHaveLength(3);
		const [name = '', fallback = '', meaning = ''] = cells;
		const variable = /^`([A-Z_][A-Z0-9_]*)`$/.exec(name)?.[1];
		if (!variable) throw new Error(`Eerste cel is geen enkele variabele in backticks: ${line}`);
		return { variable, default: fallback, meaning };
	});
}

/** The schema's default for a variable, as the README writes it: `value`, or undefined when there is none. */
function schemaDefault(variable: string): string | undefined {
	const field = configSchema.shape[variable as keyof typeof configSchema.shape];
	const parsed = field.safeParse(undefined);
	expect(parsed.success, `${variable} zonder waarde`).toBe(true);
	return parsed.data === undefined ? undefined : `\`${String(parsed.data)}\``;
}

describe('configuration table in docs/configuration.md', () => {
	const rows = readmeRows();
	const documented = rows.map((row) => row.variable);
	const variables = Object.keys(configSchema.shape);

	it('lists every variable of the schema, once', () => {
		expect(new Set(documented).size).toBe(documented.length);
		expect([...documented].sort()).toEqual([...variables].sort());
	});

	it('gives the schema default of every variable (a value in backticks), and explains the others', () => {
		for (const row of rows) {
			const expected = schemaDefault(row.variable);
			if (expected) expect(row.default, row.variable).toBe(expected);
			// Without a schema default the cell says what happens instead, never a bare value.
			else expect(row.default, row.variable).not.toMatch(/^`[^`]*`$/);
			expect(row.meaning.length, `${row.variable} zonder uitleg`).toBeGreaterThan(10);
		}
	});
});

describe('loadConfig', () => {
	const problems = (env: NodeJS.ProcessEnv): string[] => {
		try {
			loadConfig(env);
		} catch (err) {
			expect(err).toBeInstanceOf(ConfigError);
			expect((err as ConfigError).startupSentence).toBe((err as ConfigError).message);
			return (err as ConfigError).problems;
		}
		throw new Error('loadConfig accepteerde een foute waarde');
	};

	it('gives the defaults for an empty environment and treats empty strings as unset', () => {
		const config = loadConfig({ PORT: '', DATABASE_URL: '  ' });
		expect(config.PORT).toBe(3000);
		expect(config.HOST).toBe('0.0.0.0');
		expect(config.DATABASE_URL).toBeUndefined();
		expect(config.PARAAT_DATA_DIR).toBe('.data/postgres');
		expect(config.PARAAT_PG_PORT).toBe(54329);
		expect(config.BODY_SIZE_LIMIT).toBe('11M');
		expect(demoWanted(config)).toBe(true);
	});

	it('accepts good values', () => {
		const config = loadConfig({
			PORT: '8080',
			DATABASE_URL: 'postgresql://paraat:geheim@db.vrk.nl:5432/paraat',
			ORIGIN: 'https://paraat.vrk.nl',
			PARAAT_SECRET_KEY: Buffer.alloc(32, 7).toString('base64'),
			PROTOCOL_HEADER: 'X-Forwarded-Proto',
			XFF_DEPTH: '2',
			BODY_SIZE_LIMIT: '20M',
			LOG_LEVEL: 'debug'
		});
		expect(config.PORT).toBe(8080);
		expect(config.PROTOCOL_HEADER).toBe('x-forwarded-proto');
		expect(config.XFF_DEPTH).toBe(2);
		expect(demoWanted(config)).toBe(false); // an external database gets demo data only when asked
		expect(demoWanted(loadConfig({ DATABASE_URL: 'postgres://a@b/c', PARAAT_DEMO: '1' }))).toBe(true);
	});

	it.each([
		[{ PORT: 'drieduizend' }, 'PORT moet een poortnummer zijn (1–65535).'],
		[{ PORT: '70000' }, 'PORT moet een poortnummer zijn (1–65535).'],
		[{ PARAAT_PG_PORT: '5432.5' }, 'PARAAT_PG_PORT moet een geheel getal zijn.'],
		[{ DATABASE_URL: 'mysql://paraat@db/paraat' }, 'DATABASE_URL moet een PostgreSQL-adres zijn'],
		[{ DATABASE_URL: 'db.vrk.nl:5432' }, 'DATABASE_URL moet een PostgreSQL-adres zijn'],
		[{ ORIGIN: 'https://paraat.vrk.nl/app' }, 'ORIGIN moet het publieke adres zonder pad zijn'],
		[{ PARAAT_DEMO: 'ja' }, 'PARAAT_DEMO moet 0 of 1 zijn.'],
		[{ PARAAT_SECRET_KEY: 'kort' }, 'PARAAT_SECRET_KEY moet 32 bytes zijn'],
		[{ LOG_LEVEL: 'luid' }, 'LOG_LEVEL moet een van fatal'],
		[{ PARAAT_BEELD_VEROUDERD_MINUTEN: '0' }, 'PARAAT_BEELD_VEROUDERD_MINUTEN moet minstens 1 zijn.'],
		[{ BODY_SIZE_LIMIT: '10 MB' }, 'BODY_SIZE_LIMIT moet een aantal bytes zijn'],
		[{ PROTOCOL_HEADER: 'x forwarded proto' }, 'PROTOCOL_HEADER moet de naam van een HTTP-header zijn'],
		[{ XFF_DEPTH: '0' }, 'XFF_DEPTH moet een geheel getal van minstens 1 zijn.']
	])('refuses %o with a Dutch sentence', (env, sentence) => {
		const found = problems(env);
		expect(found).toHaveLength(1);
		expect(found[0]).toContain(sentence);
	});

	it('names every wrong variable at once', () => {
		const found = problems({ PORT: '0', PARAAT_DEMO: 'true', LOG_LEVEL: 'veel' });
		expect(found).toHaveLength(3);
		expect(found.join(' ')).toMatch(/PORT.*PARAAT_DEMO.*LOG_LEVEL/);
	});
});
