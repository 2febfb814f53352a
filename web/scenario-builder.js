// The playground's scenario settings and the scenario they make (docs/scenario-format.md):
// which operations the application performs, which variants run (completion inline or pending
// with a DPC, IRP / fast I/O / paging I/O, non-cached, memory pressure, Verifier off), and
// which other filters join the learner's in the stack.

export const LEARNER_FILTER = 'MyFilter';
export const LEARNER_SOURCE = 'driver.c';
export const LEARNER_ALTITUDE = '370000';
const FILE = '\\Documents\\report.txt';

/** Other filters a learner can add to the stack (web/filters/NAME.c). */
export const OTHER_FILTERS = [
  { id: 'passthrough', name: 'PassThrough', altitude: '385100', source: 'passthrough.c' },
  { id: 'auditor', name: 'Auditor', altitude: '320000', source: 'auditor.c' },
];

export const OPERATIONS = ['read', 'write', 'query_info', 'set_info', 'query_open'];
export const VARIANTS = ['inline', 'pending', 'fast_io', 'paging', 'noncached', 'pressure', 'verifier_off'];

/** The settings a new learner starts with. */
export function defaultSettings() {
  return {
    operations: { read: true, write: true, query_info: false, set_info: false, query_open: false },
    variants: { inline: true, pending: true, fast_io: false, paging: false, noncached: false, pressure: false, verifier_off: false },
    others: [],
  };
}

/** Settings read from storage or a link, with anything missing or unknown set to its default. */
export function normalizeSettings(value) {
  const base = defaultSettings();
  if (!value || typeof value !== 'object') return base;
  for (const op of OPERATIONS) if (typeof value.operations?.[op] === 'boolean') base.operations[op] = value.operations[op];
  for (const v of VARIANTS) if (typeof value.variants?.[v] === 'boolean') base.variants[v] = value.variants[v];
  if (Array.isArray(value.others)) base.others = value.others.filter((id) => OTHER_FILTERS.some((f) => f.id === id));
  if (!VARIANTS.some((v) => base.variants[v])) base.variants.inline = true;
  return base;
}

const PATCHES = {
  inline: { completion: 'inline' },
  pending: { completion: { mode: 'pending', delay: 20 } },
  fast_io: { io: 'fast_io' },
  paging: { io: 'paging', completion: { mode: 'pending', delay: 20 } },
  noncached: {},
  pressure: { memory: { pressure: true }, completion: { mode: 'pending', delay: 20 } },
  verifier_off: { verifier: false },
};

/** The scenario for `settings` (a fltplay-scenario, version 1). */
/** The application's operations; non-cached I/O opens with FILE_NO_INTERMEDIATE_BUFFERING and
 * moves whole sectors, as Windows requires. */
function operations(settings, noncached) {
  const ops = [{ op: 'create', path: FILE, access: 'GENERIC_READ|GENERIC_WRITE|SYNCHRONIZE', share: 'FILE_SHARE_READ' }];
  if (noncached) ops[0].options = 'FILE_SYNCHRONOUS_IO_NONALERT|FILE_NON_DIRECTORY_FILE|FILE_NO_INTERMEDIATE_BUFFERING';
  if (settings.operations.read) ops.push({ op: 'read', offset: 0, length: noncached ? 512 : 16 });
  if (settings.operations.write) ops.push(noncached ? { op: 'write', offset: 0, size: 512 } : { op: 'write', offset: 0, text: 'fltplay' });
  if (settings.operations.query_info) ops.push({ op: 'query_info', class: 'FileStandardInformation' });
  if (settings.operations.set_info) ops.push({ op: 'set_info', attributes: 'FILE_ATTRIBUTE_NORMAL' });
  ops.push({ op: 'close_handle' });
  if (settings.operations.query_open) ops.push({ op: 'query_open', path: FILE });
  return ops;
}

/** The scenario for `settings` (a fltplay-scenario, version 1). */
export function buildScenario(settings) {
  const ops = operations(settings, false);
  const files = [{ path: FILE, text: 'The quarterly report: nothing to see here, all numbers are up.\r\n' }];
  const filters = [{ name: LEARNER_FILTER, altitude: LEARNER_ALTITUDE, source: LEARNER_SOURCE }];
  for (const id of settings.others) {
    const other = OTHER_FILTERS.find((f) => f.id === id);
    if (other) filters.push({ name: other.name, altitude: other.altitude, source: other.source });
  }
  const variants = VARIANTS.filter((v) => settings.variants[v]).map((name) => {
    const patch = structuredClone(PATCHES[name]);
    if (name === 'noncached') {
      patch.files = [{ ...files[0], cached: false }];
      patch.threads = [{ name: 'app', process: 'app.exe', ops: operations(settings, true) }];
    }
    return { name, patch };
  });
  return { format: 'fltplay-scenario', version: 1, name: 'Playground', seed: 1, files, filters, threads: [{ name: 'app', process: 'app.exe', ops }], variants };
}
