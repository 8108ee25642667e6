/**
 * The default simulated host, met by Debian's OpenSSH client: refused to a client that offers only
 * today's algorithms (as a real 2010 OpenVMS SSH server refuses it), accepted with the era's set,
 * with either of its host keys (ssh-dss, ssh-rsa).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadOrCreateHostKeys } from '../../src-main/simulator/ssh/host-keys';
import { startSimulatorSshServer } from '../../src-main/simulator/ssh/server';
import { siteAt } from '../unit/simulator/site-fixture';

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'tapeops-openssh-'));
const identity = join(dir, 'id_ed25519');
const { site } = siteAt('2010-08-03T09:00:00', { dailyBackup: false });
let server: Awaited<ReturnType<typeof startSimulatorSshServer>>;

beforeAll(async () => {
  await run('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', identity]);
  server = await startSimulatorSshServer(site, {
    listen: [{ hostName: 'BLT4', port: 0 }],
    hostKeys: await loadOrCreateHostKeys(join(dir, 'host-keys'), ['BLT4']),
    users: [{ username: 'SYSTEM', publicKeys: [readFileSync(`${identity}.pub`, 'utf8')] }],
  });
});
afterAll(async () => {
  await server.close();
  site.close();
  rmSync(dir, { recursive: true, force: true });
});

/** `ssh` with no user configuration, offering exactly the given algorithms, running one command. */
async function openssh(algorithms: Record<string, string>, command: string, port = server.ports['BLT4']): Promise<{ code: number; stdout: string; stderr: string }> {
  const options = Object.entries(algorithms).flatMap(([name, value]) => ['-o', `${name}=${value}`]);
  const args = ['-F', '/dev/null', '-o', 'BatchMode=yes', '-o', 'StrictHostKeyChecking=no', '-o', `UserKnownHostsFile=${join(dir, 'known_hosts')}`];
  args.push('-o', 'ConnectTimeout=20', '-i', identity, '-p', String(port), ...options, 'SYSTEM@127.0.0.1', command);
  try {
    const { stdout, stderr } = await run('ssh', args);
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

const ERA = { KexAlgorithms: 'diffie-hellman-group1-sha1', Ciphers: '3des-cbc,aes128-cbc', MACs: 'hmac-sha1,hmac-md5', PubkeyAcceptedAlgorithms: 'ssh-ed25519' };

describe('the default simulated host and an OpenSSH client', () => {
  it('refuses a client offering only modern algorithms, naming what it offers', async () => {
    const modern = {
      KexAlgorithms: 'curve25519-sha256,diffie-hellman-group14-sha256',
      Ciphers: 'aes128-ctr,aes256-gcm@openssh.com',
      MACs: 'hmac-sha2-256',
      HostKeyAlgorithms: 'ssh-ed25519,rsa-sha2-256',
    };
    const result = await openssh(modern, 'SHOW TIME');
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/no matching key exchange method found\. Their offer: diffie-hellman-group-exchange-sha1,diffie-hellman-group1-sha1/);
  });

  it("accepts the era's algorithms with its DSA host key and runs a command", async () => {
    const result = await openssh({ ...ERA, HostKeyAlgorithms: 'ssh-dss' }, 'SHOW TIME');
    expect(result.stderr).not.toMatch(/no matching/);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/ 3-AUG-2010 09:\d\d:\d\d/);
  });

  it('answers a group exchange (diffie-hellman-group-exchange-sha1), the key exchange such clients chose first', async () => {
    for (const kex of ['diffie-hellman-group-exchange-sha1', 'diffie-hellman-group-exchange-sha1,diffie-hellman-group1-sha1']) {
      const result = await openssh({ ...ERA, KexAlgorithms: kex, HostKeyAlgorithms: 'ssh-rsa', LogLevel: 'DEBUG1' }, 'SHOW TIME');
      expect(result.stderr, kex).not.toMatch(/no matching|Group exchange not implemented/);
      // the client's own word that a group was asked for, sent and used
      expect(result.stderr, kex).toMatch(/kex: algorithm: diffie-hellman-group-exchange-sha1/);
      expect(result.stderr, kex).toMatch(/SSH2_MSG_KEX_DH_GEX_GROUP received/);
      expect(result.code, kex).toBe(0);
      expect(result.stdout, kex).toMatch(/ 3-AUG-2010 09:\d\d:\d\d/);
    }
  });

  it('accepts them with its RSA host key signed with SHA-1', async () => {
    const result = await openssh({ ...ERA, HostKeyAlgorithms: 'ssh-rsa' }, 'SHOW TIME');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/3-AUG-2010/);
  });

  it('offers no host key type of today: rsa-sha2 and ed25519 find no match', async () => {
    const result = await openssh({ ...ERA, HostKeyAlgorithms: 'rsa-sha2-512,rsa-sha2-256,ssh-ed25519' }, 'SHOW TIME');
    expect(result.code).not.toBe(0);
    const offer = /no matching host key type found\. Their offer: (\S+)/.exec(result.stderr)?.[1];
    expect(offer?.split(',').sort()).toEqual(['ssh-dss', 'ssh-rsa']);
  });

  it('refuses an exec channel on a host whose profile says exec channels do not work there', async () => {
    const interactiveOnly = await startSimulatorSshServer(site, {
      listen: [{ hostName: 'BLT4', port: 0, exec: false }],
      hostKeys: await loadOrCreateHostKeys(join(dir, 'host-keys'), ['BLT4']),
      users: [{ username: 'SYSTEM', publicKeys: [readFileSync(`${identity}.pub`, 'utf8')] }],
    });
    try {
      const result = await openssh({ ...ERA, HostKeyAlgorithms: 'ssh-dss' }, 'SHOW TIME', interactiveOnly.ports['BLT4']);
      expect(result.code).not.toBe(0);
      expect(result.stderr).toMatch(/exec request failed/);
      expect(result.stdout).not.toMatch(/AUG-2010/);
    } finally {
      await interactiveOnly.close();
    }
  });
});
