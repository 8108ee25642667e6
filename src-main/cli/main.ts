import { parseArgs, type ParseArgsConfig } from 'node:util';
import { localDate, type Clock } from '../../shared/clock';
import { clockForNow } from '../app/arguments';
import { USAGE, UsageError } from './usage';
import type { FaultName, FaultRequest } from '../../shared/simulator-faults';
import { readFileSync } from 'node:fs';

type Options = NonNullable<ParseArgsConfig['options']>;

// The API's schemas bring zod, which takes longer to load than the whole console server needs to
// start listening: only the commands that check a value with them load them.
const schemas = () => import('../../shared/api');

function parse(args: string[], options: Options) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    // node's messages are long and name internals; keep the part that says what was wrong
    throw new UsageError(((error as Error).message.split('. ')[0] ?? 'bad arguments').replace(/^TypeError \[[A-Z_]+\]: /, ''));
  }
}

function check<T>(
  schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: { issues: { message: string }[] } } },
  value: unknown,
  what: string,
): T {
  const result = schema.safeParse(value);
  if (!result.success) throw new UsageError(`${what} ${JSON.stringify(value)} ${result.error.issues[0]?.message ?? 'is not valid'}`);
  return result.data;
}

/** `--fault NAME` or `--fault NAME=VALUE` (queue-stopped=QUEUE, slow-link=MS, tape-not-initialized=SLOT, tape-missing=SLOT). */
function parseFaultOption(option: string, faultNames: readonly FaultName[]): FaultRequest {
  const [name, value] = option.split('=', 2) as [string, string | undefined];
  if (!(faultNames as readonly string[]).includes(name)) throw new UsageError(`unknown fault ${JSON.stringify(name)}; faults: ${faultNames.join(', ')}`);
  const fault = name as FaultName;
  if (fault === 'queue-stopped') {
    if (!value || !/^[A-Z0-9$_]{1,31}$/.test(value)) throw new UsageError('--fault queue-stopped=QUEUE names the queue to stop');
    return { fault, on: true, queue: value };
  }
  if (fault === 'slow-link' || fault === 'tape-not-initialized' || fault === 'tape-missing') {
    if (value !== undefined && !/^\d{1,5}$/.test(value)) throw new UsageError(`--fault ${fault}=N takes a whole number`);
    if (fault !== 'slow-link' && value !== undefined && (Number(value) < 1 || Number(value) > 16)) {
      throw new UsageError(`--fault ${fault}=SLOT is a magazine slot, from 1 to 16`);
    }
    return fault === 'slow-link' ? { fault, on: true, ...(value ? { delayMs: Number(value) } : {}) } : { fault, on: true, ...(value ? { slot: Number(value) } : {}) };
  }
  if (value !== undefined) throw new UsageError(`--fault ${fault} takes no value`);
  return { fault, on: true };
}

const positiveInt = (value: string | undefined, what: string, max: number): number | undefined => {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > max)
    throw new UsageError(`${what} must be a whole number from 1 to ${max}, not ${JSON.stringify(value)}`);
  return Number(value);
};

/**
 * The `tapeops` command line; returns the exit code (0 done, 1 the thing checked failed, 2 bad input).
 * Each command's module is imported only once its arguments are checked, so a command loads only
 * what it uses (`labels` neither SSH nor SQLite nor the simulator) and bad input answers at once.
 */
