/** Bumped on any incompatible change to the REST API, socket.io events or document layout. */
export const PROTOCOL_VERSION = 1;
