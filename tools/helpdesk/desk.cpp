#include "tools/helpdesk/desk.hpp"

namespace sla::cli {

std::string_view desk_name(Desk desk) {
  switch (desk) {
    case Desk::zendesk:
      return "zendesk";
    case Desk::jira:
      return "jira";
    case Desk::zammad:
      return "zammad";
    case Desk::freshdesk:
      return "freshdesk";
  }
  return "zendesk";
}

std::optional<Desk> desk_named(std::string_view name) {
  for (Desk d : {Desk::zendesk, Desk::jira, Desk::zammad, Desk::freshdesk})
    if (desk_name(d) == name) return d;
  return std::nullopt;
}

}  // namespace sla::cli
