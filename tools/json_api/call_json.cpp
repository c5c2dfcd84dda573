#include "tools/json_api/call_json.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <array>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <optional>
#include <variant>
#include <vector>

#include <nlohmann/json.hpp>

#include "tools/cli/app.hpp"
#include "tools/console/streams.hpp"

namespace sla::json_api {

namespace {

using json = nlohmann::ordered_json;

// The format each command writes JSON in; the commands not listed write text
// (render: Markdown or HTML; holidays and calendar: a .sla file, an ICS file).
constexpr std::array<std::pair<std::string_view, std::string_view>, 13> json_formats{{
    {"check", "json"},
    {"inspect", "json"},
    {"time", "json"},
    {"eval", "jsonl"},
    {"explain", "json"},
    {"test", "json"},
    {"fmt", "json"},
    {"lint", "json"},
    {"uptime", "json"},
    {"quote", "json"},
    {"credits", "json"},
    {"diff", "json"},
    {"report", "json"},
}};

// Flags that make no sense without a terminal or a file of the caller's: the
// output comes back in the response, and a call returns.
constexpr std::array<std::pair<std::string_view, std::string_view>, 4> refused_options{{
    {"output", "the output comes back in the response; write it where you like"},
    {"o", "the output comes back in the response; write it where you like"},
    {"watch", "a call returns; call again to watch"},
    {"watch-count", "a call returns; call again to watch"},
}};

struct Request {
  std::vector<std::string> argv{"sla"};
  std::string format;  // the output format the command will write
  std::string input;
};

// A request that cannot be run: why, as a usage error says it.
struct Refused {
  std::string why;
};

std::string option_text(const json& value) {
  if (value.is_string()) return value.get<std::string>();
  return value.dump();  // a number as JSON writes it
}

std::variant<Request, Refused> read_request(std::string_view text) {
  json request;
  try {
    request = json::parse(text);
  } catch (const json::parse_error& e) {
    return Refused{fmt::format("the request is not JSON: {}", e.what())};
  }
  if (!request.is_object()) return Refused{"the request is not a JSON object"};
  for (const auto& [key, value] : request.items())
    if (key != "command" && key != "options" && key != "arguments" && key != "input")
      return Refused{fmt::format(
          "unknown request field '{}': expected command, options, arguments, input", key)};

  Request r;
  const auto command = request.find("command");
  if (command == request.end() || !command->is_string() || command->get<std::string>().empty())
    return Refused{
        "the request needs \"command\": a command of sla, such as \"check\" or \"eval\""};
  // One or two words of lower-case letters: a command, never a flag smuggled in
  // ("render --output x" would write a file the caller did not ask to see back).
  const std::string words = command->get<std::string>();
  for (std::size_t start = 0; start < words.size();) {
    const std::size_t end = std::min(words.find(' ', start), words.size());
    if (end > start) r.argv.push_back(words.substr(start, end - start));
    start = end + 1;
  }
  const auto is_word = [](const std::string& w) {
    return std::all_of(w.begin(), w.end(), [](char c) { return c >= 'a' && c <= 'z'; });
  };
  if (r.argv.size() == 1)
    return Refused{
        "the request needs \"command\": a command of sla, such as \"check\" or \"eval\""};
  if (r.argv.size() > 3 || !std::all_of(r.argv.begin() + 1, r.argv.end(), is_word))
    return Refused{fmt::format(
        "\"command\" is a command of sla in one or two words (\"eval\", \"holidays show\"), "
        "not '{}': flags go in \"options\", files in \"arguments\"",
        words)};
  if (r.argv[1] == "lsp")
    return Refused{"'lsp' serves an editor over standard input and output: run `sla lsp`"};

  if (const auto options = request.find("options"); options != request.end()) {
    if (!options->is_object())
      return Refused{
          "\"options\" is an object of flags by their long names: {\"package\": \"premium\"}"};
    for (const auto& [given, value] : options->items()) {
      std::string name = given;
      name.erase(0, std::min(name.find_first_not_of('-'), std::size_t{2}));
      if (name.empty() || name.starts_with("-"))
        return Refused{fmt::format("option '{}' has no name", given)};
      // A name only: "output=x.md" would be a flag with its value, past the checks below.
      if (!std::all_of(name.begin(), name.end(), [](char c) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                   c == '-';
          }))
        return Refused{fmt::format(
            "option '{}' is not a flag's name: letters, digits and dashes ({{\"as-of\": \"...\"}})",
            given)};
      for (const auto& [refused, why] : refused_options)
        if (name == refused)
          return Refused{fmt::format("option '{}' is not for calls: {}", given, why)};
      const std::string flag = (name.size() == 1 ? "-" : "--") + name;
      if (name == "format") {
        if (!value.is_string()) return Refused{fmt::format("option '{}' is a string", given)};
        r.format = value.get<std::string>();
      }
      auto add = [&](const json& one) -> std::optional<Refused> {
        if (one.is_boolean()) {
          if (one.get<bool>()) r.argv.push_back(flag);
          return std::nullopt;
        }
        if (!one.is_string() && !one.is_number())
          return Refused{fmt::format(
              "option '{}' is a string, a number, true or false, or a list of them", given)};
        r.argv.push_back(flag);
        r.argv.push_back(option_text(one));
        return std::nullopt;
      };
      if (value.is_array()) {
        for (const auto& one : value)
          if (one.is_array() || one.is_object())
            return Refused{fmt::format("option '{}': a list of strings or numbers", given)};
          else if (auto refused = add(one))
            return *refused;
      } else if (value.is_object() || value.is_null()) {
        return Refused{fmt::format(
            "option '{}' is a string, a number, true or false, or a list of them", given)};
      } else if (auto refused = add(value)) {
        return *refused;
      }
    }
  }
  if (r.format.empty()) {
    const auto known = std::find_if(json_formats.begin(), json_formats.end(),
                                    [&](const auto& f) { return f.first == r.argv[1]; });
    if (known != json_formats.end()) {
      r.format = known->second;
      r.argv.push_back("--format");
      r.argv.push_back(r.format);
    }
  }

