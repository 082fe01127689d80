/**
 * Names shared by the transports and the features: the Yjs document of a board, and the
 * socket.io rooms a notice is sent to (everyone on a board, its facilitators, one person's own
 * sockets). Kept in the core so a feature can address a room without importing the transport.
 */
export const docNameOf = (boardId: string): string => `board:${boardId}`;

/** socket.io rooms: everyone on a board, its facilitators, and each participant's own sockets. */
export const boardRoom = (boardId: string): string => `board:${boardId}`;
export const facilitatorsRoom = (boardId: string): string => `board:${boardId}:facilitators`;
export const participantRoom = (boardId: string, participantId: string): string => `board:${boardId}:p:${participantId}`;
