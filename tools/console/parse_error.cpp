#include "tools/console/parse_error.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <cctype>
#include <optional>
#include <string_view>
#include <vector>

#include "grammar/suggest.hpp"

namespace sla::cli {

namespace {

// The commands being parsed when the error came, outermost first: {sla, time, add}.
std::vector<CLI::App*> command_path(CLI::App& sla) {
  std::vector<CLI::App*> path{&sla};
  for (;;) {
    auto parsed = path.back()->get_subcommands([](CLI::App* a) { return a->parsed() > 0; });
    if (parsed.empty()) return path;
    path.push_back(parsed.front());
  }
}

std::string after(std::string_view text, std::string_view prefix) {
  return text.starts_with(prefix) ? std::string(text.substr(prefix.size())) : std::string();
}

std::string lower_first(std::string text) {
  if (!text.empty()) text[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(text[0])));
  return text;
}

std::string uppercase(std::string text) {
  for (auto& c : text) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return text;
}

// What the subcommands of `command` are called in messages: `sla time`'s are queries.
std::string_view subcommand_word(const std::vector<CLI::App*>& path) {
  return path.size() == 1 || groups_commands(*path.back()) ? "command" : "query";
}

// A word where a subcommand was expected: a mistyped one ("sla holidays lst") is
// told as such, with the nearest, as `sla chek` is; the only thing a command that
// groups others takes there is a subcommand, so any word is an unknown one.
std::optional<std::string> unknown_subcommand(const std::vector<CLI::App*>& path,
                                              const std::string& arg) {
  std::vector<std::string> names;
  for (const CLI::App* sub : path.back()->get_subcommands({})) names.push_back(sub->get_name());
  if (names.empty()) return std::nullopt;
  const auto near = closest(arg, std::span<const std::string>(names));
  if (!near && !groups_commands(*path.back())) return std::nullopt;
  const std::string_view word = subcommand_word(path);
  return near ? fmt::format("unknown {} '{}'; did you mean '{}'?", word, arg, *near)
              : fmt::format("unknown {} '{}' ({}: {})", word, arg,
                            word == "query" ? "queries" : "commands", fmt::join(names, ", "));
}

// An argument that is not expected: a mistyped subcommand, an unknown option (with
// a suggestion among the options of the commands on the path), or a value too many.
std::string extra_message(const std::vector<CLI::App*>& path, const std::string& arg) {
  if (!arg.starts_with("-") || arg == "-") {
    if (auto message = unknown_subcommand(path, arg)) return *message;
    return fmt::format("unexpected argument '{}' (quote a value that contains spaces)", arg);
  }
  const std::string flag = arg.substr(0, arg.find('='));
  std::vector<std::string> names;
  for (const CLI::App* app : path)
    for (const CLI::Option* o : app->get_options())
      for (const auto& n : o->get_lnames()) names.push_back("--" + n);
  names.emplace_back("--help");
  const auto near = closest(flag, std::span<const std::string>(names));
  return fmt::format("unknown option '{}'{}", flag,
                     near ? fmt::format("; did you mean '{}'?", *near) : std::string());
}

std::string option_label(const std::vector<CLI::App*>& path, const std::string& name) {
  if (name.starts_with("-")) return name;
  // A positional: named in capitals, as in the usage line (CONTRACT, FROM).
  for (auto it = path.rbegin(); it != path.rend(); ++it)
    if ((*it)->get_option_no_throw(name)) return uppercase(name);
  return name;
}

std::string house_message(const std::vector<CLI::App*>& path, const CLI::ParseError& error) {
  const std::string what = error.what();
  // CLI11 checks required options before extra arguments: a typo ("--pakage p") is
  // what to report, not the "--package" it hides.
  for (auto it = path.rbegin(); it != path.rend(); ++it)
    if (const auto extras = (*it)->remaining(false); !extras.empty())
      return extra_message(path, extras.front());

  const std::string name = what.substr(0, what.find(": "));
  const std::string rest = what.find(": ") == std::string::npos ? "" : what.substr(name.size() + 2);
  if (dynamic_cast<const CLI::RequiredError*>(&error)) {
    if (what.starts_with("A subcommand") || what.starts_with("Requires at least")) {
      std::vector<std::string> names;
      for (const CLI::App* sub : path.back()->get_subcommands({})) names.push_back(sub->get_name());
      return fmt::format("missing the {} ({})", subcommand_word(path), fmt::join(names, ", "));
    }
    if (const auto missing = what.substr(0, what.rfind(" is required")); missing != what)
      return fmt::format("missing {}", option_label(path, missing));
  }
  if (dynamic_cast<const CLI::ArgumentMismatch*>(&error) && rest.find(" missing") != rest.npos)
    return fmt::format("{} needs a value", name);
  // "--package: At Most 1 required but received 2": a flag taken once, given again.
  if (dynamic_cast<const CLI::ArgumentMismatch*>(&error) && rest.starts_with("At Most 1 "))
    return fmt::format(
        "{} is given {}; give it once", name,
        rest.ends_with(" 2") ? "twice" : fmt::format("{} times", rest.substr(rest.rfind(' ') + 1)));
  if (dynamic_cast<const CLI::ValidationError*>(&error)) {
    // "--format: xml not in {text,json}"
    if (const auto in = rest.find(" not in {"); in != std::string::npos && rest.ends_with("}")) {
      std::string choices = rest.substr(in + 9, rest.size() - in - 10);
      std::replace(choices.begin(), choices.end(), ',', '|');
      std::string list;
      for (std::size_t start = 0; start <= choices.size();) {
        const auto bar = std::min(choices.find('|', start), choices.size());
        list += fmt::format("{}{}", list.empty() ? "" : ", ", choices.substr(start, bar - start));
        start = bar + 1;
      }
      return fmt::format("{} '{}': expected one of {}", name, rest.substr(0, in), list);
    }
    return fmt::format("{}: {}", name, lower_first(rest));
  }
  if (dynamic_cast<const CLI::ConversionError*>(&error)) {
    if (auto conversion = after(what, "Could not convert: "); !conversion.empty()) {
      const auto eq = conversion.find(" = ");
      if (eq != std::string::npos)
        return fmt::format("{} '{}': not a valid value", conversion.substr(0, eq),
                           conversion.substr(eq + 3));
    }
  }
  if (dynamic_cast<const CLI::RequiresError*>(&error)) {
    const auto at = what.find(" requires ");
    if (at != std::string::npos)
      return fmt::format("{} needs {}", what.substr(0, at), what.substr(at + 10));
  }
  if (dynamic_cast<const CLI::ExcludesError*>(&error)) {
    const auto at = what.find(" excludes ");
    if (at != std::string::npos)
      return fmt::format("{} and {} cannot be used together", what.substr(0, at),
                         what.substr(at + 10));
  }
  return lower_first(what);
}

}  // namespace

bool groups_commands(const CLI::App& command) {
  const auto own =
      command.get_options([&command](const CLI::Option* o) { return o != command.get_help_ptr(); });
  return own.empty() && !command.get_subcommands({}).empty();
}

std::string parse_error_message(CLI::App& sla, const CLI::ParseError& error) {
  const auto path = command_path(sla);
  std::string prefix = path.front()->get_name(), usage = prefix;
  if (path.size() > 1) prefix += " " + path[1]->get_name();
  // A command that only groups others is named with the one given: "sla holidays
  // import", where "sla time" keeps its queries (add, sub) out of its name.
  if (path.size() > 2 && groups_commands(*path[1])) prefix += " " + path[2]->get_name();
  for (std::size_t i = 1; i < path.size(); ++i) usage += " " + path[i]->get_name();
  return fmt::format("{}: {} (see '{} --help')", prefix, house_message(path, error), usage);
}

}  // namespace sla::cli
