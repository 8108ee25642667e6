/**
 * The command procedures in the profile's procedures folder, as DIRECTORY lists them: what the
 * plan's adhoc backup asks the technician to type (SET DEFAULT to the folder, then DIRECTORY),
 * asked by the console through the host link instead.
 */
import { directory } from '../../shared/vms/dcl';
import { parseDirectory } from '../../shared/vms/parsers';
import type { HostLink } from '../hosts';
import { ask } from './ask';

/** The .COM files of `folder` (`DISK$MENTAT:[USER_DIR.LEASE_BACKUP.COM]`), by name and type ("RMU_BACKUP_LEASE_DATA.COM"). */
export async function listCommandProcedures(link: HostLink, folder: string): Promise<string[]> {
  const listing = await ask(link, directory({ spec: `${folder}*.COM` }), parseDirectory);
  const names = listing.directories.flatMap((part) => part.files.map((file) => `${file.name}.${file.type}`.toUpperCase()));
  return [...new Set(names)].sort();
}
