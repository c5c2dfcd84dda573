'use strict';
// The sla interpreter in WebAssembly, for Node: a thin layer over sla_core.js,
// which Emscripten builds from the C API and wasm/sla_wasm.cpp.
//
//   const sla = await require('sla-wasm').load();
//   const contract = sla.loadContract(text, 'qiscus-enterprise.sla');  // throws SlaError
//   const ev = contract.evaluator('premium');
//   ev.evaluate({priority: 'Critical', created_at: '2026-01-09T16:30:00+07:00'},
//               '2026-01-09T17:30:00+07:00');
//   // {priority: 'Critical', response: {status: 'pending', due: '...', committed: true}, ...}
//   ev.free(); contract.free();
//
// Every call crosses as JSON text (see sla_wasm.cpp for why); objects the
// module made are freed with free(), as the C API's own objects are: wasm
// memory is not collected by the JavaScript garbage collector.

const fs = require('fs');
const path = require('path');

class SlaError extends Error {
  // status: the C API's status name ("contract", "selection", "ticket", ...);
  // diagnostics: [{code, severity, message, hint, file, line, column}] when the
  // contract or the selection was at fault.
  constructor(reply) {
    super(reply.message || reply.status);
    this.name = 'SlaError';
    this.status = reply.status;
    this.diagnostics = reply.diagnostics || [];
    if (reply.attribute !== undefined) this.attribute = reply.attribute;
  }
}

// A caller's mistake (a missing or mistyped argument), reported as the module
// reports the ones it finds, rather than as a TypeError from inside this file.
function argumentError(message) {
  return new SlaError({status: 'argument', message});
}

function requireString(value, what) {
  if (typeof value !== 'string')
    throw argumentError(`${what}: ${value === undefined ? 'missing' : 'not a string'}`);
}

function requireObject(value, what, shape) {
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    throw argumentError(
        `${what}: ${value === undefined ? 'missing' : 'not an object'}; expected ${shape}`);
}

// Calls one exported function that returns a JSON string it hands over. String
// arguments go through malloc, not cwrap's 'string' (which copies onto the
// stack, too small for a large contract). A 'text' argument is a string passed
// with its length in bytes after it, so that a NUL inside it is not its end.
function caller(core, name, argTypes) {
  const fn = core.cwrap(name, 'number',
                        argTypes.flatMap((t) => (t === 'text' ? ['number', 'number'] : ['number'])));
  return (...args) => {
    const owned = [];
    try {
      const raw = args.flatMap((arg, i) => {
        if (argTypes[i] !== 'string' && argTypes[i] !== 'text') return [arg];
        if (typeof arg !== 'string') throw argumentError(`${name}: argument ${i + 1} is not a string`);
        const length = core.lengthBytesUTF8(arg);
        const ptr = core._malloc(length + 1);
        if (ptr === 0) throw new SlaError({status: 'internal', message: 'out of memory'});
        owned.push(ptr);
        core.stringToUTF8(arg, ptr, length + 1);
        return argTypes[i] === 'text' ? [ptr, length] : [ptr];
      });
      const reply = fn(...raw);
      if (reply === 0) throw new SlaError({status: 'internal', message: `${name}: out of memory`});
      try {
        return JSON.parse(core.UTF8ToString(reply));
      } finally {
        core._sla_string_free(reply);
      }
    } finally {
      owned.forEach((ptr) => core._free(ptr));
    }
  };
}

function ok(reply) {
  if (!reply.ok) throw new SlaError(reply);
  return reply;
}

const TICKET_SHAPE = "an object {priority, created_at, ...}, as a line of `sla eval`'s JSON Lines";

function ticketArguments(ticket, asOf) {
  requireObject(ticket, 'ticket', TICKET_SHAPE);
  // Whole seconds: the library's instants have no fraction.
  const at = asOf === undefined || asOf === null ? Math.floor(Date.now() / 1000) : asOf;
  return [JSON.stringify(ticket), JSON.stringify(at)];
}

class Evaluator {
  constructor(api, address) {
    this._api = api;
    this._address = address;
  }

  _live() {
    if (this._address === 0) throw new Error('sla: this evaluator has been freed');
    return this._address;
  }

