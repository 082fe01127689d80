/**
 * Message types on the Yjs WebSocket (`/yjs/:boardId`). 0–3 are y-websocket's own, so its
 * WebsocketProvider connects unmodified; 100+ are Samskab's additions, which the provider
 * ignores unless a handler is registered (the Samskab client registers them).
 */
export const YMessage = {
  Sync: 0,
  Awareness: 1,
  Auth: 2,
  QueryAwareness: 3,
  /**
   * Server → client, after the client's writes are durable in the store:
   * varUint clientId, varUint clock — every struct of that Yjs client below `clock` is saved.
   */
  Saved: 100,
  /** Server → client, before a close for cause: varString code, varString message. */
  Error: 101,
} as const;
export type YMessage = (typeof YMessage)[keyof typeof YMessage];

/** y-protocols' sync sub-types, repeated here because y-protocols does not export them as a map. */
export const YSyncStep = { Step1: 0, Step2: 1, Update: 2 } as const;
