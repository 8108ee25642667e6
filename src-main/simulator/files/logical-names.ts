/**
 * Logical names: tables searched in order (process, job, group, system), translation one level at
 * a time, and the display of SHOW LOGICAL, which follows a translation further only when the whole
 * equivalence string is itself a logical name (`"RDB1$DISK00" = "DISK$PROD_09:"` is followed;
 * `"LEASE_FILES" = "RDB1$DISK00:[LEASE_FILES]"` is not), as OpenVMS does.
 */
export interface LogicalName {
  name: string;
  values: string[];
  table: string;
  concealed: boolean;
  terminal: boolean;
  mode: 'super' | 'exec';
}

export class LogicalTable {
  private readonly names = new Map<string, LogicalName>();
  constructor(readonly name: string) {}

  define(name: string, values: string | string[], options: { concealed?: boolean; terminal?: boolean; mode?: 'super' | 'exec' } = {}): LogicalName {
    const logical: LogicalName = {
      name: name.toUpperCase(),
      values: Array.isArray(values) ? values : [values],
      table: this.name,
      concealed: options.concealed ?? false,
      terminal: options.terminal ?? false,
      mode: options.mode ?? 'super',
    };
    this.names.set(logical.name, logical);
    return logical;
  }

  get(name: string): LogicalName | undefined {
    return this.names.get(name.toUpperCase());
  }

  all(): LogicalName[] {
    return [...this.names.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }
}

/** Tables in search order (LNM$FILE_DEV). */
export class LogicalNameSpace {
  constructor(readonly tables: LogicalTable[]) {}

  translate(name: string): LogicalName | undefined {
    const key = name.toUpperCase().replace(/:$/, '');
    for (const table of this.tables) {
      const found = table.get(key);
      if (found !== undefined) return found;
    }
    return undefined;
  }

  /** Names matching a wildcard pattern, per table in search order. */
  matching(pattern: RegExp): LogicalName[] {
    return this.tables.flatMap((table) => table.all().filter((l) => pattern.test(l.name)));
  }

  /**
   * The lines of SHOW LOGICAL for one name: the name's own line, then, for each equivalence that is
   * wholly a logical name, that name's lines one level deeper.
   */
  showLines(logical: LogicalName, level = 0, seen: Set<string> = new Set()): string[] {
    const prefix = level === 0 ? '   ' : `${String(level)}  `;
    const [first, ...more] = logical.values;
    const lines = [`${prefix}"${logical.name}" = "${first ?? ''}" (${logical.table})`];
    for (const value of more) lines.push(`${' '.repeat(prefix.length + logical.name.length + 3)}= "${value}"`);
    if (level >= 9 || seen.has(logical.name)) return lines;
    const nextSeen = new Set(seen).add(logical.name);
    for (const value of logical.values) {
      const whole = /^([A-Z0-9$_]+):?$/.exec(value);
      if (whole === null) continue;
      const next = this.translate(whole[1] as string);
      if (next !== undefined) lines.push(...this.showLines(next, level + 1, nextSeen));
    }
    return lines;
  }
}
