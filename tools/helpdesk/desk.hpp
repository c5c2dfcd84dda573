// The help desks whose exports `sla eval --desk` reads, by the names users type.
#pragma once

#include <optional>
#include <string_view>

namespace sla::cli {

enum class Desk { zendesk, jira, zammad, freshdesk };

// "zendesk", "jira", "zammad", "freshdesk"
std::string_view desk_name(Desk desk);
std::optional<Desk> desk_named(std::string_view name);

}  // namespace sla::cli
