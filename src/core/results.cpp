#include "matchday/results.hpp"

#include "results_reader.hpp"

namespace matchday {

static_assert(sizeof(Match) == 32, "Match is most of the memory a large results file takes");

std::string_view match_status_name(MatchStatus s) {
  switch (s) {
    case MatchStatus::played: return "played";
    case MatchStatus::awarded: return "awarded";
    case MatchStatus::postponed: return "postponed";
    case MatchStatus::cancelled: return "cancelled";
  }
  return "?";
}

std::uint32_t Group::intern_team(std::string_view team_name) {
  for (std::uint32_t i = 0; i < teams.size(); ++i) {
    if (same_text(teams[i], team_name)) return i;
  }
  teams.emplace_back(team_name);
  return static_cast<std::uint32_t>(teams.size() - 1);
}

std::int64_t Group::find_team(std::string_view team_name) const {
  for (std::size_t i = 0; i < teams.size(); ++i) {
    if (teams[i] == team_name) return static_cast<std::int64_t>(i);
  }
  return -1;
}

std::size_t Results::intern_group(std::string_view name) {
  for (std::size_t i = 0; i < groups.size(); ++i) {
    if (groups[i].name == name) return i;
  }
  groups.push_back(Group{std::string(name), false, {}, {}});
  return groups.size() - 1;
}

namespace {

using namespace detail;

// Whether a header row has what a results file needs: both teams, and the
// score (one column, or one per side). find_header (csv.hpp) takes the first
// row, within the first rows, that has them.
bool results_header(const HeaderMatch& hm) {
  const bool split = hm.has(c_home_goals) || hm.has(c_away_goals);
  return hm.has(c_home) && hm.has(c_away) && (split ? hm.has(c_home_goals) && hm.has(c_away_goals) : hm.has(c_score));
}

// Reads one results file's text (UTF-8) into `into`. With `check_utf8`, the
// text has not been checked for UTF-8: it is checked as it is read, and the
// parse returns false, having added nothing, when it is not UTF-8.
bool parse_text(std::string_view text, std::string_view source, const Rules& rules, const ResultsOptions& options,
                bool check_utf8, Results& into, std::vector<Diagnostic>& diags) {
  const char delim = options.delimiter ? options.delimiter : sniff_delimiter(source, text);
  // The header: the first row within the first rows with the columns needed
  // (a title block may stand above it; find_header, shared by every reader).
  const FoundHeader fh = find_header(text, delim, k_columns, results_header);
  CsvRecord rec = fh.record();
  const bool has_header = fh.line > 0;
  const Layout layout = has_header ? make_layout(rec, delim) : Layout{};
  const HeaderMatch& hm = layout.hm;
  const bool split_scores = layout.split_scores;
  const bool header_ok = fh.found && hm.duplicated.empty();
  // Text to check for UTF-8 is checked before anything is added or reported:
  // the header here (all of the text when there is a problem to report),
  // the rows by the parts as they read them, or here when one thread reads.
  const std::size_t body = fh.body;
  if (check_utf8 && !is_valid_utf8(header_ok ? text.substr(0, body) : text)) return false;

  DiagnosticSink sink(diags, source);
  if (into.sources.size() >= k_max_result_files) {
    sink.add({Severity::error, std::string(source), 0, "", "", "too_many_files", {std::to_string(k_max_result_files)}});
    return true;
  }
  const auto source_index = static_cast<std::uint16_t>(into.sources.size());
  if (!has_header) {
    into.sources.emplace_back(source);
    sink.add({Severity::error, std::string(source), 0, "", "", "empty_file", {}});
    return true;
  }
  report_header(fh, source, sink);
  if (!header_ok) {
    into.sources.emplace_back(source);
    for (const std::string& d : hm.duplicated) {
      sink.add({Severity::error, std::string(source), rec.line, d, "", "duplicate_column", {}});
    }
    if (!hm.has(c_home)) sink.add({Severity::error, std::string(source), rec.line, "", "", "missing_column", {"home", "主队"}});
    if (!hm.has(c_away)) sink.add({Severity::error, std::string(source), rec.line, "", "", "missing_column", {"away", "客队"}});
    if (!split_scores && !hm.has(c_score)) {
      sink.add({Severity::error, std::string(source), rec.line, "", "", "missing_column", {"home_goals, away_goals", "主队进球, 客队进球 / 比分"}});
    } else if (split_scores && !(hm.has(c_home_goals) && hm.has(c_away_goals))) {
      sink.add({Severity::error, std::string(source), rec.line, "", "", "missing_column",
                {hm.has(c_home_goals) ? "away_goals" : "home_goals", hm.has(c_home_goals) ? "客队进球" : "主队进球"}});
    }
    return true;
  }

  const std::size_t first_line = fh.body_line;
  switch (read_in_parts(layout, text, delim, source, source_index, rules, options, check_utf8, body, first_line,
                        into, sink)) {
    case InParts::read: return true;
    case InParts::not_utf8: return false;
    case InParts::not_read: break;
  }
  if (check_utf8 && !is_valid_utf8(text.substr(body))) return false;
  into.sources.emplace_back(source);
  Loader loader(layout, text, delim, source, source_index, rules, options, into, sink, false, false);
  loader.run(body, text.size(), first_line);
  Loader::trim(into);
  return true;
}

}  // namespace

void parse_results(std::string_view bytes, std::string_view source, const Rules& rules,
                   const ResultsOptions& options, Results& into, std::vector<Diagnostic>& diags) {
  const auto bad_encoding = [&](const DecodedText& d) {
    const std::string name(options.encoding == EncodingChoice::gb18030 ? "GB18030" : encoding_name(d.encoding));
    diags.push_back({Severity::error, std::string(source), 0, "", "", "bad_encoding",
                     {name, std::to_string(*d.error_offset)}});
  };
  // The options with `consumed` given offsets into the bytes, when the text
  // is the bytes themselves (after a BOM), and none when it is a copy.
  const auto own_options = [&](const DecodedText& d) {
    ResultsOptions own = options;
    if (!d.storage.empty() || d.text.empty()) {
      own.execution.consumed = nullptr;
    } else if (const auto skip = static_cast<std::size_t>(d.text.data() - bytes.data()); skip != 0 && own.execution.consumed) {
      own.execution.consumed = [skip, consumed = options.execution.consumed](std::size_t begin, std::size_t end) {
        consumed(skip + begin, skip + end);
      };
    }
    return own;
  };
  // UTF-8 is read as it is and checked as it is read (one pass over the
  // bytes, not two); other encodings are decoded first. Bytes that turn out
  // not to be UTF-8 (the parse has added nothing then) are decoded: as
  // GB18030, or reported.
  DecodedText decoded = decode_text(bytes, options.encoding, 1, true);
  if (decoded.error_offset) return bad_encoding(decoded);
  if (decoded.unchecked) {
    if (parse_text(decoded.text, source, rules, own_options(decoded), true, into, diags)) return;
    decoded = decode_text(bytes, options.encoding, std::max(options.execution.threads, 1U));
    if (decoded.error_offset) return bad_encoding(decoded);
  }
  parse_text(decoded.text, source, rules, own_options(decoded), false, into, diags);
}

}  // namespace matchday