/**
 * Following a batch log on its host: only what was added since the last read is fetched, from the
 * byte offset where the last whole line ended, over the link's file reader (SFTP, a channel of its
 * own). A new version of the log is noticed when the caller asks (the queue shows a new run of the
 * job) or when the file is shorter than the place reached. A line not yet ended (the batch system
 * writes the log out in pieces) is left for the next read.
 *
 * The place is returned, not saved: the caller saves it in the same transaction as what it made of
 * the lines, so that a restart neither loses a line nor counts one twice.
 */
import { ApiFailure } from '../../shared/errors';
import { sftpPathOf } from '../../shared/vms/sftp-path';
import { isHostLinkError, type HostLink } from '../hosts';
import type { LogPlace, LogPlacesRepository } from '../store';

export interface LogLine {
  /** From 1, counted over the whole file version. */
  number: number;
  text: string;
}

export interface LogRead {
  /** Where the next read starts; save it with what the lines were used for. */
  place: LogPlace;
  lines: LogLine[];
  /** A version other than the one followed before (its lines start again from 1). */
  newVersion: boolean;
  /** The file's size in bytes when read, and the bytes fetched. */
  size: number;
  bytesRead: number;
}

export interface ReadLogOptions {
  /** Ask which version the log is now (costs a round trip; do it when a new run may have begun). */
  recheckVersion?: boolean;
  /** At most this many bytes per read; the rest comes with the next one. */
  maxBytes?: number;
  timeoutMs?: number;
}

/** More than the longest record RMS writes (32767 bytes), so a read always ends at least one line. */
const DEFAULT_MAX_BYTES = 256 * 1024;
const DEFAULT_TIMEOUT_MS = 30_000;

function failed(host: string, log: string, error: unknown): ApiFailure {
  if (error instanceof ApiFailure) return error;
  const message = isHostLinkError(error) || error instanceof Error ? error.message : String(error);
  return new ApiFailure('log-unreadable', `The log ${log} on ${host} could not be read: ${message}`);
}

/** Reads the lines added to a log since the place saved for it. */
export async function readNewLines(link: HostLink, places: LogPlacesRepository, log: string, options: ReadLogOptions = {}): Promise<LogRead> {
  const host = link.host.name;
  const unversioned = sftpPathOf(log.replace(/;\d*$/, ''));
  if (unversioned === null) throw new ApiFailure('bad-log-spec', `${JSON.stringify(log)} is not a log file a job names, such as DISK$USER:[DIR.LOGS]JOB.LOG`);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  try {
    const files = link.files();
    const saved = places.latest(host, log);
    let place: LogPlace = saved ?? { host, log, path: '', offset: 0, line: 0 };
    let newVersion = false;
    const follow = async () => {
      const current = await files.currentVersion(unversioned, timeoutMs);
      if (current !== place.path) {
        newVersion = saved !== undefined;
        place = places.get(host, current) ?? { host, log, path: current, offset: 0, line: 0 };
      }
    };
    if (saved === undefined || options.recheckVersion === true) await follow();
    let chunk = await files.readFrom(place.path, place.offset, options.maxBytes ?? DEFAULT_MAX_BYTES, timeoutMs);
    if (chunk.size < place.offset) {
      // shorter than what was read: another file now stands at that name
      await follow();
      if (chunk.size < place.offset) throw new ApiFailure('log-unreadable', `The log ${place.path} on ${host} is shorter than what was read of it.`);
      chunk = await files.readFrom(place.path, place.offset, options.maxBytes ?? DEFAULT_MAX_BYTES, timeoutMs);
    }
    const text = chunk.data.toString('latin1');
    const end = text.lastIndexOf('\n') + 1;
    const lines = text
      .slice(0, end)
      .split('\n')
      .slice(0, -1)
      .map((line, index) => ({ number: place.line + index + 1, text: line.replace(/\r$/, '') }));
    return {
      place: { ...place, offset: place.offset + Buffer.byteLength(text.slice(0, end), 'latin1'), line: place.line + lines.length },
      lines,
      newVersion,
      size: chunk.size,
      bytesRead: chunk.data.length,
    };
  } catch (error) {
    throw failed(host, log, error);
  }
}
