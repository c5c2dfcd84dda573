// A line diff in the unified format of `diff -u` and `git diff`, for `sla fmt
// --check`: people read it, and `patch -p1` applies it.
#pragma once

#include <string>
#include <string_view>

namespace sla::cli {

// `--- a/NAME`, `+++ b/NAME`, then `@@ -l,n +l,n @@` hunks with three lines of
// context; "" when the texts are equal. Coloured (red removals, green additions)
// when `colour`. A very large change is shown as one replaced block rather than
// searched for a minimal diff, so that no input can make it slow.
std::string unified_diff(std::string_view before, std::string_view after, std::string_view name,
                         bool colour);

}  // namespace sla::cli
