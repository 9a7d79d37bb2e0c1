// The news of a Bibob file on `bibob:<municipality>`: which file changed and where it stands.
// Never its content: that is read (and logged) through the API by those allowed to.

export interface BibobFileNews {
	id: string;
	status: string;
	stage: string;
	version: number;
}
