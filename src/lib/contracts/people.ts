// Who did something, as every record and event names them: an id and a display name.

export interface PersonRef {
	id: string;
	name: string;
}