  // ticket: as a line of `sla eval`'s JSON Lines input: priority, created_at,
  // first_response_at, resolved_at, restored_at, updates, events
  // ([{at, status}|{at, priority}|{at, update}]), and attributes ({channel: 'phone'}).
  // Times: RFC 3339 text (without an offset: the calendar's zone) or Unix seconds.
  // asOf: now when not given, as in Python and `sla eval`.
  evaluate(ticket, asOf) {
    const reply = ok(this._api.evaluate(this._live(), ...ticketArguments(ticket, asOf)));
    delete reply.ok;
    return reply;
  }

  // The steps of the judgement, one a line, as `sla explain` gives them.
  explain(ticket, asOf) {
    return ok(this._api.explain(this._live(), ...ticketArguments(ticket, asOf))).text;
  }

  // Business time on the package's calendar, as `sla time` (the results in the calendar's zone).
  addBusinessTime(from, seconds) {
    return this._time({op: 'add', from, seconds}).time;
  }

  subtractBusinessTime(to, seconds) {
    return this._time({op: 'sub', to, seconds}).time;
  }

  businessSecondsBetween(from, to) {
    return this._time({op: 'between', from, to}).seconds;
  }

  // {open: bool, nextOpening: time (`at` itself when open)}
  openAt(at) {
    const reply = this._time({op: 'open', at});
    return {open: reply.open, nextOpening: reply.next_opening};
  }

  _time(request) {
    return ok(this._api.time(this._live(), JSON.stringify(request)));
  }

  free() {
    if (this._address !== 0) this._api.evaluatorFree(this._address);
    this._address = 0;
  }
}

class Contract {
  constructor(api, reply) {
    this._api = api;
    this._address = reply.contract;
    this.name = reply.name;
    this.packages = reply.packages;
    this.addons = reply.addons;
    this.priorities = reply.priorities; // lowest first
    this.attributes = reply.attributes; // {name: [values]}
    this.warnings = reply.diagnostics;
  }

  // Throws SlaError (status "selection") for an unknown package or add-on.
  evaluator(pkg, addons = []) {
    if (this._address === 0) throw new Error('sla: this contract has been freed');
    requireString(pkg, 'package');
    const reply = ok(this._api.evaluator(this._address, pkg, JSON.stringify(addons)));
    return new Evaluator(this._api, reply.evaluator);
  }

  // An evaluator keeps its contract alive: freeing the contract first is fine.
  free() {
    if (this._address !== 0) this._api.contractFree(this._address);
    this._address = 0;
  }
}

// Instantiates the module. options.wasmBinary: the module's bytes, when they
// are not in sla_core.wasm beside this file.
async function load(options = {}) {
  const createSlaCore = require('./sla_core.js');
  // The bytes are handed over rather than fetched: Emscripten 3.1.6 would
  // fetch() a file path when the global fetch exists, which fails in Node 18+.
  const wasmBinary = options.wasmBinary || fs.readFileSync(path.join(__dirname, 'sla_core.wasm'));
  const core = await createSlaCore({wasmBinary, print: () => {}, printErr: () => {}});
  const api = {
    load: caller(core, 'sla_wasm_load', ['string', 'text']),
    evaluator: caller(core, 'sla_wasm_evaluator', ['number', 'string', 'string']),
    evaluate: caller(core, 'sla_wasm_evaluate', ['number', 'string', 'string']),
    explain: caller(core, 'sla_wasm_explain', ['number', 'string', 'string']),
    time: caller(core, 'sla_wasm_time', ['number', 'string']),
    contractFree: core.cwrap('sla_contract_free', null, ['number']),
    evaluatorFree: core.cwrap('sla_evaluator_free', null, ['number']),
  };
  const sla = {
    version: core.cwrap('sla_version', 'string', [])(),
    SlaError,
    // Throws SlaError (status "contract") with the diagnostics, each with its line
    // and column. Imports: the stdlib only.
    // A NUL byte in the text is refused (SLA003), as the command line refuses it.
    loadContract(text, name = 'contract.sla') {
      requireString(text, 'text');
      requireString(name, 'name');
      return new Contract(api, ok(api.load(name, text)));
    },
  };
  return sla;
}

module.exports = {load, SlaError};
