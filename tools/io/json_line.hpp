// Reading a line of JSON Lines: a value's text exactly as written (parsing respells
// numbers: 1.5e3 comes back as 1500.0, and an id must come out as it came in), and
// why a line is not JSON, in words a person can act on.
#pragma once

#include <string>
#include <string_view>

namespace sla::cli {

// The text of the value of the top-level member `key` of the JSON object
// `object` ("1.5e3" for {"id": 1.5e3}); empty when there is no such member. When
// the key appears twice, the last one counts, as for the parsed object. `object`
// must have been parsed as valid JSON already.
std::string_view raw_member(std::string_view object, std::string_view key);

// Why `line`, which does not parse, is not JSON: "not valid JSON", or that a byte
// is not UTF-8 (an export saved as Latin-1), with its column.
std::string not_json_reason(std::string_view line);

}  // namespace sla::cli
