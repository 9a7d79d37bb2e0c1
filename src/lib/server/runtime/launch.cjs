// Entry of every npm script that runs Paraat's TypeScript: `node launch.cjs <file> [args…]`.
//
// Written in plain old JavaScript (var, function, CommonJS) on purpose: it must run on whatever
// Node a machine has, also one too old for TypeScript, and say in one Dutch sentence what to do.
// Node runs our .ts files itself (type stripping, unflagged since 22.18 and 23.6); `npm install`
// brings Node 24 through the `node` dependency, so npm scripts normally run on that one.
//
// A start that fails on purpose throws an error with `startupSentence` (StartupError, ConfigError):
// only that sentence is printed, as the last line, and the exit code is 1. Anything else is a bug:
// one sentence with its message, and the stack only when LOG_LEVEL=debug.
'use strict';
var path = require('path');
var url = require('url');

function nodeIsRecentEnough(version) {
	var parts = version.replace(/^v/, '').split('.');
	var major = Number(parts[0]);
	var minor = Number(parts[1]);
	return major > 23 || (major === 23 && minor >= 6) || (major === 22 && minor >= 18);
}

function fail(sentence) {
	process.stderr.write(sentence + '\n');
	process.exit(1);
}

if (!nodeIsRecentEnough(process.version)) {
	fail(
		'Paraat heeft Node 22.18 of nieuwer nodig, maar dit is Node ' + process.version +
			': voer eerst `npm install` uit (dat brengt Node 24 mee) en start dan met `npm start`, of installeer Node 24.'
	);
}

var target = process.argv[2];
if (!target) fail('Gebruik: node src/lib/server/runtime/launch.cjs <bestand> [argumenten].');

// The target sees the command line as if it had been started directly: [node, target, args…].
process.argv.splice(1, 1);
process.argv[1] = path.resolve(target);

function report(err) {
	if (err && typeof err.startupSentence === 'string') fail(err.startupSentence);
	if (process.env.LOG_LEVEL === 'debug' && err && err.stack) process.stderr.write(err.stack + '\n');
	var message = err && err.message ? err.message : String(err);
	fail('Paraat kon niet starten door een onverwachte fout: ' + message.split('\n')[0] + ' (meer details met LOG_LEVEL=debug).');
}

// `import()` kept out of the parser's sight, so that a Node without it still reaches the sentence above.
var load = new Function('specifier', 'return import(specifier)');
// The entries await their whole start at top level, so every start failure ends up here.
load(url.pathToFileURL(process.argv[1]).href).catch(report);
