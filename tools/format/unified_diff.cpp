#include "tools/format/unified_diff.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <cstdint>
#include <vector>

#include "tools/console/terminal.hpp"

namespace sla::cli {

namespace {

// The longest-common-subsequence table costs rows x columns; past this many
// cells (a 2,000-line file rewritten throughout) the middle is one replacement.
constexpr std::size_t max_cells = 4'000'000;
constexpr std::size_t context = 3;

enum class Op { same, removed, added };

struct Edit {
  Op op;
  std::string_view line;  // with its '\n', unless it is a last line without one
};

std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  while (!text.empty()) {
    const std::size_t end = text.find('\n');
    const std::size_t length = end == std::string_view::npos ? text.size() : end + 1;
    lines.push_back(text.substr(0, length));
    text.remove_prefix(length);
  }
  return lines;
}

std::vector<Edit> edit_script(const std::vector<std::string_view>& a,
                              const std::vector<std::string_view>& b) {
  std::size_t prefix = 0;
  while (prefix < a.size() && prefix < b.size() && a[prefix] == b[prefix]) ++prefix;
  std::size_t suffix = 0;
  while (suffix < a.size() - prefix && suffix < b.size() - prefix &&
         a[a.size() - 1 - suffix] == b[b.size() - 1 - suffix])
    ++suffix;
  const std::size_t n = a.size() - prefix - suffix, m = b.size() - prefix - suffix;
  auto x = [&](std::size_t i) { return a[prefix + i]; };
  auto y = [&](std::size_t j) { return b[prefix + j]; };

  std::vector<Edit> edits;
  for (std::size_t i = 0; i < prefix; ++i) edits.push_back({Op::same, a[i]});
  std::size_t i = 0, j = 0;
  if (n > 0 && m > 0 && (n + 1) * (m + 1) <= max_cells) {
    // lcs[i][j]: the longest common subsequence of x[i..] and y[j..].
    const std::size_t width = m + 1;
    std::vector<std::uint32_t> lcs((n + 1) * width, 0);
    for (std::size_t r = n; r-- > 0;)
      for (std::size_t c = m; c-- > 0;)
        lcs[r * width + c] = x(r) == y(c)
                                 ? lcs[(r + 1) * width + c + 1] + 1
                                 : std::max(lcs[(r + 1) * width + c], lcs[r * width + c + 1]);
    while (i < n && j < m) {
      if (x(i) == y(j)) {
        edits.push_back({Op::same, x(i)});
        ++i, ++j;
      } else if (lcs[(i + 1) * width + j] >= lcs[i * width + j + 1]) {
        edits.push_back({Op::removed, x(i++)});
      } else {
        edits.push_back({Op::added, y(j++)});
      }
    }
  }
  for (; i < n; ++i) edits.push_back({Op::removed, x(i)});
  for (; j < m; ++j) edits.push_back({Op::added, y(j)});
  for (std::size_t k = a.size() - suffix; k < a.size(); ++k) edits.push_back({Op::same, a[k]});
  return edits;
}

// "3,4"; "3" for one line; an empty range is named by the line before it.
std::string range(std::size_t first, std::size_t count) {
  if (count == 1) return fmt::format("{}", first);
  return fmt::format("{},{}", count == 0 ? first - 1 : first, count);
}

}  // namespace

std::string unified_diff(std::string_view before, std::string_view after, std::string_view name,
                         bool colour) {
  if (before == after) return {};
  const std::vector<Edit> edits = edit_script(split_lines(before), split_lines(after));
  std::string out = paint(fmt::format("--- a/{}", name), Colour::bold, colour) + "\n" +
                    paint(fmt::format("+++ b/{}", name), Colour::bold, colour) + "\n";

  // Line numbers (1-based) in each text at the start of every edit.
  std::vector<std::size_t> old_line(edits.size() + 1, 1), new_line(edits.size() + 1, 1);
  for (std::size_t k = 0; k < edits.size(); ++k) {
    old_line[k + 1] = old_line[k] + (edits[k].op != Op::added ? 1 : 0);
    new_line[k + 1] = new_line[k] + (edits[k].op != Op::removed ? 1 : 0);
  }
  std::size_t k = 0;
  while (k < edits.size()) {
    while (k < edits.size() && edits[k].op == Op::same) ++k;
    if (k == edits.size()) break;
    // A hunk: from `context` lines before this change to `context` lines after
    // the last change that is less than two contexts away from the previous one.
    const std::size_t begin = k >= context ? k - context : 0;
    std::size_t end = k;
    while (end < edits.size()) {
      while (end < edits.size() && edits[end].op != Op::same) ++end;
      std::size_t same = end;
      while (same < edits.size() && edits[same].op == Op::same) ++same;
      if (same == edits.size() || same - end > 2 * context) {
        end = std::min(end + context, edits.size());
        break;
      }
      end = same;
    }
    out +=
        paint(fmt::format("@@ -{} +{} @@", range(old_line[begin], old_line[end] - old_line[begin]),
                          range(new_line[begin], new_line[end] - new_line[begin])),
              Colour::cyan, colour);
    out += '\n';
    for (std::size_t e = begin; e < end; ++e) {
      std::string_view line = edits[e].line;
      const bool newline = line.ends_with('\n');
      if (newline) line.remove_suffix(1);
      const char mark = edits[e].op == Op::same ? ' ' : edits[e].op == Op::removed ? '-' : '+';
      const std::string text = fmt::format("{}{}", mark, line);
      if (edits[e].op == Op::same)
        out += text;
      else
        out += paint(text, edits[e].op == Op::removed ? Colour::red : Colour::green, colour);
      out += newline ? "\n" : "\n\\ No newline at end of file\n";
    }
    k = end;
  }
  return out;
}

}  // namespace sla::cli
