import type { IncomingMessage } from 'node:http';
import type { ServerConfig } from '../config';

/**
 * Browsers send Origin on WebSocket upgrades and cross-site requests; a page on another
 * site must not open sockets with a visitor's stored session. Clients without an Origin
 * (Node, native apps) are judged by their tokens alone.
 */
export function isOriginAllowed(req: IncomingMessage, config: ServerConfig): boolean {
  const origin = req.headers.origin;
  if (!origin) return true;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    return false;
  }
  if (host === req.headers.host) return true;
  if (config.publicUrl && origin === new URL(config.publicUrl).origin) return true;
  return config.allowedOrigins.includes(origin);
}
