// The cycle check (`npm run check:cycles`, run by CI beside the lint): no import cycle between
// files, and none between folders (a capability folder that imports another must not be imported
// back by it: incidents ↔ tasks is one concern split in two, or a missing third module). The
// other boundaries are ESLint rules (eslint.config.js), where an editor shows them while typing.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
	forbidden: [
		{
			name: 'no-circular',
			severity: 'error',
			comment: 'An import cycle between files: one of them holds a concern the other needs; move it to a third module.',
			from: {},
			to: { circular: true }
		},
		{
			name: 'no-folder-cycle',
			severity: 'error',
			scope: 'folder',
			comment: 'An import cycle between folders (capabilities): one folder must depend on the other, never both ways.',
			from: {},
			to: { circular: true }
		}
	],
	options: {
		doNotFollow: { path: ['node_modules'] },
		exclude: { path: ['^src/.*\\.d\\.ts$', '^\\.svelte-kit/'] },
		// Type-only imports are dependencies too: a browser module that needs a server type is tied to it.
		tsPreCompilationDeps: true,
		tsConfig: { fileName: 'tsconfig.json' },
		enhancedResolveOptions: {
			exportsFields: ['exports'],
			conditionNames: ['import', 'require', 'node', 'default', 'types'],
			extensions: ['.ts', '.js', '.svelte', '.svelte.ts', '.json'],
			mainFields: ['module', 'main', 'types', 'typings']
		},
		reporterOptions: { text: { highlightFocused: true } }
	}
};
