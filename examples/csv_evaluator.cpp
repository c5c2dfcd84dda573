// Judges the tickets of a CSV file against a contract's package, with the C++ API.
//   csv_evaluator CONTRACT PACKAGE TICKETS.csv AS_OF
// TICKETS.csv: a header, then id,priority,created,responded,resolved[,...] (RFC 3339 times).
#include <sla/sla.hpp>

#include <fstream>
#include <iostream>
#include <sstream>

int main(int argc, char** argv) {
  if (argc != 5) return std::cerr << "usage: csv_evaluator CONTRACT PACKAGE TICKETS.csv AS_OF\n", 2;
  const sla::LoadResult contract = sla::load_file(argv[1]);  // a Model, or diagnostics
  for (const sla::Diagnostic& d : contract.diagnostics)
    std::cerr << d.location.file << ':' << d.location.line << ": " << d.message << '\n';
  const auto made = sla::Evaluator::make(contract.model, argv[2]);  // immutable, thread-safe
  const auto as_of = sla::parse_instant(argv[4]);
  if (!made.evaluator || !as_of) return std::cerr << made.error << " (or a bad AS_OF)\n", 1;
  const sla::Evaluator& ev = *made.evaluator;
  auto local = [&](auto t) { return t ? sla::format_instant(*t, ev.utc_offset(*t)) : ""; };
  std::ifstream file(argv[3]);
  int status = 0, row = 0;
  for (std::string line, f[5]; std::getline(file, line);) {
    std::istringstream fields(line);
    for (auto& field : f) std::getline(fields, field, ',');
    const auto created = sla::parse_instant(f[2]);
    if (++row == 1) continue;  // the header
    if (!created) {
      std::cerr << argv[3] << ':' << row << ": not an RFC 3339 time: '" << f[2] << "'\n";
      status = 1;
      continue;
    }
    const sla::Ticket ticket{.priority = f[1],
                             .created = *created,
                             .responded = sla::parse_instant(f[3]),
                             .resolved = sla::parse_instant(f[4])};
    const sla::Evaluation e = ev.evaluate(ticket, *as_of);
    if (!e.ok()) {
      std::cerr << argv[3] << ':' << row << ": " << f[0] << ": " << e.error << '\n';
      status = 1;
    } else {
      std::cout << f[0] << ',' << e.priority->name << ',' << sla::name(e.response.verdict) << ','
                << local(e.response.due) << ',' << sla::name(e.resolution.verdict) << ','
                << local(e.resolution.due) << '\n';
    }
  }
  return status;
}
