'use strict';
// The WebAssembly build under Node: a contract loaded from text, a ticket judged,
// business time on a DST calendar (the embedded tz database), diagnostics with
// line:col. The expected answers are the native CLI's (`sla time ... add`, `sla
// eval --format jsonl`); with SLA_CLI set to a native `sla`, the test also asks it
// afresh, so the two builds are held to each other rather than to a copy.
// SLA_WASM_PACKAGE: the built package folder (build-wasm/node); SLA_ROOT: the repository.
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('fs');
const path = require('path');
const {execFileSync} = require('child_process');

const root = process.env.SLA_ROOT || path.join(__dirname, '..', '..');
const pkg = process.env.SLA_WASM_PACKAGE || path.join(root, 'build-wasm', 'node');
const contractText = (name) => fs.readFileSync(path.join(root, 'contracts', name), 'utf8');

// The native CLI's answer, when one is at hand.
function native(args, input) {
  if (!process.env.SLA_CLI) return null;
  // stderr piped: its notes (a holiday set's years) are not the test's output.
  return execFileSync(process.env.SLA_CLI, args, {cwd: root, input, encoding: 'utf8', stdio: 'pipe'});
}

let sla;
test.before(async () => {
  sla = await require(path.join(pkg, 'sla.js')).load();
});

