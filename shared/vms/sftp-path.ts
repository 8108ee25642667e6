/**
 * An OpenVMS file spec as the SFTP server of HP TCP/IP Services names it: Unix style, the device
 * first (`DISK$MENTAT:[USER_DIR.LEASECOMM]X.LOG;109` is `/DISK$MENTAT/USER_DIR/LEASECOMM/X.LOG;109`).
 * Only a spec with a device, a directory and a file name is mapped, and only one written in the
 * characters of a file spec: whatever else reaches it is refused, never passed on.
 */
const SPEC = /^([A-Z0-9$_-]{1,255}):\[([A-Z0-9$_-]{1,39}(?:\.[A-Z0-9$_-]{1,39}){0,7})\]([A-Z0-9$_-]{1,39})\.([A-Z0-9$_-]{0,39})(?:;(\d{1,5}))?$/;

export function sftpPathOf(spec: string): string | null {
  const match = SPEC.exec(spec);
  if (match === null) return null;
  const [, device, directory, name, type, version] = match as unknown as [string, string, string, string, string, string | undefined];
  const folders = directory === '000000' ? '' : `/${directory.split('.').join('/')}`;
  return `/${device}${folders}/${name}.${type}${version === undefined ? '' : `;${version}`}`;
}

/** The version of a file named by the SFTP server (`...X.LOG;109` is 109); null when it names none. */
export function versionOfSftpPath(path: string): number | null {
  const match = /;(\d{1,5})$/.exec(path);
  return match === null ? null : Number(match[1]);
}
