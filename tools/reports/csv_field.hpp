// One CSV field as RFC 4180 writes it: quoted (and its quotes doubled) only when
// it holds a comma, a quote or a line break.
#pragma once

#include <string>
#include <string_view>

namespace sla::cli {

std::string csv_field(std::string_view text);

}  // namespace sla::cli