test('the module reports the library version', () => {
  const top = fs.readFileSync(path.join(root, 'CMakeLists.txt'), 'utf8');
  assert.equal(sla.version, top.match(/project\(sla VERSION ([0-9.]+)/)[1]);
});

test('qiscus-enterprise: a Critical ticket judged as the CLI judges it', () => {
  const contract = sla.loadContract(contractText('qiscus-enterprise.sla'), 'qiscus-enterprise.sla');
  assert.equal(contract.name, 'Qiscus Enterprise Support');
  assert.deepEqual(contract.packages, ['basic', 'premium']);
  assert.deepEqual(contract.priorities, ['Low', 'Normal', 'High', 'Critical']);
  const ev = contract.evaluator('premium');
  contract.free(); // the evaluator keeps it alive
  const ticket = {priority: 'Critical', created_at: '2026-01-09T16:30:00+07:00'};
  const asOf = '2026-01-09T17:30:00+07:00';
  const r = ev.evaluate(ticket, asOf);
  const expected = {
    response_due: '2026-01-12T09:30:00+07:00', response_status: 'pending',
    resolution_due: '2026-01-10T00:30:00+07:00', resolution_status: 'pending',
    escalation: 'Technical Support',
  };
  const cli = native(['eval', 'contracts/qiscus-enterprise.sla', '--package', 'premium', '--as-of', asOf,
                      '--format', 'jsonl', '-'], JSON.stringify({id: 't1', ...ticket}) + '\n');
  for (const want of cli ? [expected, JSON.parse(cli)] : [expected]) {
    assert.equal(r.response.due, want.response_due);
    assert.equal(r.response.status, want.response_status);
    assert.equal(r.resolution.due, want.resolution_due);
    assert.equal(r.resolution.status, want.resolution_status);
    assert.equal(r.escalation.role, want.escalation);
  }
  assert.equal(r.response.committed, true);
  assert.equal(r.restoration.status, 'no_target');
  assert.match(ev.explain(ticket, asOf), /The response is due Monday 2026-01-12T09:30:00\+07:00/);
  // The same instant as Unix seconds.
  assert.deepEqual(ev.evaluate({...ticket, created_at: 1767951000}, asOf), r);
  ev.free();
});

test('qiscus-enterprise: 4 business hours over a weekend, as `sla time add`', () => {
  const contract = sla.loadContract(contractText('qiscus-enterprise.sla'), 'qiscus-enterprise.sla');
  const ev = contract.evaluator('premium');
  const from = '2026-01-09T16:30:00+07:00';
  const cli = native(['time', 'contracts/qiscus-enterprise.sla', '--package', 'premium', '--format', 'json',
                      'add', from, '4 business hours']);
  const got = ev.addBusinessTime(from, 4 * 3600);
  assert.equal(got, '2026-01-12T12:30:00+07:00');
  if (cli) assert.equal(got, JSON.parse(cli).deadline);
  assert.equal(ev.subtractBusinessTime(got, 4 * 3600), from);
  assert.equal(ev.businessSecondsBetween(from, got), 4 * 3600);
  ev.free();
  contract.free();
});

test('Europe/Berlin across the spring-forward weekend (tz data inside the module)', () => {
  const contract = sla.loadContract(contractText('berlin-split-shift.sla'), 'berlin-split-shift.sla');
  const ev = contract.evaluator('standard');
  // Friday 16:00 CET + 4 business hours: 2 on Friday, 2 on Monday 09:00-11:00 CEST.
  const from = '2026-03-27T16:00:00';
  const cli = native(['time', 'contracts/berlin-split-shift.sla', '--package', 'standard', '--format', 'json',
                      'add', from, '4 business hours']);
  const got = ev.addBusinessTime(from, 4 * 3600);
  assert.equal(got, '2026-03-30T11:00:00+02:00');
  if (cli) assert.equal(got, JSON.parse(cli).deadline);
  // Local times read in the zone: +01:00 before the change, +02:00 after.
  assert.deepEqual(ev.openAt('2026-03-27T17:30:00'), {open: true, nextOpening: '2026-03-27T17:30:00+01:00'});
  assert.deepEqual(ev.openAt('2026-03-29T12:00:00'), {open: false, nextOpening: '2026-03-30T09:00:00+02:00'});
  const r = ev.evaluate({priority: 'P1', created_at: '2026-03-27T17:30:00'}, '2026-03-30T12:00:00');
  assert.equal(r.response.due, '2026-03-30T09:30:00+02:00');
  assert.equal(r.response.status, 'breached');
  assert.equal(r.resolution.due, '2026-03-30T17:30:00+02:00');
  ev.free();
  contract.free();
});

test('a bad contract: SlaError with each diagnostic at its line and column', () => {
  const text = 'contract "x" {\n  provider 12\n}\nfoo bar\n';
  assert.throws(() => sla.loadContract(text, 'bad.sla'), (e) => {
    assert.ok(e instanceof sla.SlaError);
    assert.equal(e.status, 'contract');
    assert.match(e.message, /^bad\.sla:2:12: error\[SLA001\]: expected a string in double quotes/m);
    assert.deepEqual(e.diagnostics.map((d) => [d.code, d.severity, d.line, d.column]),
                     [['SLA001', 'error', 2, 12], ['SLA002', 'error', 4, 1]]);
    return true;
  });
});

test('errors of selection, ticket and argument come back as SlaError', () => {
  const contract = sla.loadContract(contractText('qiscus-enterprise.sla'), 'qiscus-enterprise.sla');
  assert.throws(() => contract.evaluator('premum'),
                {name: 'SlaError', status: 'selection', message: /did you mean 'premium'/});
  assert.throws(() => contract.evaluator('premium', ['nope']), {name: 'SlaError', status: 'selection'});
  const ev = contract.evaluator('premium', ['dedicated_24x7']);
  const at = '2026-01-09T17:30:00+07:00';
  assert.throws(() => ev.evaluate({priority: 'Urgent', created_at: at}, at),
                {status: 'ticket', message: 'unknown priority'});
  assert.throws(() => ev.evaluate({priority: 'Critical', created_at: 'yesterday'}, at),
                {status: 'argument', message: /created_at: not an RFC 3339 time/});
  assert.throws(() => ev.evaluate({priority: 'Critical'}, at), {status: 'argument', message: /created_at/});
  assert.throws(() => ev.addBusinessTime(at, 1.5), {status: 'argument'});
  ev.free();
  assert.throws(() => ev.evaluate({priority: 'Critical', created_at: at}, at), /freed/);
  contract.free();
  assert.throws(() => contract.evaluator('premium'), /freed/);
});

test('an unknown zone is a contract error, a known one is found', () => {
  const calendar = (zone) => `calendar c "C" {\n  zone "${zone}"\n  open Mon-Fri 09:00-17:00\n}\n`;
  assert.throws(() => sla.loadContract(calendar('Mars/Olympus_Mons'), 'z.sla'),
                {status: 'contract', message: /z\.sla:2:\d+: .*Mars\/Olympus_Mons/});
  sla.loadContract(calendar('America/Argentina/Buenos_Aires'), 'z.sla').free();
});

// Time text after 2038-01-19T03:14:07Z (and before 1901-12-13) once overflowed
// where `long` is 32 bits, as on wasm32: 2040-01-09 read as 1903. The expected
// answers are hand-counted on office_hours (Mon-Fri 09:00-17:00 +07:00; the
// holiday set covers 2020-2027, so none fall on these days) and, with SLA_CLI,
// the native CLI's too.
// Critical: 1 business hour to respond (30 min on the day, 30 the next open day),
// 8 calendar hours to resolve.
for (const {label, from, due, responseDue, resolutionDue} of [
  // Monday 16:30: 30 min on Monday, 3 h 30 on Tuesday.
  {label: '2040', from: '2040-01-09T16:30:00+07:00', due: '2040-01-10T12:30:00+07:00',
   responseDue: '2040-01-10T09:30:00+07:00', resolutionDue: '2040-01-10T00:30:00+07:00'},
  // Friday 16:30 (2100 is not a leap year): 30 min on Friday, 3 h 30 on Monday.
  {label: '2100', from: '2100-01-08T16:30:00+07:00', due: '2100-01-11T12:30:00+07:00',
   responseDue: '2100-01-11T09:30:00+07:00', resolutionDue: '2100-01-09T00:30:00+07:00'},
]) {
  test(`qiscus-enterprise: business time and a ticket in ${label}`, () => {
    const contract = sla.loadContract(contractText('qiscus-enterprise.sla'), 'qiscus-enterprise.sla');
    const ev = contract.evaluator('premium');
    const time = (...args) => native(['time', 'contracts/qiscus-enterprise.sla', '--package', 'premium',
                                      '--format', 'json', ...args]);
    const got = ev.addBusinessTime(from, 4 * 3600);
    assert.equal(got, due);
    assert.equal(ev.subtractBusinessTime(due, 4 * 3600), from);
    assert.equal(ev.businessSecondsBetween(from, due), 4 * 3600);
    const cli = time('add', from, '4 business hours');
    if (cli) {
      assert.equal(got, JSON.parse(cli).deadline);
      assert.equal(ev.subtractBusinessTime(due, 4 * 3600), JSON.parse(time('sub', due, '4 business hours')).start);
      assert.equal(ev.businessSecondsBetween(from, due), JSON.parse(time('between', from, due)).seconds);
    }
    const ticket = {priority: 'Critical', created_at: from};
    const asOf = from.replace('16:30', '17:30');
    const r = ev.evaluate(ticket, asOf);
    const expected = {response_due: responseDue, response_status: 'pending',
                      resolution_due: resolutionDue, resolution_status: 'pending'};
    const evalCli = native(['eval', 'contracts/qiscus-enterprise.sla', '--package', 'premium', '--as-of', asOf,
                            '--format', 'jsonl', '-'], JSON.stringify({id: 't1', ...ticket}) + '\n');
    for (const want of evalCli ? [expected, JSON.parse(evalCli)] : [expected]) {
      assert.equal(r.response.due, want.response_due);
      assert.equal(r.response.status, want.response_status);
      assert.equal(r.resolution.due, want.resolution_due);
      assert.equal(r.resolution.status, want.resolution_status);
    }
    ev.free();
    contract.free();
  });
}

test('Europe/Berlin in 1901, before the 32-bit floor of 1901-12-13', () => {
  const contract = sla.loadContract(contractText('berlin-split-shift.sla'), 'berlin-split-shift.sla');
  const ev = contract.evaluator('standard');
  // Monday 16:00 CET + 4 business hours: 2 on Monday, 2 on Tuesday 09:00-11:00.
  const from = '1901-06-03T16:00:00+01:00';
  const got = ev.addBusinessTime(from, 4 * 3600);
  assert.equal(got, '1901-06-04T11:00:00+01:00');
  const cli = native(['time', 'contracts/berlin-split-shift.sla', '--package', 'standard', '--format', 'json',
                      'add', from, '4 business hours']);
  if (cli) assert.equal(got, JSON.parse(cli).deadline);
  ev.free();
  contract.free();
});

test('a NUL byte in a contract is refused (SLA003), not the end of the text', () => {
  const text = contractText('qiscus-enterprise.sla') + '\0' + 'garbage {{{ "';
  assert.throws(() => sla.loadContract(text, 'nul.sla'), (e) => {
    assert.ok(e instanceof sla.SlaError);
    assert.equal(e.status, 'contract');
    assert.ok(e.diagnostics.some((d) => d.code === 'SLA003' && /a NUL byte/.test(d.message)), e.message);
    return true;
  });
});

test('asOf defaults to now', () => {
  const contract = sla.loadContract(contractText('qiscus-enterprise.sla'), 'qiscus-enterprise.sla');
  const ev = contract.evaluator('premium');
  const ticket = {priority: 'Critical', created_at: '2026-01-09T16:30:00+07:00'};
  const before = Math.floor(Date.now() / 1000);
  const got = ev.evaluate(ticket);
  const after = Math.floor(Date.now() / 1000);
  // Equal to the answer as of one of the seconds the call could have taken place in.
  const candidates = [];
  for (let t = before; t <= after; ++t) candidates.push(JSON.stringify(ev.evaluate(ticket, t)));
  assert.ok(candidates.includes(JSON.stringify(got)));
  assert.deepEqual(ev.evaluate(ticket, null).response, got.response);
  assert.match(ev.explain(ticket), /The response is due Monday 2026-01-12T09:30:00\+07:00/);
  ev.free();
  contract.free();
});

test('a missing or mistyped argument is SlaError "argument" naming it, not a TypeError', () => {
  const text = contractText('qiscus-enterprise.sla');
  const contract = sla.loadContract(text, 'qiscus-enterprise.sla');
  const ev = contract.evaluator('premium');
  const at = '2026-01-09T16:30:00+07:00';
  const argument = (message) => (e) => {
    assert.ok(e instanceof sla.SlaError, `${e.name}: ${e.message}`);
    assert.equal(e.status, 'argument');
    assert.match(e.message, message);
    return true;
  };
  assert.throws(() => sla.loadContract(undefined), argument(/^text: missing/));
  assert.throws(() => sla.loadContract(42), argument(/^text: not a string/));
  assert.throws(() => sla.loadContract(text, 42), argument(/^name: not a string/));
  assert.throws(() => contract.evaluator(), argument(/^package: missing/));
  assert.throws(() => contract.evaluator(['premium']), argument(/^package: not a string/));
  assert.throws(() => ev.evaluate(), argument(/^ticket: missing/));
  assert.throws(() => ev.evaluate('Critical', at), argument(/^ticket: not an object/));
  assert.throws(() => ev.explain(), argument(/^ticket: missing/));
  assert.throws(() => ev.evaluate({priority: 'Critical', created_at: at}, 'yesterday'),
                argument(/^asOf: not an RFC 3339 time/));
  assert.throws(() => ev.evaluate({priority: 'Critical', created_at: at}, {}), argument(/^asOf: not a time/));
  assert.throws(() => ev.addBusinessTime(), argument(/^from: missing/));
  assert.throws(() => ev.addBusinessTime(at), argument(/^seconds: missing/));
  assert.throws(() => ev.addBusinessTime(at, '1h'), argument(/^seconds: not an integer/));
  assert.throws(() => ev.subtractBusinessTime(undefined, 3600), argument(/^to: missing/));
  assert.throws(() => ev.businessSecondsBetween(at), argument(/^to: missing/));
  assert.throws(() => ev.openAt(), argument(/^at: missing/));
  ev.free();
  contract.free();
});

test('errors say what is wrong in words', () => {
  const contract = sla.loadContract(contractText('qiscus-enterprise.sla'), 'qiscus-enterprise.sla');
  const ev = contract.evaluator('premium');
  const at = '2026-01-09T16:30:00+07:00';
  const asOf = '2026-01-09T17:30:00+07:00';
  // explain gives the reason evaluate gives.
  for (const [ticket, message] of [
    [{priority: 'Urgent', created_at: at}, 'unknown priority'],
    [{priority: 'Critical', created_at: at, first_response_at: '2026-01-09T16:00:00+07:00'},
     'first response before creation'],
  ]) {
    assert.throws(() => ev.evaluate(ticket, asOf), {status: 'ticket', message});
    assert.throws(() => ev.explain(ticket, asOf), {status: 'ticket', message});
  }
  assert.throws(() => ev.addBusinessTime(at, -3600),
                {status: 'argument', message: 'seconds: -3600; a duration must be 0 or more seconds'});
  assert.throws(() => ev.subtractBusinessTime(at, -1), {status: 'argument', message: /0 or more seconds/});
  assert.throws(() => ev.addBusinessTime(at, 1e15),
                {status: 'range', message: /^add: the result is outside the years supported \(1901-2398\)/});
  assert.throws(() => ev.addBusinessTime(at, 2 ** 63),
                {status: 'range', message: /^seconds: 922337203685477\d+ is too large$/});
  assert.throws(() => ev.subtractBusinessTime(at, 1e15),
                {status: 'range', message: /^sub: the result is outside the years supported \(1901-2398\)/});
  assert.throws(() => ev.openAt('1800-01-01T00:00:00Z'),
                {status: 'range', message: 'at: "1800-01-01T00:00:00Z" is outside the years supported (1901-2398)'});
  assert.throws(() => ev.openAt(-3e9),
                {status: 'range', message: 'at: -3000000000 (Unix seconds) is outside the years supported (1901-2398)'});
  // Past INT64_MAX: not wrapped around to a negative number of seconds.
  assert.throws(() => ev.businessSecondsBetween(at, 2 ** 63),
                {status: 'range', message: /^to: 922337203685477\d+ \(Unix seconds\) is outside the years supported/});
  const shape = (ticket, message) =>
    assert.throws(() => ev.evaluate({priority: 'Critical', created_at: at, ...ticket}, asOf), (e) => {
      assert.equal(e.status, 'argument');
      assert.equal(e.message, message);
      return true;
    });
  const events = 'events: a list of objects {at, status} | {at, priority} | {at, update}';
  shape({events: ['x']}, events);
  shape({events: 'x'}, events);
  shape({events: [{at, nothing: 1}]}, 'events[0]: needs status, priority or update');
  shape({events: [{status: 'open'}]},
        'events[0].at: missing; expected RFC 3339 text (2026-01-09T16:30:00+07:00) or Unix seconds');
  shape({updates: 'x'}, 'updates: a list of times (RFC 3339 text or Unix seconds)');
  shape({attributes: ['phone']}, "attributes: an object of attribute names and values ({channel: 'phone'})");
  shape({attributes: {channel: 1}}, 'attributes.channel: not a string');
  for (const addons of ['dedicated_24x7', [1], {}]) {
    assert.throws(() => contract.evaluator('premium', addons),
                  {status: 'argument', message: "addons: a list of add-on names (['dedicated_24x7'])"});
  }
  ev.free();
  contract.free();
});

test('explain names the attribute at fault, as evaluate does', () => {
  const contract = sla.loadContract(contractText('govuk-pay.sla'), 'govuk-pay.sla');
  const ev = contract.evaluator('partner');
  const fax = {priority: 'P1', created_at: '2026-01-09T16:30:00Z', attributes: {kind: 'fax'}};
  const asOf = '2026-01-09T17:30:00Z';
  assert.throws(() => ev.evaluate(fax, asOf), {status: 'ticket', attribute: 'kind'});
  let want;
  try { ev.evaluate(fax, asOf); } catch (e) { want = e.message; }
  assert.throws(() => ev.explain(fax, asOf), {status: 'ticket', attribute: 'kind', message: want});
  ev.free();
  contract.free();
});
