import WebSocket from 'ws';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { YMessage, YSyncStep } from '../../shared';

/**
 * A hand-written y-websocket client on y-protocols' wire format, lean enough that one load
 * process can hold hundreds of them. Two framings:
 * - plain: y-websocket as Samskab and @y/websocket-server speak it;
 * - hocuspocus: every message starts with the document name (varString), the client must
 *   authenticate first (Auth/Token), and the server acknowledges each update with
 *   SyncStatus (type 8). Read from @hocuspocus/server's ClientConnection and MessageReceiver;
 *   @hocuspocus/provider is not installed, so it is not used.
 *
 * With a Y.Doc it is a full client (applies what arrives, sends local transactions); without
 * one it only receives, hands each update to `onUpdate` and never decodes it.
 */

export type Framing = { kind: 'plain' } | { kind: 'hocuspocus'; docName: string };

export interface Endpoint {
  url: string;
  framing: Framing;
}

export interface WireHooks {
  /** A document update arrived, before it is applied (separates transfer from the client's own apply). */
  onArrive?(): void;
  /** A document update arrived (sync step 2 or update); `frame` is the whole message, identical for every receiver of a broadcast. */
  onUpdate?(update: Uint8Array, frame: Buffer): void;
  /** Samskab: everything of Yjs client `client` below `clock` is durable. */
  onSaved?(client: number, clock: number): void;
  /** Hocuspocus: one update message was applied (in memory). */
  onSyncStatus?(applied: boolean): void;
  onClose?(code: number): void;
}

const HOCUSPOCUS = { syncReply: 4, close: 7, syncStatus: 8, authToken: 0 } as const;
const EMPTY_STATE_VECTOR = Y.encodeStateVector(new Y.Doc());
const EMPTY_UPDATE = Y.encodeStateAsUpdate(new Y.Doc());
/** Hocuspocus drops a connection that sends nothing for 60 s; an empty awareness update keeps it. */
const HOCUSPOCUS_KEEPALIVE_MS = 20_000;

export class WireClient {
  readonly ws: WebSocket;
  readonly opened: Promise<void>;
  closeCode: number | null = null;
  errors: string[] = [];
  private keepalive: NodeJS.Timeout | null = null;
  private readonly onLocalUpdate = (update: Uint8Array, origin: unknown) => {
    if (origin !== this) this.sendUpdate(update);
  };

  constructor(
    private readonly endpoint: Endpoint,
    readonly doc: Y.Doc | null,
    private readonly hooks: WireHooks = {},
  ) {
    this.ws = new WebSocket(endpoint.url, { perMessageDeflate: false });
    this.ws.binaryType = 'nodebuffer';
    this.ws.on('error', (error) => this.errors.push(error.message));
    this.opened = new Promise((resolve, reject) => {
      this.ws.once('open', () => resolve());
      this.ws.once('close', () => reject(new Error(`closed before open: ${this.errors.join('; ') || this.closeCode}`)));
    });
    this.opened.catch(() => undefined);
    this.ws.on('open', () => this.greet());
    this.ws.on('message', (data: Buffer) => this.receive(data));
    this.ws.on('close', (code) => {
      this.closeCode = code;
      if (this.keepalive) clearInterval(this.keepalive);
      doc?.off('update', this.onLocalUpdate);
      hooks.onClose?.(code);
    });
    doc?.on('update', this.onLocalUpdate);
  }

  get isOpen(): boolean {
    return this.ws.readyState === WebSocket.OPEN;
  }

  close(): void {
    if (this.keepalive) clearInterval(this.keepalive);
    this.doc?.off('update', this.onLocalUpdate);
    if (this.ws.readyState === WebSocket.OPEN || this.ws.readyState === WebSocket.CONNECTING) this.ws.terminate();
  }

  sendUpdate(update: Uint8Array): void {
    const e = this.encoder();
    encoding.writeVarUint(e, YMessage.Sync);
    encoding.writeVarUint(e, YSyncStep.Update);
    encoding.writeVarUint8Array(e, update);
    this.send(e);
  }

  private encoder(): encoding.Encoder {
    const e = encoding.createEncoder();
    if (this.endpoint.framing.kind === 'hocuspocus') encoding.writeVarString(e, this.endpoint.framing.docName);
    return e;
  }

  private send(e: encoding.Encoder): void {
    if (this.ws.readyState === WebSocket.OPEN) this.ws.send(encoding.toUint8Array(e));
  }

  /** What y-websocket's provider does on open: its state vector (so the server sends what it lacks). */
  private greet(): void {
    if (this.endpoint.framing.kind === 'hocuspocus') {
      const auth = this.encoder();
      encoding.writeVarUint(auth, YMessage.Auth);
      encoding.writeVarUint(auth, HOCUSPOCUS.authToken);
      encoding.writeVarString(auth, 'bench');
      this.send(auth);
      this.keepalive = setInterval(() => {
        const e = this.encoder();
        encoding.writeVarUint(e, YMessage.Awareness);
        encoding.writeVarUint8Array(e, new Uint8Array([0]));
        this.send(e);
      }, HOCUSPOCUS_KEEPALIVE_MS);
    }
    const e = this.encoder();
    encoding.writeVarUint(e, YMessage.Sync);
    encoding.writeVarUint(e, YSyncStep.Step1);
    encoding.writeVarUint8Array(e, this.doc ? Y.encodeStateVector(this.doc) : EMPTY_STATE_VECTOR);
    this.send(e);
  }

  private receive(frame: Buffer): void {
    const d = decoding.createDecoder(new Uint8Array(frame.buffer, frame.byteOffset, frame.byteLength));
    if (this.endpoint.framing.kind === 'hocuspocus') decoding.readVarString(d);
    const type = decoding.readVarUint(d);
    switch (type) {
      case YMessage.Sync:
      case HOCUSPOCUS.syncReply:
        return this.receiveSync(d, frame);
      case YMessage.Saved:
        this.hooks.onSaved?.(decoding.readVarUint(d), decoding.readVarUint(d));
        return;
      case YMessage.Error:
        this.errors.push(`${decoding.readVarString(d)}: ${decoding.readVarString(d)}`);
        return;
      case HOCUSPOCUS.syncStatus:
        if (this.endpoint.framing.kind === 'hocuspocus') this.hooks.onSyncStatus?.(decoding.readVarUint(d) === 1);
        return;
      default:
        return; // awareness, auth replies, keepalives: nothing the bench needs
    }
  }

  private receiveSync(d: decoding.Decoder, frame: Buffer): void {
    const step = decoding.readVarUint(d);
    const payload = decoding.readVarUint8Array(d);
    if (step === YSyncStep.Step1) {
      const e = this.encoder();
      encoding.writeVarUint(e, YMessage.Sync);
      encoding.writeVarUint(e, YSyncStep.Step2);
      encoding.writeVarUint8Array(e, this.doc ? Y.encodeStateAsUpdate(this.doc, payload) : EMPTY_UPDATE);
      this.send(e);
      return;
    }
    this.hooks.onArrive?.();
    if (this.doc) Y.applyUpdate(this.doc, payload, this);
    this.hooks.onUpdate?.(payload, frame);
  }
}
