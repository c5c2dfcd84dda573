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
  return execFileSync(process.env.SLA_CLI, args, {cwd: root, input, encoding: 'utf8'});
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