export async function main(argv: string[], out = process.stdout, err = process.stderr): Promise<number> {
  // `tapeops --site FILE <command>` names the profile for the whole run, as the Electron app takes it
  const leadingSite = argv[0] === '--site' ? argv.slice(0, 2) : argv[0]?.startsWith('--site=') ? argv.slice(0, 1) : [];
  const [command, ...afterCommand] = argv.slice(leadingSite.length);
  const rest = command === 'site' ? afterCommand : [...afterCommand, ...leadingSite];
  try {
    switch (command) {
      case 'today': {
        const { values, positionals } = parse(rest, { date: { type: 'string' }, json: { type: 'boolean' }, site: { type: 'string' }, now: { type: 'string' } });
        if (positionals.length) throw new UsageError(`today takes no argument ${JSON.stringify(positionals[0])}; use --date YYYY-MM-DD`);
        const clock = nowOption(values.now as string | undefined);
        const date = values.date === undefined ? localDate(clock.now()) : check((await schemas()).isoDateSchema, values.date, 'date');
        const { runToday } = await import('./today-command');
        out.write(runToday({ date, json: values.json === true, siteFile: values.site as string | undefined }));
        return 0;
      }
      case 'calendar': {
        const { values, positionals } = parse(rest, {
          json: { type: 'boolean' },
          site: { type: 'string' },
          ics: { type: 'string' },
          months: { type: 'string' },
          daily: { type: 'boolean' },
        });
        if (positionals.length !== 1) throw new UsageError('calendar needs one month, such as: tapeops calendar 2010-08');
        const month = check((await schemas()).monthSchema, positionals[0], 'month');
        if (values.months !== undefined && values.ics === undefined) throw new UsageError('--months goes with --ics FILE: the months to export');
        if (values.daily === true && values.ics === undefined) throw new UsageError('--daily goes with --ics FILE: an event for each daily backup day');
        const months = positiveInt(values.months as string | undefined, '--months', 24) ?? 1;
        const { runCalendar } = await import('./calendar-command');
        out.write(
          runCalendar({
            month,
            months,
            json: values.json === true,
            ics: values.ics as string | undefined,
            siteFile: values.site as string | undefined,
            dailyEvents: values.daily === true,
          }),
        );
        return 0;
      }
      case 'site': {
        const { positionals } = parse(rest, {});
        if (positionals[0] !== 'check' || positionals.length !== 2) throw new UsageError('use: tapeops site check FILE');
        const { runSiteCheck } = await import('./site-command');
        const result = runSiteCheck(positionals[1] as string);
        (result.exitCode === 0 ? out : err).write(result.lines.map((line) => `${line}\n`).join(''));
        return result.exitCode;
      }
      case 'submit': {
        const { values, positionals } = parse(rest, {
          param: { type: 'string', multiple: true },
          'dry-run': { type: 'boolean' },
          site: { type: 'string' },
          as: { type: 'string' },
          'data-dir': { type: 'string' },
          now: { type: 'string' },
        });
        if (positionals.length !== 1) throw new UsageError('submit needs the name of one job of the site profile: tapeops submit JOB [--param VALUE]... --dry-run');
        const job = positionals[0] as string;
        const parameters = values.param as string[] | undefined;
        const siteFile = values.site as string | undefined;
        const { runSubmitDryRun, runSubmitSend } = await import('./submit-command');
        if (values['dry-run'] === true) {
          out.write(runSubmitDryRun({ job, parameters, siteFile }));
          return 0;
        }
        if (values.as === undefined) throw new UsageError('submit sends the job only with --as INITIALS (who submits it); --dry-run prints the command instead');
        const as = check((await schemas()).initialsSchema, values.as, '--as');
        const password = process.env.TAPEOPS_PASSWORD;
        if (!password) throw new UsageError("set TAPEOPS_PASSWORD to the job's host password (it is not stored), or add --dry-run");
        const clock = nowOption(values.now as string | undefined);
        return runSubmitSend({ job, parameters, siteFile, as, password, dataDir: values['data-dir'] as string | undefined, clock }, out);
      }
      case 'parse': {
        const { positionals } = parse(rest, {});
        if (positionals.length < 1 || positionals.length > 2) throw new UsageError('use: tapeops parse KIND [FILE] (standard input when no file)');
        const { runParse } = await import('./parse-command');
        const result = runParse(positionals[0] as string, positionals[1], () => readFileSync(0, 'latin1'));
        out.write(result.stdout);
        err.write(result.stderr);
        return result.exitCode;
      }
      case 'labels': {
        const { values, positionals } = parse(rest, {
          date: { type: 'string' },
          set: { type: 'string' },
          stock: { type: 'string' },
          format: { type: 'string' },
          out: { type: 'string' },
          cartridges: { type: 'string' },
          site: { type: 'string' },
        });
        if (positionals.length) throw new UsageError(`labels takes no argument ${JSON.stringify(positionals[0])}; use --date YYYY-MM-DD or --cartridges FROM..TO`);
        const date = values.date === undefined ? undefined : check((await schemas()).isoDateSchema, values.date, '--date');
        const { runLabels } = await import('./labels-command');
        return await runLabels({ ...(values as Record<string, string | undefined>), date }, out);
      }
      case 'simulate': {
        const { values, positionals } = parse(rest, {
          port: { type: 'string' },
          'time-scale': { type: 'string' },
          stdio: { type: 'boolean' },
          host: { type: 'string' },
          site: { type: 'string' },
          'data-dir': { type: 'string' },
          fault: { type: 'string', multiple: true },
          socket: { type: 'string' },
          attach: { type: 'string' },
          hands: { type: 'boolean' },
          now: { type: 'string' },
        });
        if (values.attach !== undefined && values.stdio !== true) throw new UsageError('--attach SOCKET joins standard input and output to a site: use it with --stdio');
        if (values.socket !== undefined && (values.stdio === true || values.port !== undefined)) {
          throw new UsageError('--socket PATH serves sessions on a Unix socket instead of SSH: leave out --stdio and --port');
        }
        if (positionals.length) throw new UsageError(`simulate takes no argument ${JSON.stringify(positionals[0])}`);
        const { FAULT_NAMES } = await import('../../shared/simulator-faults');
        const faults = ((values.fault as string[] | undefined) ?? []).map((option) => parseFaultOption(option, FAULT_NAMES));
        const port = values.port === '0' ? 0 : positiveInt(values.port as string | undefined, '--port', 65535);
        const scale = timeScaleOption(values['time-scale'] as string | undefined);
        const { runSimulateCommand } = await import('./simulate-command');
        return runSimulateCommand(
          {
            port,
            secondsPerSimulatedHour: scale,
            stdio: values.stdio === true,
            host: values.host as string | undefined,
            siteFile: values.site as string | undefined,
            dataDir: values['data-dir'] as string | undefined,
            faults,
            socket: values.socket as string | undefined,
            attach: values.attach as string | undefined,
            hands: values.hands === true,
            clock: nowOption(values.now as string | undefined),
          },
          out,
          err,
        );
      }
      case 'preflight': {
        const { values, positionals } = parse(rest, {
          date: { type: 'string' },
          simulate: { type: 'boolean' },
          fault: { type: 'string', multiple: true },
          'data-dir': { type: 'string' },
          json: { type: 'boolean' },
          site: { type: 'string' },
          now: { type: 'string' },
        });
        if (positionals.length) throw new UsageError(`preflight takes no argument ${JSON.stringify(positionals[0])}; use --date YYYY-MM-DD`);
        const faultOptions = (values.fault as string[] | undefined) ?? [];
        if (faultOptions.length > 0 && values.simulate !== true) throw new UsageError('--fault goes with --simulate: faults are made on the simulated site');
        const { FAULT_NAMES } = await import('../../shared/simulator-faults');
        const faults = faultOptions.map((option) => parseFaultOption(option, FAULT_NAMES));
        const clock = nowOption(values.now as string | undefined);
        const date = values.date === undefined ? localDate(clock.now()) : check((await schemas()).isoDateSchema, values.date, '--date');
        const simulate = values.simulate === true;
        const password = process.env.TAPEOPS_PASSWORD;
        if (!simulate && !password) throw new UsageError("set TAPEOPS_PASSWORD to the hosts' password (it is not stored), or add --simulate");
        const { runPreflight } = await import('./preflight-command');
        return runPreflight(
          {
            date,
            simulate,
            faults,
            json: values.json === true,
            clock,
            siteFile: values.site as string | undefined,
            dataDir: values['data-dir'] as string | undefined,
            ...(password ? { password } : {}),
          },
          out,
        );
      }
      case 'console': {
        const { values, positionals } = parse(rest, {
          port: { type: 'string' },
          site: { type: 'string' },
          'data-dir': { type: 'string' },
          'no-build': { type: 'boolean' },
          live: { type: 'boolean' },
          'time-scale': { type: 'string' },
          now: { type: 'string' },
        });
        if (positionals.length) throw new UsageError(`console takes no argument ${JSON.stringify(positionals[0])}`);
        const port = values.port === '0' ? 0 : positiveInt(values.port as string | undefined, '--port', 65535);
        const consoleScale = timeScaleOption(values['time-scale'] as string | undefined);
        const { runConsoleCommand } = await import('./console-command');
        await runConsoleCommand(
          {
            port,
            siteFile: values.site as string | undefined,
            dataDir: values['data-dir'] as string | undefined,
            build: values['no-build'] !== true,
            live: values.live === true,
            clock: nowOption(values.now as string | undefined),
            ...(consoleScale === undefined ? {} : { secondsPerSimulatedHour: consoleScale }),
          },
          out,
        );
        return 0;
      }
      case undefined:
        err.write(USAGE);
        return 2;
      case 'help':
      case '--help':
      case '-h':
        out.write(USAGE);
        return 0;
      default:
        throw new UsageError(`unknown command ${JSON.stringify(command)}; try: tapeops --help`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      err.write(`tapeops: ${error.message}\n`);
      return 2;
    }
    err.write(`tapeops: ${(error as Error).message}\n`);
    return 1;
  }
}

/** --now: the clock of a command starts at this local time and runs on from there. */
function nowOption(value: string | undefined): Clock {
  const asked = clockForNow(value);
  if ('problem' in asked) throw new UsageError(asked.problem);
  return asked.clock;
}

/** --time-scale: the real seconds one simulated hour takes, a positive number. */
function timeScaleOption(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!(/^\d+(\.\d+)?$/.test(value) && Number(value) > 0)) {
    throw new UsageError(`--time-scale is the real seconds one simulated hour takes, a positive number, not ${JSON.stringify(value)}`);
  }
  return Number(value);
}
