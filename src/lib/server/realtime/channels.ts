// The server's own realtime constants: NOTIFY channels between nodes and the replay limit.
// Not part of the wire contract (src/lib/contracts/realtime.ts); browsers never see a channel.

/** NOTIFY channel for new events: payload "<seq>:<topic>" (never the data itself). */
export const EVENTS_CHANNEL = 'paraat_events';
/** NOTIFY channel for presence changes: payload is empty; every node recomputes. */
export const PRESENCE_CHANNEL = 'paraat_presence';
/** The most events one subscribe replays; a client further behind reloads the view. */
export const MAX_REPLAY = 5000;
