// Match results as read from results files (docs/spec.md §3), grouped by group.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
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

// One group's teams and matches. Plain data: build one by hand with
// intern_team, or read it with parse_results.
struct Group {
  std::string name;
  bool named_after_file = false;   // no group column: the name is the file's stem
  std::vector<std::string> teams;  // in order of first appearance
  std::vector<Match> matches;      // in input order

  // The id of team `name`, added when new. A scan of `teams`: for a group
  // built by hand (parse_results keeps an index of its own).
  std::uint32_t intern_team(std::string_view name);
  // The id of team `name`, or -1.
  [[nodiscard]] std::int64_t find_team(std::string_view name) const;
};

// What one or more results files hold, in the order they give it.
struct Results {
  std::vector<std::string> sources;     // file names as given; Match::source indexes it
  std::vector<Group> groups;            // in order of first appearance
  std::vector<std::string> stages{""};  // knockout stage names; [0] is the group stage

  // The index of group `name`, added when new. A scan of `groups`: for
  // results built by hand (parse_results keeps an index of its own).
  std::size_t intern_group(std::string_view name);
};

// How parse_results runs. None of it changes what is read: the same groups,
// teams, matches, lines and diagnostics come out of every setting (the tests
// compare them). The defaults suit a library user reading a file now and
// then; the CLI gives a large file its cores.
struct ResultsExecution {
  // Threads for one large file: its rows are cut at line breaks and the
  // parts read at once, then joined in file order. 1: all on the calling
  // thread. A file with a quoted line break, a stage column or an error is
  // read on one thread whatever this says.
  unsigned threads = 1;
  // A part has at least this many bytes (below it, threads cost more than
  // they save).
  std::size_t min_bytes_per_thread = std::size_t{2} << 20;
  // Rows are read by a parser specialised for the file's header, which gives
  // the same match as the general CSV reader or leaves the row to it
  // (anything it is not sure of: a quote written twice, full-width digits,
  // other date forms, anything wrong). False: every row goes through the
  // general reader (the tests compare the two).
  bool fast_rows = true;
  // When set, called now and then with a range [begin, end) of the bytes
  // given to parse_results that the parse will not read again nor refer to
  // from what it keeps, so that the caller may give that memory back (the CLI
  // drops those pages of the mapped file). With threads > 1 it is called from
  // several threads at once. Only for bytes read as they are (UTF-8).
  std::function<void(std::size_t begin, std::size_t end)> consumed;
};

struct ResultsOptions {
  char delimiter = 0;  // 0: sniff from the name and the first line
  // Group of rows without a group column (or with an empty cell); the CLI
  // passes the file's stem, so `groupA.csv` makes group "groupA".
  std::string default_group;
  // How the bytes are decoded (decode_text): by default UTF-8 (with or
  // without a BOM) or UTF-16 with a BOM, and GB18030 for anything else.
  EncodingChoice encoding = EncodingChoice::automatic;
  ResultsExecution execution;
};

// Reads one results file, its bytes as they are on disk, into `into`:
// decodes them (options.encoding), reads the header and every row. Every
// problem is added to `diags` (errors and warnings, each with line, column
// and value; bad_encoding for bytes that are not in the encoding asked for);
// `into` is only meaningful when no error was added. `rules` decide the
// fair-play weights, whether a draw needs a shootout and the meeting limit.
void parse_results(std::string_view bytes, std::string_view source, const Rules& rules,
                   const ResultsOptions& options, Results& into, std::vector<Diagnostic>& diags);

}  // namespace matchday
