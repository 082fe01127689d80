/**
 * Boards, the lowest feature: creating boards, sessions and join codes, and the server's
 * writes to the workshop root that board creation and restore share. Other features use
 * boards only through this file.
 */
export { BoardService, type Profile } from './board-service';
export { assignMissingJoinCode, claimNewJoinCode } from './join-codes';
export { writeWorkshop } from './workshop-state';
