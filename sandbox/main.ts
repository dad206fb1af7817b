import { parseArgs } from 'node:util';
import { startSandbox } from './app';
import { corsWarnings, parseCorsOrigin } from './http/cors';
import { parseOrigin } from './http/origins';
import { DEFAULT_MAX_EVENTS } from './trail/event-log';

const USAGE = `Usage: npm run sandbox -- [--port 4566] [--host 127.0.0.1] [--state-dir DIR | --memory]
                        [--console DIR] [--session-ttl SECONDS] [--max-events N] [--quiet]
                        [--cors-origin ORIGIN]... [--cors-private-network] [--connect-src ORIGIN]...
  --max-events N          the event history's size bound (default ${DEFAULT_MAX_EVENTS}; oldest go first)
  --cors-origin ORIGIN    also answer browsers on ORIGIN (e.g. http://localhost:5173 for npm run dev);
                          repeatable; '*' answers every origin. The console served here always may.
  --cors-private-network  let those origins reach this machine from a public page (Private Network Access)
  --connect-src ORIGIN    let the console served here call ORIGIN too (its CSP already allows this
                          origin, AWS endpoints and http://localhost / http://127.0.0.1 on any port)
  --skip-authorization    benchmarks only: every signed caller may do anything
  --skip-event-history    benchmarks only: record no events`;

function fail(message: string): never {
  console.error(`${message}\n${USAGE}`);
  process.exit(2);
}

function parseCli() {
  try {
    const { values } = parseArgs({
      options: {
        port: { type: 'string', default: '4566' },
        host: { type: 'string', default: '127.0.0.1' },
        'state-dir': { type: 'string', default: '.sandbox-state' },
        memory: { type: 'boolean', default: false },
        console: { type: 'string' },
        'session-ttl': { type: 'string', default: '3600' },
        quiet: { type: 'boolean', default: false },
        'max-events': { type: 'string', default: String(DEFAULT_MAX_EVENTS) },
        'cors-origin': { type: 'string', multiple: true, default: [] },
        'cors-private-network': { type: 'boolean', default: false },
        'connect-src': { type: 'string', multiple: true, default: [] },
        'skip-authorization': { type: 'boolean', default: false },
        'skip-event-history': { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
      strict: true,
    });
    return values;
  } catch (error) {
    fail((error as Error).message);
  }
}

const args = parseCli();
if (args.help) {
  console.log(USAGE);
  process.exit(0);
}
const port = Number(args.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  fail(`--port must be an integer from 0 to 65535, not '${args.port}'.`);
}
const sessionTtlSeconds = Number(args['session-ttl']);
if (!Number.isInteger(sessionTtlSeconds) || sessionTtlSeconds < 1) {
  fail(`--session-ttl must be a positive number of seconds, not '${args['session-ttl']}'.`);
}
const maxEvents = Number(args['max-events']);
if (!Number.isInteger(maxEvents) || maxEvents < 1) {
  fail(`--max-events must be a positive whole number of events, not '${args['max-events']}'.`);
}

function parseAll(values: string[], parse: (value: string) => string): string[] {
  try {
    return values.map(parse);
  } catch (error) {
    fail((error as Error).message);
  }
}
const corsOrigins = parseAll(args['cors-origin'], parseCorsOrigin);
const connectSources = parseAll(args['connect-src'], (value) =>
  parseOrigin('--connect-src', value),
);
const cors = { origins: corsOrigins, allowPrivateNetwork: args['cors-private-network'] };
for (const warning of corsWarnings(cors)) console.warn(warning);

try {
  const sandbox = await startSandbox({
    port,
    host: args.host,
    stateDir: args['state-dir'],
    memory: args.memory,
    consoleDir: args.console,
    corsOrigins,
    corsPrivateNetwork: cors.allowPrivateNetwork,
    connectSources,
    sessionTtlSeconds,
    log: args.quiet ? undefined : (line) => console.log(line),
    authorization: !args['skip-authorization'],
    eventHistory: !args['skip-event-history'],
    maxEvents,
  });
  const state = args.memory ? 'in memory' : `in ${args['state-dir']}`;
  console.log(`KMS sandbox ready at ${sandbox.url} (state ${state})`);
  const stop = () => {
    void sandbox.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (error) {
  const err = error as NodeJS.ErrnoException;
  if (err.code === 'EADDRINUSE') fail(`Port ${port} is already in use; pick another with --port.`);
  console.error(`The sandbox could not start: ${err.message}`);
  process.exit(1);
}
