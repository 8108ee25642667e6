/**
 * The SFTP subsystem of a simulated host, read-only: what the console needs to follow a batch log
 * without reading it again. The SSH server of HP TCP/IP Services for OpenVMS offers SFTP (its
 * sftp-server2) and presents a variable-length record file as a stream, each record ending in a
 * line feed; a file is named in the Unix style (`/DISK$MENTAT/USER_DIR/LEASECOMM/X.LOG;109`), and
 * without a version it is the highest one. A handle stays on the version it opened, and a READ
 * sees the records the batch system has written out since, as RMS does for a file opened with
 * write sharing. Writing, directory listings and the rest answer OP_UNSUPPORTED.
 */
import ssh2, { type SFTPWrapper } from 'ssh2';
import type { SimulatedSite } from '../index';
import type { VmsFile } from '../files/volumes';

const { STATUS_CODE, OPEN_MODE } = ssh2.utils.sftp;

/** A file spec as the client names it: Unix style, or an OpenVMS spec as it is. */
export function vmsSpecOfPath(path: string): string | null {
  if (/[:[\]]/.test(path)) return path;
  const parts = path.split('/').filter((p) => p !== '');
  if (!path.startsWith('/') || parts.length < 2) return null;
  const [device, ...rest] = parts as [string, ...string[]];
  const file = rest.pop() as string;
  const directory = rest.length === 0 ? '000000' : rest.join('.');
  return `${device}:[${directory}]${file}`;
}

/** The file's records as the stream SFTP reads, kept as it grows (a log only ever grows). */
class StreamView {
  private text = '';
  private records = 0;

  constructor(readonly file: VmsFile) {}

  bytes(): string {
    const records = this.file.records ?? [];
    if (records.length < this.records) {
      this.text = '';
      this.records = 0;
    }
    if (records.length > this.records) {
      this.text += records
        .slice(this.records)
        .map((r) => `${r}\n`)
        .join('');
      this.records = records.length;
    }
    return this.text;
  }
}

function findFile(site: SimulatedSite, hostName: string, username: string, path: string): VmsFile | null {
  const spec = vmsSpecOfPath(path);
  if (spec === null) return null;
  const { host } = site.inspect(hostName);
  const login = host.users.get(username)?.login;
  if (login === undefined) return null;
  try {
    const resolved = host.resolve(host.processTables(username, '00000000'), login, spec);
    const directory = resolved.disk.directory(resolved.directory);
    const { name, type, version } = resolved.parts;
    if (directory === undefined || name === undefined || version === '*' || /[*%]/.test(`${name}${type ?? ''}`)) return null;
    const versions = directory.versionsOf(name, type ?? '');
    // no version, or 0, is the highest; -1 the one below it, as in DCL
    if (version === undefined || version <= 0) return versions[-(version ?? 0)] ?? null;
    return versions.find((f) => f.version === version) ?? null;
  } catch {
    return null;
  }
}

function attrsOf(file: VmsFile, size: number) {
  const mtime = Math.floor(file.modified.getTime() / 1000);
  return { mode: 0o100444, uid: 0, gid: 0, size, atime: mtime, mtime };
}

export function serveSftp(site: SimulatedSite, hostName: string, username: string, sftp: SFTPWrapper): void {
  const handles = new Map<number, StreamView>();
  let nextHandle = 1;
  const viewOf = (handle: Buffer) => (handle.length === 4 ? handles.get(handle.readUInt32BE(0)) : undefined);

  sftp.on('OPEN', (reqId, filename, flags) => {
    if ((flags & ~OPEN_MODE.READ) !== 0) return sftp.status(reqId, STATUS_CODE.PERMISSION_DENIED, 'read only');
    site.advance();
    const file = findFile(site, hostName, username, filename);
    if (file === null || file.records === null) return sftp.status(reqId, STATUS_CODE.NO_SUCH_FILE, 'no such file');
    const id = nextHandle++;
    handles.set(id, new StreamView(file));
    const handle = Buffer.alloc(4);
    handle.writeUInt32BE(id, 0);
    sftp.handle(reqId, handle);
  });
  sftp.on('READ', (reqId, handle, offset, length) => {
    const view = viewOf(handle);
    if (view === undefined) return sftp.status(reqId, STATUS_CODE.FAILURE, 'bad handle');
    site.advance();
    const bytes = view.bytes();
    if (offset >= bytes.length) return sftp.status(reqId, STATUS_CODE.EOF);
    sftp.data(reqId, Buffer.from(bytes.slice(offset, offset + length), 'latin1'));
  });
  sftp.on('FSTAT', (reqId, handle) => {
    const view = viewOf(handle);
    if (view === undefined) return sftp.status(reqId, STATUS_CODE.FAILURE, 'bad handle');
    site.advance();
    sftp.attrs(reqId, attrsOf(view.file, view.bytes().length));
  });
  sftp.on('STAT', (reqId, path) => {
    site.advance();
    const file = findFile(site, hostName, username, path);
    if (file === null || file.records === null) return sftp.status(reqId, STATUS_CODE.NO_SUCH_FILE, 'no such file');
    sftp.attrs(reqId, attrsOf(file, new StreamView(file).bytes().length));
  });
  sftp.on('REALPATH', (reqId, path) => {
    // the name with the version the file has: how the console learns which version it follows
    site.advance();
    const file = findFile(site, hostName, username, path);
    if (file === null) return sftp.status(reqId, STATUS_CODE.NO_SUCH_FILE, 'no such file');
    const base = path.replace(/;\d*$/, '');
    sftp.name(reqId, [{ filename: `${base};${file.version}`, longname: `${base};${file.version}`, attrs: attrsOf(file, 0) }]);
  });
  sftp.on('CLOSE', (reqId, handle) => {
    if (handle.length === 4) handles.delete(handle.readUInt32BE(0));
    sftp.status(reqId, STATUS_CODE.OK);
  });
  for (const request of ['WRITE', 'OPENDIR', 'READDIR', 'REMOVE', 'RENAME', 'MKDIR', 'RMDIR', 'SETSTAT', 'FSETSTAT', 'READLINK', 'SYMLINK', 'LSTAT'] as const) {
    sftp.on(request as 'WRITE', (reqId: number) => sftp.status(reqId, STATUS_CODE.OP_UNSUPPORTED, 'not supported'));
  }
}
