/**
 * A WebSocket client written over a bare TCP socket, for probing the console server with frames
 * a real client library would never send: unmasked, of an unknown opcode, too long, not UTF-8.
 */
import { randomBytes } from 'node:crypto';
import { connect, type Socket } from 'node:net';

export interface FrameSpec {
  opcode: number;
  payload?: Buffer | string;
  fin?: boolean;
  /** Clients must mask every frame (RFC 6455 §5.1); false sends it bare. */
  masked?: boolean;
}

/** One frame as it goes on the wire. */
export function encodeFrame({ opcode, payload = Buffer.alloc(0), fin = true, masked = true }: FrameSpec): Buffer {
  const data = typeof payload === 'string' ? Buffer.from(payload, 'utf8') : payload;
  const lengthBytes = data.length < 126 ? 0 : data.length <= 0xffff ? 2 : 8;
  const header = Buffer.alloc(2 + lengthBytes + (masked ? 4 : 0));
  header[0] = (fin ? 0x80 : 0) | (opcode & 0x0f);
  const maskBit = masked ? 0x80 : 0;
  if (lengthBytes === 0) header[1] = maskBit | data.length;
  else if (lengthBytes === 2) {
    header[1] = maskBit | 126;
    header.writeUInt16BE(data.length, 2);
  } else {
    header[1] = maskBit | 127;
    header.writeBigUInt64BE(BigInt(data.length), 2);
  }
  if (!masked) return Buffer.concat([header, data]);
  const key = randomBytes(4);
  key.copy(header, 2 + lengthBytes);
  const body = Buffer.alloc(data.length);
  for (let i = 0; i < data.length; i++) body[i] = (data[i] as number) ^ (key[i % 4] as number);
  return Buffer.concat([header, body]);
}

export interface ServerFrame {
  opcode: number;
  payload: Buffer;
}

/** Splits what the server sent into whole frames (server frames are never masked). */
function takeFrames(buffer: Buffer): { frames: ServerFrame[]; rest: Buffer } {
  const frames: ServerFrame[] = [];
  let at = 0;
  for (;;) {
    if (buffer.length - at < 2) break;
    const opcode = (buffer[at] as number) & 0x0f;
    const short = (buffer[at + 1] as number) & 0x7f;
    let length = short;
    let start = at + 2;
    if (short === 126) {
      if (buffer.length - at < 4) break;
      length = buffer.readUInt16BE(at + 2);
      start = at + 4;
    } else if (short === 127) {
      if (buffer.length - at < 10) break;
      length = Number(buffer.readBigUInt64BE(at + 2));
      start = at + 10;
    }
    if (buffer.length < start + length) break;
    frames.push({ opcode, payload: buffer.subarray(start, start + length) });
    at = start + length;
  }
  return { frames, rest: buffer.subarray(at) };
}

export interface CloseSeen {
  /** The code of the server's close frame; null if the connection ended without one. */
  code: number | null;
  reason: string;
}

export interface UpgradeOptions {
  path: string;
  host: string;
  origin?: string;
}

/** A connection after the server's answer to the upgrade request. */
export interface RawConnection {
  status: number;
  socket: Socket;
  /** Text frames received so far, in order. */
  texts: string[];
  /** The next text frame not yet taken by this call. */
  nextText(): Promise<string>;
  /** Resolves once the TCP connection is over, with the close frame the server sent if any. */
  ended: Promise<CloseSeen>;
  send(frame: FrameSpec): void;
}

/** Sends a WebSocket upgrade request as written and resolves with the server's status. */
export function rawUpgrade(port: number, options: UpgradeOptions): Promise<RawConnection> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port });
    let buffered = Buffer.alloc(0);
    let upgraded: RawConnection | null = null;
    let taken = 0;
    const textWaiters: { take: (text: string) => void; fail: (error: Error) => void }[] = [];
    let close: CloseSeen = { code: null, reason: '' };
    let endedResolve: (seen: CloseSeen) => void = () => undefined;
    const ended = new Promise<CloseSeen>((done) => (endedResolve = done));
    // the server may reset a connection it refused mid-write; what matters is what it answered
    socket.on('error', () => undefined);
    socket.on('close', () => {
      if (!upgraded) reject(new Error(`the connection closed before an answer to the upgrade of ${options.path}`));
      for (const waiter of textWaiters.splice(0)) waiter.fail(new Error('the connection closed before another text frame'));
      endedResolve(close);
    });
    socket.on('data', (chunk: Buffer) => {
      buffered = Buffer.concat([buffered, chunk]);
      if (!upgraded) {
        const headEnd = buffered.indexOf('\r\n\r\n');
        if (headEnd < 0) return;
        const statusLine = buffered.subarray(0, buffered.indexOf('\r\n')).toString('latin1');
        const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(statusLine)?.[1] ?? 0);
        buffered = buffered.subarray(headEnd + 4);
        upgraded = {
          status,
          socket,
          texts: [],
          nextText: () =>
            new Promise((take, fail) => {
              const text = upgraded?.texts[taken];
              if (text !== undefined) {
                taken += 1;
                take(text);
              } else if (socket.destroyed) fail(new Error('the connection is closed'));
              else textWaiters.push({ take, fail });
            }),
          ended,
          send: (frame) => {
            if (!socket.destroyed) socket.write(encodeFrame(frame));
          },
        };
        resolve(upgraded);
      }
      if (upgraded.status !== 101) return;
      const { frames, rest } = takeFrames(buffered);
      buffered = Buffer.from(rest);
      for (const frame of frames) {
        if (frame.opcode === 0x1) {
          upgraded.texts.push(frame.payload.toString('utf8'));
          const waiter = textWaiters.shift();
          if (waiter) {
            taken += 1;
            waiter.take(upgraded.texts[taken - 1] as string);
          }
        }
        if (frame.opcode === 0x8) {
          close = {
            code: frame.payload.length >= 2 ? frame.payload.readUInt16BE(0) : null,
            reason: frame.payload.subarray(2).toString('utf8'),
          };
        }
      }
    });
    const headers = [
      `GET ${options.path} HTTP/1.1`,
      `Host: ${options.host}`,
      'Upgrade: websocket',
      'Connection: Upgrade',
      `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}`,
      'Sec-WebSocket-Version: 13',
      ...(options.origin === undefined ? [] : [`Origin: ${options.origin}`]),
    ];
    socket.write(`${headers.join('\r\n')}\r\n\r\n`);
  });
}
