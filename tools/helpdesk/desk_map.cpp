#include "tools/helpdesk/desk_map.hpp"

#include <date/tz.h>
#include <fmt/format.h>
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <stdexcept>

#include "grammar/suggest.hpp"

namespace sla::cli {

namespace {

// The defaults name the bundled Qiscus contract's priorities and pausing statuses;
// docs/helpdesk.md shows them, and `--map` replaces them for other contracts.
constexpr std::string_view zendesk_default = R"(# Zendesk's standard values
[priority]
urgent = Critical
high = High
normal = Normal
low = Low
[status]
new = open
open = open
pending = waiting on client
hold = awaiting confirmation
solved = resolved
closed = resolved
deleted = deleted
)";

constexpr std::string_view jira_default = R"(# Jira Service Management's standard values
[priority]
highest = Critical
high = High
medium = Normal
low = Low
lowest = Low
[status]
open = open
to do = open
reopened = open
waiting for support = open
in progress = open
work in progress = open
escalated = open
waiting for approval = open
pending = waiting on client
waiting for customer = waiting on client
resolved = resolved
done = resolved
closed = resolved
canceled = resolved
)";

constexpr std::string_view zammad_default = R"(# Zammad's standard values
[priority]
1 low = Low
2 normal = Normal
3 high = High
[status]
new = open
open = open
pending reminder = waiting on client
pending close = awaiting confirmation
closed = resolved
merged = deleted
removed = deleted
)";

constexpr std::string_view freshdesk_default = R"(# Freshdesk's standard values
[priority]
low = Low
medium = Normal
high = High
urgent = Critical
[status]
open = open
pending = waiting on client
waiting on customer = waiting on client
waiting on third party = open
resolved = resolved
closed = resolved
)";

std::string_view trim(std::string_view s) {
  const auto b = s.find_first_not_of(" \t\r\n");
  if (b == std::string_view::npos) return {};
  const auto e = s.find_last_not_of(" \t\r\n");
  return s.substr(b, e - b + 1);
}

// A comment starts with '#' or ';' at the start of a line, or '#' after a blank.
std::string_view without_comment(std::string_view line) {
  const std::string_view t = trim(line);
  if (t.empty() || t[0] == '#' || t[0] == ';') return {};
  for (std::size_t i = 1; i < line.size(); ++i)
    if (line[i] == '#' && (line[i - 1] == ' ' || line[i - 1] == '\t'))
      return trim(line.substr(0, i));
  return t;
}

}  // namespace

std::string map_key(std::string_view value) {
  std::string key(trim(value));
  std::transform(key.begin(), key.end(), key.begin(), [](unsigned char c) {
    return static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  });
  return key;
}

std::optional<DeskMap> parse_desk_map(std::string_view text, Desk desk, std::string_view source,
                                      std::string& error) {
  DeskMap map;
  map.desk = desk;
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);  // a BOM an editor wrote
  map.source = std::string(source);
  enum class Section { none, priority, status, desk } section = Section::none;
  std::size_t number = 0;
  auto fail = [&](const std::string& why) {
    error = fmt::format("{}:{}: {}", source, number, why);
    return std::nullopt;
  };
  while (!text.empty()) {
    ++number;
    const auto end = text.find('\n');
    const std::string_view line = without_comment(text.substr(0, end));
    text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
    if (line.empty()) continue;
    if (line.front() == '[') {
      if (line.back() != ']') return fail(fmt::format("'{}': a section is [NAME]", line));
      const std::string name = map_key(line.substr(1, line.size() - 2));
      if (name == "priority")
        section = Section::priority;
      else if (name == "status")
        section = Section::status;
      else if (name == "desk")
        section = Section::desk;
      else
        return fail(
            fmt::format("unknown section [{}] (known: [priority], [status], [desk])", name));
      continue;
    }
    const auto eq = line.find('=');
    if (eq == std::string_view::npos)
      return fail(fmt::format("'{}': expected DESK VALUE = CONTRACT VALUE", line));
    const std::string key = map_key(line.substr(0, eq));
    const std::string_view value = trim(line.substr(eq + 1));
    if (key.empty()) return fail("a mapping without the desk's value before '='");
    if (value.empty()) return fail(fmt::format("'{}' is mapped to nothing after '='", key));
    switch (section) {
      case Section::none:
        return fail(
            fmt::format("'{}' before any section: put it under [priority] or [status]", key));
      case Section::priority:
        if (!map.priorities.emplace(key, std::string(value)).second)
          return fail(fmt::format("priority '{}' is mapped twice", key));
        map.priority_lines[key] = number;
        break;
      case Section::status: {
        StatusMeaning meaning;
        const std::string word = map_key(value);
        if (word == "open")
          meaning.kind = StatusMeaning::Kind::open;
        else if (word == "resolved")
          meaning.kind = StatusMeaning::Kind::resolved;
        else if (word == "deleted")
          meaning.kind = StatusMeaning::Kind::deleted;
        else
          meaning = {StatusMeaning::Kind::status, std::string(value)};
        if (!map.statuses.emplace(key, std::move(meaning)).second)
          return fail(fmt::format("status '{}' is mapped twice", key));
        map.status_lines[key] = number;
        break;
      }
      case Section::desk:
        if (key != "zone")
          return fail(fmt::format("unknown setting '{}' in [desk] (known: zone)", key));
        try {
          (void)date::locate_zone(std::string(value));
        } catch (const std::exception&) {
          return fail(
              fmt::format("unknown time zone '{}' (an IANA name such as Asia/Jakarta)", value));
        }
        map.zone = std::string(value);
        break;
    }
  }
  return map;
}

