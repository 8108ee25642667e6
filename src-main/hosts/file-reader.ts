/**
 * Reading a host's file from a byte offset over SFTP, on its own channel beside the DCL session:
 * how the console follows a batch log without reading again what it has read. The SSH server of
 * HP TCP/IP Services for OpenVMS offers SFTP and presents a record file as a stream of lines; a
 * file without a version is its highest one, and `realpath` names the version it is.
 */
import type { Client as SshClient, SFTPWrapper } from 'ssh2';
import { HostLinkError } from './host-link-error';
import type { Timers } from './timers';

export interface FileChunk {
  /** The file's name with the version read (`/DISK$MENTAT/USER_DIR/LEASECOMM/X.LOG;109`). */
  path: string;
  /** Bytes from the offset asked for, at most the length asked for. */
  data: Buffer;
  /** The file's size when it was read. */
  size: number;
}

export interface FileReader {
  /** The name of the file a path without version stands for now (its highest version). */
  currentVersion(path: string, timeoutMs: number): Promise<string>;
  /** Reads from `offset` up to `maxBytes` (less at the end of the file). */
  readFrom(path: string, offset: number, maxBytes: number, timeoutMs: number): Promise<FileChunk>;
  close(): void;
}

/** The SFTP status codes the reader tells apart (RFC draft-ietf-secsh-filexfer-02). */
const NO_SUCH_FILE = 2;
const EOF = 1;
/** What one READ request asks for; servers of the period answer at most 32 KB at a time. */
const READ_BLOCK = 32 * 1024;

function failure(host: string, what: string, error: unknown): HostLinkError {
  if (error instanceof HostLinkError) return error;
  const code = (error as { code?: unknown }).code;
  const message = error instanceof Error ? error.message : String(error);
  if (code === NO_SUCH_FILE) return new HostLinkError('file-unreadable', `${host} has no file ${what}`, { host, cause: error });
  return new HostLinkError('file-unreadable', `${host} could not read ${what} over SFTP: ${message}`, { host, cause: error });
}

/** A reader on one SSH connection: one SFTP channel, opened at first use, one handle per file version. */
export function sftpFileReader(client: SshClient, host: string, timers: Timers): FileReader {
  let channel: Promise<SFTPWrapper> | undefined;
  const handles = new Map<string, Promise<Buffer>>();
  const sftp = () => {
    channel ??= new Promise<SFTPWrapper>((resolve, reject) =>
      client.sftp((error, wrapper) => {
        if (error) {
          channel = undefined;
          reject(new HostLinkError('file-unreadable', `${host} refused an SFTP channel: ${error.message}`, { host, cause: error }));
        } else {
          wrapper.on('close', () => {
            channel = undefined;
            handles.clear();
          });
          resolve(wrapper);
        }
      }),
    );
    return channel;
  };
  const within = <T>(what: string, timeoutMs: number, work: Promise<T>): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const timer = timers.setTimeout(
        () => reject(new HostLinkError('timeout', `${host} did not answer the SFTP read of ${what} within ${timeoutMs} ms`, { host })),
        timeoutMs,
      );
      work.then(
        (value) => {
          timers.clearTimeout(timer);
          resolve(value);
        },
        (error: unknown) => {
          timers.clearTimeout(timer);
          reject(failure(host, what, error));
        },
      );
    });
  const open = (wrapper: SFTPWrapper, path: string): Promise<Buffer> => {
    let handle = handles.get(path);
    if (handle === undefined) {
      handle = new Promise<Buffer>((resolve, reject) => wrapper.open(path, 'r', (error, h) => (error ? reject(error) : resolve(h))));
      handle.catch(() => handles.delete(path));
      handles.set(path, handle);
    }
    return handle;
  };
  const readBlock = (wrapper: SFTPWrapper, handle: Buffer, offset: number, length: number): Promise<Buffer> =>
    new Promise<Buffer>((resolve, reject) => {
      const buffer = Buffer.alloc(length);
      wrapper.read(handle, buffer, 0, length, offset, (error, bytesRead) => {
        if (error && (error as { code?: unknown }).code === EOF) resolve(Buffer.alloc(0));
        else if (error) reject(error);
        else resolve(buffer.subarray(0, bytesRead));
      });
    });
  return {
    currentVersion(path, timeoutMs) {
      return within(
        path,
        timeoutMs,
        sftp().then((wrapper) => new Promise<string>((resolve, reject) => wrapper.realpath(path, (error, resolved) => (error ? reject(error) : resolve(resolved))))),
      );
    },
    readFrom(path, offset, maxBytes, timeoutMs) {
      const work = (async () => {
        const wrapper = await sftp();
        const handle = await open(wrapper, path);
        const size = await new Promise<number>((resolve, reject) => wrapper.fstat(handle, (error, stats) => (error ? reject(error) : resolve(stats.size))));
        const parts: Buffer[] = [];
        let at = offset;
        const end = Math.min(size, offset + maxBytes);
        while (at < end) {
          const block = await readBlock(wrapper, handle, at, Math.min(READ_BLOCK, end - at));
          if (block.length === 0) break;
          parts.push(block);
          at += block.length;
        }
        return { path, data: Buffer.concat(parts), size };
      })();
      return within(path, timeoutMs, work);
    },
    close() {
      void channel?.then((wrapper) => wrapper.end()).catch(() => undefined);
      channel = undefined;
      handles.clear();
    },
  };
}
