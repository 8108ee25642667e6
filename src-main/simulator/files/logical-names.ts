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
   * wholly a logical name, that name's lines one level deeper. A terminal name is not followed
   * (iteration stops at it, as translation does). With `full` (SHOW LOGICAL/FULL) the name's
   * access mode follows it and the equivalence's attributes follow the string.
   */
  showLines(logical: LogicalName, full = false, level = 0, seen: Set<string> = new Set()): string[] {
    const prefix = level === 0 ? '   ' : `${String(level)}  `;
    const [first, ...more] = logical.values;
    const mode = full ? ` [${logical.mode}]` : '';
    const attributes = full ? attributeText(logical) : '';
    const lines = [`${prefix}"${logical.name}"${mode} = "${first ?? ''}"${attributes} (${logical.table})`];
    // a search list's further strings, under the first, eight blanks in
    for (const value of more) lines.push(`        = "${value}"`);
    if (logical.terminal || level >= 9 || seen.has(logical.name)) return lines;
    const nextSeen = new Set(seen).add(logical.name);
    for (const value of logical.values) {
      const whole = /^([A-Z0-9$_]+):?$/.exec(value);
      if (whole === null) continue;
      const next = this.translate(whole[1] as string);
      if (next !== undefined) lines.push(...this.showLines(next, full, level + 1, nextSeen));
    }
    return lines;
  }
}

/** ` [concealed,terminal]`, or '' for a name with neither attribute. */
export function attributeText(logical: LogicalName): string {
  const names = [logical.concealed ? 'concealed' : '', logical.terminal ? 'terminal' : ''].filter((name) => name !== '');
  return names.length === 0 ? '' : ` [${names.join(',')}]`;
}