std::optional<DeskMap> read_desk_map(const std::string& path, Desk desk, std::string& error) {
  std::ostringstream text;
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    error = fmt::format("cannot read the map '{}': it is a directory", path);
    return std::nullopt;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = fmt::format("cannot read the map '{}'", path);
    return std::nullopt;
  }
  text << in.rdbuf();
  return parse_desk_map(text.str(), desk, path, error);
}

std::string check_desk_map(const DeskMap& map, const std::vector<std::string>& priorities,
                           const std::vector<std::string>& pause_statuses,
                           std::string_view contract) {
  auto known = [](const std::vector<std::string>& names, std::string_view value) {
    return std::any_of(names.begin(), names.end(),
                       [&](const std::string& n) { return iequals(n, value); });
  };
  auto hint = [](const std::vector<std::string>& names, std::string_view value) {
    const auto near = closest(value, names);
    return near ? fmt::format(" (did you mean '{}'?)", *near) : std::string();
  };
  auto at = [&](const auto& lines, const std::string& key) {
    const auto it = lines.find(key);
    return fmt::format("{}:{}", map.source, it == lines.end() ? 0 : it->second);
  };
  for (const auto& [key, value] : map.priorities) {
    // A contract of attributes without priorities judges no priority: nothing to check.
    if (priorities.empty() || known(priorities, value)) continue;
    if (map.is_default)
      return fmt::format(
          "the default {} map names priority '{}', which contract {} lacks: give --map "
          "(docs/helpdesk.md), with [priority] values among {}",
          desk_name(map.desk), value, contract, fmt::join(priorities, ", "));
    return fmt::format("{}: [priority] {} = {}: the contract has no priority '{}'{} (known: {})",
                       at(map.priority_lines, key), key, value, value, hint(priorities, value),
                       fmt::join(priorities, ", "));
  }
  for (const auto& [key, meaning] : map.statuses) {
    if (meaning.kind != StatusMeaning::Kind::status || known(pause_statuses, meaning.name))
      continue;
    // The default map's pausing statuses are the bundled contract's: a package that
    // does not pause on them keeps the clocks running, as its terms say.
    if (map.is_default) continue;
    std::vector<std::string> words{"open", "resolved", "deleted"};
    words.insert(words.end(), pause_statuses.begin(), pause_statuses.end());
    return fmt::format(
        "{}: [status] {} = {}: not open, resolved, deleted or a status the package pauses "
        "on{}; a status that does not pause is open (known: {})",
        at(map.status_lines, key), key, meaning.name, hint(words, meaning.name),
        fmt::join(words, ", "));
  }
  return {};
}

std::string_view default_desk_map_text(Desk desk) {
  switch (desk) {
    case Desk::zendesk:
      return zendesk_default;
    case Desk::jira:
      return jira_default;
    case Desk::zammad:
      return zammad_default;
    case Desk::freshdesk:
      return freshdesk_default;
  }
  return zendesk_default;
}

DeskMap default_desk_map(Desk desk) {
  std::string error;
  auto map = parse_desk_map(default_desk_map_text(desk), desk,
                            fmt::format("the default {} map", desk_name(desk)), error);
  map->is_default = true;  // the texts above are fixed and parse
  return std::move(*map);
}

}  // namespace sla::cli