  if (const auto arguments = request.find("arguments"); arguments != request.end()) {
    if (!arguments->is_array())
      return Refused{"\"arguments\" is a list of strings: the command's files and words"};
    for (const auto& argument : *arguments) {
      if (!argument.is_string() && !argument.is_number())
        return Refused{"\"arguments\" is a list of strings: the command's files and words"};
      std::string text = option_text(argument);
      // A positional that looks like a flag would be read as one: flags go in
      // "options", where the ones not for calls are refused. ("./-x.sla" names
      // such a file.)
      if (text.size() > 1 && text.starts_with("-"))
        return Refused{
            fmt::format("argument '{}' looks like a flag: flags go in \"options\" ({{\"package\": "
                        "\"premium\"}})",
                        text)};
      r.argv.push_back(std::move(text));
    }
  }
  if (const auto input = request.find("input"); input != request.end()) {
    if (!input->is_string())
      return Refused{"\"input\" is a string: what the command reads as standard input ('-')"};
    r.input = input->get<std::string>();
  }
  return r;
}

// A stream into memory, and the text written to it once closed.
class MemoryOutput {
 public:
  MemoryOutput() : stream_(open_memstream(&data_, &size_)) {}
  ~MemoryOutput() {
    if (stream_) std::fclose(stream_);
    std::free(data_);
  }
  MemoryOutput(const MemoryOutput&) = delete;
  MemoryOutput& operator=(const MemoryOutput&) = delete;
  std::FILE* stream() const { return stream_; }
  std::string text() {
    if (stream_) std::fflush(stream_);
    return data_ ? std::string(data_, size_) : std::string();
  }

 private:
  char* data_ = nullptr;
  std::size_t size_ = 0;
  std::FILE* stream_;
};

std::string dump(const json& value) {
  // Bytes that are not UTF-8 (a file's own text echoed in a message) are replaced,
  // never a reason to fail the call.
  return value.dump(-1, ' ', false, json::error_handler_t::replace);
}

// What the command wrote, as the response carries it, as JSON text: its JSON as
// written (JSON Lines as a list), other formats as a string, nothing as null. The
// CLI's JSON is checked (json::accept), not parsed and dumped again: for 100,000
// rows of `eval` that is the difference between a tenth of a second and more than
// a second.
std::string output_json(const std::string& text, const std::string& format) {
  if (text.empty()) return "null";
  if (format == "json" || format == "sarif") {
    if (json::accept(text)) return text;
  } else if (format == "jsonl") {
    std::string rows = "[";
    bool valid = true;
    for (std::size_t start = 0; start < text.size() && valid;) {
      const std::size_t end = std::min(text.find('\n', start), text.size());
      const std::string_view line(text.data() + start, end - start);
      if (!line.empty()) {
        valid = json::accept(line);
        if (rows.size() > 1) rows += ',';
        rows += line;
      }
      start = end + 1;
    }
    if (valid) return rows + "]";
  }
  return dump(json(text));
}

std::string response(int exit_code, const std::string& output, const std::string& messages,
                     const std::vector<std::string>& argv) {
  return fmt::format(R"({{"exit_code":{},"output":{},"messages":{},"argv":{}}})", exit_code, output,
                     dump(json(messages)), dump(json(argv)));
}

}  // namespace

std::string call_json(std::string_view request_text) {
  try {
    auto read = read_request(request_text);
    if (auto* refused = std::get_if<Refused>(&read))
      return response(2, "null", fmt::format("sla_call_json: {}\n", refused->why), {});
    const Request& request = std::get<Request>(read);

    MemoryOutput output;
    MemoryOutput messages;
    // fmemopen refuses an empty buffer: no input reads as /dev/null does.
    std::unique_ptr<std::FILE, int (*)(std::FILE*)> input(
        request.input.empty()
            ? std::fopen("/dev/null", "rb")
            : fmemopen(const_cast<char*>(request.input.data()), request.input.size(), "rb"),
        &std::fclose);
    if (!output.stream() || !messages.stream() || !input)
      return response(2, "null", "sla_call_json: cannot open memory streams\n", request.argv);

    int exit_code = 2;
    {
      cli::RedirectedStreams streams({input.get(), output.stream(), messages.stream()});
      std::vector<const char*> argv;
      for (const auto& a : request.argv) argv.push_back(a.c_str());
      exit_code = cli::run_sla(static_cast<int>(argv.size()), argv.data());
    }
    return response(exit_code, output_json(output.text(), request.format), messages.text(),
                    request.argv);
  } catch (const std::exception& e) {
    return response(2, "null", fmt::format("sla_call_json: internal error: {}\n", e.what()), {});
  }
}

}  // namespace sla::json_api
