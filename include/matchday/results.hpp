// Match results as read from results files (docs/spec.md §3), grouped by group.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "matchday/date.hpp"
#include "matchday/diagnostic.hpp"
#include "matchday/rules.hpp"
#include "matchday/text.hpp"

namespace matchday {

enum class MatchStatus : std::uint8_t { played, awarded, postponed, cancelled };

[[nodiscard]] std::string_view match_status_name(MatchStatus s);

// What one results file, and the results read together, may hold: a Match
// keeps its team ids, file index and stage index in these widths (32 bytes a
// match: most of the memory a league's results take). Past them,
// parse_results reports an error (too_many_teams, too_many_files,
// too_many_stages) rather than wrap.
inline constexpr std::size_t k_max_teams_per_group = 65535;
inline constexpr std::size_t k_max_result_files = 65535;
inline constexpr std::size_t k_max_stages = 255;  // knockout stage names, besides the group stage

// One row of a results file. Team ids index the group's `teams`. The fields
// are ordered so that there is no padding (32 bytes).
struct Match {
  std::uint32_t line = 0;             // physical line of the row
  std::uint16_t home = 0;
  std::uint16_t away = 0;
  std::int16_t home_goals = -1;       // -1 with away_goals -1: not played yet
  std::int16_t away_goals = -1;
  std::int16_t home_pens = -1;        // -1: no shootout
  std::int16_t away_pens = -1;
  // Disciplinary points (cards weighted by the rules: at most 99 cards of a
  // kind and 100 points a card, so they fit).
  std::int16_t home_fair_play = 0;
  std::int16_t away_fair_play = 0;
  std::int32_t matchday = 0;          // 0: not given
  CompactDate date{};                 // year 0: not given (parse_date's years fit in 16 bits)
  std::uint16_t source = 0;           // index into Results::sources
  std::uint8_t stage = 0;             // index into Results::stages; 0: none (group stage)
  MatchStatus status = MatchStatus::played;

  [[nodiscard]] bool has_score() const { return home_goals >= 0 && away_goals >= 0; }
  [[nodiscard]] bool has_shootout() const { return home_pens >= 0 && away_pens >= 0; }
};

struct Group {
  std::string name;
  bool named_after_file = false;   // no group column: the name is the file's stem
  std::vector<std::string> teams;  // in order of first appearance
  std::vector<Match> matches;      // in input order

  // The id of team `name`, added when new.
  std::uint32_t intern_team(std::string_view name);
  // The id of team `name`, or -1.
  [[nodiscard]] std::int64_t find_team(std::string_view name) const;

  std::unordered_map<std::string, std::uint32_t> team_index_;  // internal; for large groups
};

struct Results {
  std::vector<std::string> sources;  // file names as given
  std::vector<Group> groups;         // in order of first appearance
  std::vector<std::string> stages{""};  // knockout stage names; [0] is the group stage

  // The index of group `name`, added when new.
  std::size_t intern_group(std::string_view name);
  std::size_t last_group_ = static_cast<std::size_t>(-1);  // internal lookup cache
  std::unordered_map<std::string, std::size_t> group_index_;  // internal; for many groups
  std::size_t group_indexed_ = 0;                             // groups in group_index_
};

struct ResultsOptions {
  char delimiter = 0;          // 0: sniff from the name and the first line
  // Group of rows without a group column (or with an empty cell); the CLI
  // passes the file's stem, so `groupA.csv` makes group "groupA".
  std::string default_group;
  // When set, called now and then during the parse with a range of the text,
  // [begin, end), that the parse will not read again nor refer to from what
  // it keeps, so the caller may give that memory back (the CLI drops those
  // pages of the mapped file, so that the file and the matches are not both
  // in memory at the end). With `threads` > 1 it is called from several
  // threads at once.
  std::function<void(std::size_t begin, std::size_t end)> consumed;
  // Threads for one large file: a file with no quote character is cut at
  // line breaks and its parts are read at once, then joined in file order
  // (groups, teams, matches, line numbers and diagnostics are exactly as one
  // thread makes them). 1: everything on the calling thread.
  unsigned threads = 1;
  // A part has at least this many bytes (below it, threads cost more than
  // they save).
  std::size_t min_bytes_per_thread = std::size_t{2} << 20;
  // Rows are read by a parser specialised for the file's header, which hands
  // any row it is not sure of (quotes, spaces, full-width digits, other date
  // forms, anything wrong) to the general CSV reader. False: every row goes
  // through the general reader (tests compare the two).
  bool fast_rows = true;
  // The text has not been checked for UTF-8 (DecodedText::unchecked): it is
  // checked as it is read, and parse_results returns false, having added
  // nothing, when it is not UTF-8 (the caller decodes it again).
  bool check_utf8 = false;
};

// Reads one results file (decoded text) into `into`. Every problem is added
// to `diags` (errors and warnings, each with line, column and value); `into`
// is only meaningful when no error was added. `rules` decide the fair-play
// weights, whether a draw needs a shootout and the meeting limit. Returns
// false only for text that options.check_utf8 found not to be UTF-8.
bool parse_results(std::string_view text, std::string_view source, const Rules& rules,
                   const ResultsOptions& options, Results& into, std::vector<Diagnostic>& diags);

}  // namespace matchday
