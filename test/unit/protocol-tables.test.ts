import { readFileSync } from 'node:fs';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { AUDIENCES, SERVER_NOTICES, socketCommands, type ClientToServerEvents, type SocketCommandName } from '../../shared';
import type { SocketHandlers } from '../../server/core/register';
import type { CommandPayload, CommandResult } from '../../client/sync/command-channel';

/**
 * docs/PROTOCOL.md is what third-party clients are written from: its socket.io command lists
 * must name exactly the commands of the table (shared/protocol/socket-commands.ts), each with
 * the audience the server enforces.
 */
const protocol = readFileSync(new URL('../../docs/PROTOCOL.md', import.meta.url), 'utf8');

interface Table {
  header: string[];
  rows: string[][];
}

/** Every Markdown table of the document, its cells trimmed. */
function tablesOf(markdown: string): Table[] {
  const tables: Table[] = [];
  let lines: string[] = [];
  const flush = () => {
    if (lines.length >= 2) {
      const [head, , ...body] = lines.map(cellsOf);
      tables.push({ header: head ?? [], rows: body });
    }
    lines = [];
  };
  for (const line of markdown.split('\n')) {
    if (line.startsWith('|')) lines.push(line);
    else flush();
  }
  flush();
  return tables;
}

function cellsOf(line: string): string[] {
  // A `\|` inside a cell is text, not a column break.
  return line
    .split(/(?<!\\)\|/)
    .slice(1, -1)
    .map((cell) => cell.replace(/\\\|/g, '|').trim());
}

const EVENT_CELL = /^`([a-zA-Z]+:[a-zA-Z]+)`$/;
const eventIn = (cell: string | undefined): string | null => EVENT_CELL.exec(cell ?? '')?.[1] ?? null;
const commands = Object.keys(socketCommands).sort();
const isCommand = (name: string): name is SocketCommandName => Object.hasOwn(socketCommands, name);
const tables = tablesOf(protocol);

describe('docs/PROTOCOL.md and the socket.io command table', () => {
  const index = tables.find((t) => t.header.join('|') === 'command|who|what|section');

  it('has a command index listing every command of the table, once, with who may send it', () => {
    expect(index, 'the "Command index" table in section 11').toBeDefined();
    const listed = (index?.rows ?? []).map((row) => eventIn(row[0]));
    expect(listed.filter((name) => name === null)).toEqual([]);
    expect([...listed].sort()).toEqual(commands);
    for (const row of index?.rows ?? []) {
      const name = eventIn(row[0]) as SocketCommandName;
      expect(row[1], name).toBe(AUDIENCES[socketCommands[name].who].doc);
      expect(row[2]?.includes('Takes no payload.'), `${name}: "Takes no payload." exactly when it takes none`).toBe(socketCommands[name].payload === null);
    }
  });

  it('names only commands or server notices that exist', () => {
    const named = new Set<string>();
    for (const table of tables) for (const row of table.rows) if (eventIn(row[0])) named.add(eventIn(row[0]) as string);
    for (const [, name] of protocol.matchAll(/^#### ([a-zA-Z]+:[a-zA-Z]+)\s*$/gm)) named.add(name as string);
    const unknown = [...named].filter((name) => !isCommand(name) && !Object.hasOwn(SERVER_NOTICES, name));
    expect(unknown).toEqual([]);
  });

  it('gives every command in a "who" column the audience the server enforces', () => {
    const mismatches: string[] = [];
    for (const table of tables) {
      if (table === index || !/^(event|command)$/.test(table.header[0] ?? '') || !/^who( may)?$/.test(table.header[1] ?? '')) continue;
      for (const row of table.rows) {
        const name = eventIn(row[0]);
        if (name === null) continue;
        if (!isCommand(name)) mismatches.push(`${name}: not a command`);
        else if (row[1] !== AUDIENCES[socketCommands[name].who].doc) mismatches.push(`${name}: "${row[1]}", the table says "${AUDIENCES[socketCommands[name].who].doc}"`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('lists every documented server notice in SERVER_NOTICES, and every notice is documented', () => {
    for (const name of Object.keys(SERVER_NOTICES)) expect(protocol, name).toContain(`| \`${name}\` |`);
  });
});

describe('types derived from the table', () => {
  it('gives the client a payload and a result per command', () => {
    expectTypeOf<CommandResult<'time:sync'>>().toEqualTypeOf<{ serverTime: number }>();
    expectTypeOf<CommandPayload<'vote:cast'>>().toEqualTypeOf<[payload: { ideaId: string }]>();
    expectTypeOf<CommandPayload<'workshop:reveal'>>().toEqualTypeOf<[] | [payload: Record<string, never>]>();
    expectTypeOf<Parameters<ClientToServerEvents['idea:restore']>[0]>().toEqualTypeOf<{ ideaId: string }>();
  });

  it('refuses, at compile time, a handler of the wrong payload or result, or an unknown name', () => {
    const good: SocketHandlers<'time:sync'> = { 'time:sync': async () => ({ serverTime: 1 }) };
    // @ts-expect-error the result is not the table's
    const wrongResult: SocketHandlers<'time:sync'> = { 'time:sync': async () => ({ serverTime: 'now' }) };
    // @ts-expect-error the payload has no such field
    const wrongPayload: SocketHandlers<'vote:cast'> = { 'vote:cast': async (p: { pollId: string }) => ({ questionId: p.pollId, votes: {}, remaining: 0 }) };
    // @ts-expect-error not a command of the table
    const unknown: Partial<SocketHandlers> = { 'vote:steal': async () => ({}) };
    expect([good, wrongResult, wrongPayload, unknown]).toHaveLength(4);
  });
});
