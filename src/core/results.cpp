#include "matchday/results.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>
#include <exception>
#include <future>
#include <iterator>

#include "bytes.hpp"
#include "matchday/csv.hpp"
#include "parallel.hpp"
#include "parse_util.hpp"

namespace matchday {
namespace {

enum Col : std::size_t {
  c_group, c_matchday, c_date, c_home, c_away, c_home_goals, c_away_goals, c_score,
  c_home_pens, c_away_pens, c_pens, c_status, c_home_yellow, c_away_yellow, c_home_red,
  c_away_red, c_home_fp, c_away_fp, c_stage, c_count
};

constexpr std::array<ColumnSpec, c_count> k_columns{{
    {"group", "小组|分组|组别|组"},
    {"matchday", "轮次|round|轮|md"},
    {"date", "日期|比赛日期"},
    {"home", "主队|home_team|主场"},
    {"away", "客队|away_team|客场"},
    {"home_goals", "主队进球|主队得分|home_score|hg"},
    {"away_goals", "客队进球|客队得分|away_score|ag"},
    {"score", "比分|result|全场比分"},
    {"home_pens", "主队点球|home_penalties|home_shootout"},
    {"away_pens", "客队点球|away_penalties|away_shootout"},
    {"pens", "点球|点球比分|penalties|shootout"},
    {"status", "状态|比赛状态"},
    {"home_yellow", "主队黄牌|home_yellows|home_yellow_cards"},
    {"away_yellow", "客队黄牌|away_yellows|away_yellow_cards"},
    {"home_red", "主队红牌|home_reds|home_red_cards"},
    {"away_red", "客队红牌|away_reds|away_red_cards"},
    {"home_fair_play", "主队公平竞赛分|主队纪律分"},
    {"away_fair_play", "客队公平竞赛分|客队纪律分"},
    {"stage", "阶段|轮次名称|淘汰赛阶段"},
}};

// Whether a header row has what a results file needs: both teams, and the
// score (one column, or one per side).
bool results_header(const HeaderMatch& hm) {
  const bool split = hm.has(c_home_goals) || hm.has(c_away_goals);
  return hm.has(c_home) && hm.has(c_away) && (split ? hm.has(c_home_goals) && hm.has(c_away_goals) : hm.has(c_score));
}

constexpr int k_max_goals = 999;

// One side's disciplinary points from its cards, weighted by the rules: at
// most 99 cards of a kind and (parse_rules) 100 points a card, so at most
// 19,800; rules made some other way are held to what a Match keeps.
std::int16_t weighted_cards(int yellow, int red, const Rules& rules) {
  const long long points = 1LL * yellow * rules.yellow_card_points + 1LL * red * rules.red_card_points;
  return static_cast<std::int16_t>(std::clamp<long long>(points, INT16_MIN, INT16_MAX));
}

// "2:1", "2-1", "2：1" (normalised to ASCII by the caller).
bool split_score(std::string_view s, std::string_view& a, std::string_view& b) {
  const std::size_t sep = s.find_first_of(":-");
  if (sep == std::string_view::npos) return false;
  a = trim(s.substr(0, sep));
  b = trim(s.substr(sep + 1));
  return true;
}

// How often each pair of teams of one group meets: the lower triangle of a
// square matrix, row by row, so that it grows as teams appear by appending
// (pair (a, b) with a < b is at b * (b - 1) / 2 + a).
class MeetingCounter {
 public:
  // Counts one more meeting of a and b (ids < teams) and returns the total.
  int count(std::uint32_t a, std::uint32_t b, std::size_t teams) {
    const std::size_t lo = std::min(a, b), hi = std::max(a, b);
    const std::size_t at = hi * (hi - 1) / 2 + lo;
    if (at >= m_counts.size()) m_counts.resize(teams * (teams - 1) / 2, 0);
    return ++m_counts[at];
  }

 private:
  std::vector<int> m_counts;
};

// Team ids by group and name, for parse_results: one hash and usually one
// comparison a lookup, where Group::intern_team compares the name with each of
// the group's teams in turn. One small table per group, so that the group a
// file is at stays in cache. A slot holds a name of up to 24 bytes whole (in
// three words: a Chinese name of up to eight characters), so that a lookup
// compares it without going to the group's strings. New names still go
// through intern_team, which assigns the id (in order of first appearance)
// and keeps its own index.
class TeamLookup {
 public:
  // With `check_new`, a name not seen before in its group is checked for
  // UTF-8 (a name seen before is the same bytes as one checked then):
  // not_utf8() tells whether one was not.
  explicit TeamLookup(bool check_new = false) : m_check_new(check_new) { m_tables.reserve(k_live); }
  [[nodiscard]] bool not_utf8() const { return m_not_utf8; }

  // Inline, the lookup of a name seen before in the group at hand (almost
  // every lookup); anything else out of line.
  std::uint32_t intern(Group& group, std::size_t group_index, std::string_view name) {
    Table& t = group_index == m_last_group ? *m_last_table : table(group, group_index);
    const Key key(name);
    const std::size_t mask = t.slots.size() - 1;
    for (std::size_t i = key.hash() & mask;; i = (i + 1) & mask) {
      const Slot& slot = t.slots[i];
      if (slot.id == 0) return add(group, t, name, key);
      const bool same = static_cast<const Key&>(slot) == key &&
                        (name.size() <= Key::k_whole || same_text(group.teams[slot.id - 1], name));
      if (same) return slot.id - 1;
    }
  }

 private:
  // A name's length and three of its words: the bytes at 0, 8 (or n - 16)
  // and n - 8, which cover it for n <= 24; a shorter one padded with zeros.
  struct Key {
    static constexpr std::size_t k_whole = 24;
    std::uint64_t w[3] = {0, 0, 0};
    std::uint32_t size = 0;

    Key() = default;
    explicit Key(std::string_view s) : size(static_cast<std::uint32_t>(s.size())) {
      const std::size_t n = s.size();
      if (n >= 8) {
        std::memcpy(&w[0], s.data(), 8);
        std::memcpy(&w[1], s.data() + (n >= 16 ? 8 : n - 8), 8);
        std::memcpy(&w[2], s.data() + n - 8, 8);
      } else {
        std::memcpy(&w[0], s.data(), n);
      }
    }
    bool operator==(const Key&) const = default;
    // Three products at once rather than one after another: a lookup waits
    // for its hash, and two lookups a row are most of what a row waits for.
    [[nodiscard]] std::uint32_t hash() const {
      const std::uint64_t h = (w[0] ^ size) * 0x9E3779B97F4A7C15ULL + w[1] * 0xC2B2AE3D27D4EB4FULL +
                              w[2] * 0x165667B19E3779F9ULL;
      return static_cast<std::uint32_t>((h ^ (h >> 29)) >> 32);
    }
  };
  struct Slot : Key {
    std::uint32_t id = 0;  // the team's id + 1; 0: free
  };
  static_assert(sizeof(Slot) == 32);  // (id in the key's padding)
  struct Table {
    std::vector<Slot> slots;
    std::size_t used = 0;
    std::size_t group = 0;      // whose table it is
    std::uint64_t used_at = 0;  // when it was last asked for
  };

  // Adds `name`, new to its group, to table `t`.
  [[gnu::noinline]] std::uint32_t add(Group& group, Table& t, std::string_view name, const Key& key) {
    if (m_check_new && !is_valid_utf8(name)) m_not_utf8 = true;
    const std::uint32_t id = group.intern_team(name);
    if ((t.used + 1) * 2 > t.slots.size()) grow(t);
    put(t, key, id);
    return id;
  }

  static void put(Table& t, const Key& key, std::uint32_t id) {
    const std::size_t mask = t.slots.size() - 1;
    std::size_t i = key.hash() & mask;
    while (t.slots[i].id != 0) i = (i + 1) & mask;
    t.slots[i] = {key, id + 1};
    ++t.used;
  }

  // The table of group `group_index`, never empty. Only the groups asked for last have
  // one (k_live): a file gives a group's rows together, or cycles through a
  // few groups, and a table for each of a league's 2,000 groups was 4 MB of
  // memory touched once (a page fault every 4 kB). A group that comes back
  // after its table went to another gets one made again from its teams.
  [[gnu::noinline]] Table& table(const Group& group, std::size_t group_index) {
    m_last_group = group_index;
    if (group_index < m_table_of.size() && m_table_of[group_index] != 0) {
      m_last_table = &m_tables[m_table_of[group_index] - 1];
      m_last_table->used_at = ++m_clock;
      return *m_last_table;
    }
    std::size_t k = m_tables.size();
    if (k < k_live) {
      m_tables.emplace_back();
    } else {
      k = static_cast<std::size_t>(std::ranges::min_element(m_tables, {}, &Table::used_at) - m_tables.begin());
      m_table_of[m_tables[k].group] = 0;
      std::ranges::fill(m_tables[k].slots, Slot{});
      m_tables[k].used = 0;
    }
    if (group_index >= m_table_of.size()) m_table_of.resize(group_index + 1, 0);
    m_table_of[group_index] = static_cast<std::uint32_t>(k + 1);
    Table& t = m_tables[k];
    t.group = group_index;
    t.used_at = ++m_clock;
    if (t.slots.empty()) grow(t);
    for (std::uint32_t id = 0; id < group.teams.size(); ++id) {
      if ((t.used + 1) * 2 > t.slots.size()) grow(t);
      put(t, Key(group.teams[id]), id);
    }
    m_last_table = &t;
    return t;
  }

  static void grow(Table& t) {
    std::vector<Slot> old(std::max<std::size_t>(32, t.slots.size() * 2));
    old.swap(t.slots);
    t.used = 0;
    for (const Slot& slot : old) {
      if (slot.id != 0) put(t, slot, slot.id - 1);
    }
  }

  static constexpr std::size_t k_live = 64;
  std::vector<Table> m_tables;            // at most k_live (reserved: m_last_table stays valid)
  std::size_t m_last_group = static_cast<std::size_t>(-1);  // the group table() gave last, and its table
  Table* m_last_table = nullptr;
  std::vector<std::uint32_t> m_table_of;  // per group: its table's index + 1; 0: none
  std::uint64_t m_clock = 0;
  bool m_check_new = false;
  bool m_not_utf8 = false;
};

}  // namespace

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
  if (teams.size() < 32) {
    for (std::uint32_t i = 0; i < teams.size(); ++i) {
      if (same_text(teams[i], team_name)) return i;
    }
    teams.emplace_back(team_name);
    if (teams.size() == 32) {
      for (std::uint32_t i = 0; i < teams.size(); ++i) team_index_.emplace(teams[i], i);
    }
    return static_cast<std::uint32_t>(teams.size() - 1);
  }
  auto [it, added] = team_index_.try_emplace(std::string(team_name), static_cast<std::uint32_t>(teams.size()));
  if (added) teams.emplace_back(team_name);
  return it->second;
}

std::int64_t Group::find_team(std::string_view team_name) const {
  for (std::size_t i = 0; i < teams.size(); ++i) {
    if (teams[i] == team_name) return static_cast<std::int64_t>(i);
  }
  return -1;
}

std::size_t Results::intern_group(std::string_view name) {
  if (last_group_ < groups.size() && same_text(groups[last_group_].name, name)) return last_group_;
  if (groups.size() >= 16) {
    // Many groups (a league's 2,000): a hash index, so that a new group does not
    // compare its name with every group before it. Groups appended directly are
    // indexed here too; the first of equal names wins, as in the scan below.
    for (; group_indexed_ < groups.size(); ++group_indexed_) {
      group_index_.try_emplace(groups[group_indexed_].name, group_indexed_);
    }
    const auto it = group_index_.find(std::string(name));
    if (it != group_index_.end() && it->second < groups.size() && groups[it->second].name == name) {
      return last_group_ = it->second;
    }
    if (it == group_index_.end()) {
      groups.push_back(Group{std::string(name), false, {}, {}, {}});
      return last_group_ = groups.size() - 1;
    }
    // A stale entry (a name changed in place): the scan below decides.
  }
  for (std::size_t i = 0; i < groups.size(); ++i) {
    if (groups[i].name == name) return last_group_ = i;
  }
  groups.push_back(Group{std::string(name), false, {}, {}, {}});
  return last_group_ = groups.size() - 1;
}

namespace {

// What a column of the file is to the fast row parser.
enum class Field : std::uint8_t {
  skip,        // not read (any unquoted text)
  empty_only,  // read by the general reader only: the fast parser takes the row when it is empty
  text,        // group, home or away: a name
  count,       // a whole number
  date,
};

struct FieldSpec {
  Field kind = Field::skip;
  std::uint8_t col = c_count;  // the Col it fills
  int max = 0;                 // Field::count: the largest value
};

// One row as the fast parser reads it: names and numbers (-1: empty). A
// column the file lacks is never written: -1, no date, no name.
struct FastRow {
  std::string_view text[c_count]{};
  int num[c_count];
  CompactDate date{};

  FastRow() { std::fill(std::begin(num), std::end(num), -1); }
};

// How the columns of one file are read, from its header.
struct Layout {
  HeaderMatch hm;
  bool split_scores = false;
  std::vector<FieldSpec> fields;  // per field of the header
  bool fast = false;              // the fast parser can read rows of this file
  // The fields before the first team name: the group, matchday and date that
  // the rows of a matchday repeat (fast_row reads them once for all).
  std::size_t prefix_fields = 0;
  // The group's cell is one of those fields, or there is no group column: a
  // row that repeats them is of the last row's group.
  bool prefix_holds_group = false;
  // The first of the counts that end the row (the goals, shootout and cards
  // of most files): fast_row() reads them in a loop of their own.
  std::size_t count_tail = 0;
};

Layout make_layout(const CsvRecord& header, char delim) {
  Layout l;
  l.hm = match_header(header, k_columns);
  const HeaderMatch& hm = l.hm;
  l.split_scores = hm.has(c_home_goals) || hm.has(c_away_goals);
  const bool split_pens = hm.has(c_home_pens) || hm.has(c_away_pens);
  l.fields.assign(header.fields.size(), FieldSpec{});
  const auto set = [&](std::size_t col, Field kind, int max = 0) {
    if (hm.has(col)) l.fields[static_cast<std::size_t>(hm.index[col])] = {kind, static_cast<std::uint8_t>(col), max};
  };
  set(c_group, Field::text);
  set(c_home, Field::text);
  set(c_away, Field::text);
  set(c_matchday, Field::count, 1000000);
  set(c_date, Field::date);
  for (std::size_t col : {c_home_goals, c_away_goals, c_home_pens, c_away_pens}) set(col, Field::count, k_max_goals);
  for (std::size_t col : {c_home_yellow, c_away_yellow, c_home_red, c_away_red, c_home_fp, c_away_fp}) {
    set(col, Field::count, 99);
  }
  if (!l.split_scores) set(c_score, Field::empty_only);
  if (!split_pens) set(c_pens, Field::empty_only);
  set(c_status, Field::empty_only);
  set(c_stage, Field::empty_only);
  // Quotes and line breaks are the general reader's; so is a file whose
  // header names a column twice (it is an error anyway).
  l.fast = !l.fields.empty() && hm.duplicated.empty() && delim != '"' && delim != '\n' && delim != '\r';
  // fast_row reads counts of one or two digits without comparing them with the max.
  l.fast = l.fast && std::ranges::none_of(l.fields, [](const FieldSpec& f) { return f.kind == Field::count && f.max < 99; });
  if (hm.has(c_home) && hm.has(c_away)) l.prefix_fields = static_cast<std::size_t>(std::min(hm.index[c_home], hm.index[c_away]));
  l.prefix_holds_group = !hm.has(c_group) || static_cast<std::size_t>(hm.index[c_group]) < l.prefix_fields;
  l.count_tail = l.fields.size();
  while (l.count_tail > 0 && l.fields[l.count_tail - 1].kind == Field::count) --l.count_tail;
  return l;
}

// A match past the meeting limit, found by a part (read_in_parts): its line,
// group and teams, as ids of the part.
struct MeetingWarning {
  std::uint32_t line;
  std::size_t group;
  std::uint32_t home, away;
};

// Counts in `meetings` the meetings of the matches [from, end) of group g
// (index gi) that count towards the limit (not cancelled, group stage), and
// notes in `out` each that takes a pair past the rules' max_meetings.
void count_meetings(const Group& g, std::size_t gi, std::size_t from, MeetingCounter& meetings, int max_meetings,
                    std::vector<MeetingWarning>& out) {
  for (std::size_t k = from; k < g.matches.size(); ++k) {
    const Match& m = g.matches[k];
    if (m.status == MatchStatus::cancelled || m.stage != 0) continue;
    if (meetings.count(m.home, m.away, g.teams.size()) == max_meetings + 1) out.push_back({m.line, gi, m.home, m.away});
  }
}

// The error for a team past k_max_teams_per_group in group g: the team's cell
// (home or away, under the file's header), at the row's line.
Diagnostic too_many_teams(std::string_view source, std::size_t line, const HeaderMatch& hm, bool home,
                          std::string_view team, const Group& g) {
  const std::size_t col = home ? c_home : c_away;
  return {Severity::error, std::string(source), line,
          hm.has(col) ? hm.header[static_cast<std::size_t>(hm.index[col])] : std::string(home ? "home" : "away"),
          std::string(team), "too_many_teams", {g.name, std::to_string(k_max_teams_per_group)}};
}

// The leading fields of the last row the fast parser took (Layout::
// prefix_fields), as bytes: a row that starts with the same bytes has the
// same values there, so fast_row() does not read them again, and add() takes
// the group as the last row's. Most rows of a file repeat the group, matchday
// and date of the row before.
struct Prefix {
  static constexpr std::size_t k_max = 32;  // longer leading fields are read every row
  char bytes[k_max] = {};
  std::size_t len = 0;          // 0: none kept
  bool reused = false;          // the row at hand starts with `bytes`
  std::size_t next_len = 0;     // the row at hand's leading fields, for keep()

  // Whether the row at p (with at least k_max bytes to read) starts with `bytes`.
  [[nodiscard]] bool same(const char* p) const {
#if defined(__SSE2__)
    const auto load = [](const char* at) { return _mm_loadu_si128(reinterpret_cast<const __m128i*>(at)); };
    const auto eq = static_cast<std::uint32_t>(_mm_movemask_epi8(_mm_cmpeq_epi8(load(p), load(bytes)))) |
                    static_cast<std::uint32_t>(_mm_movemask_epi8(_mm_cmpeq_epi8(load(p + 16), load(bytes + 16)))) << 16;
    const std::uint32_t want = len == k_max ? ~0U : (1U << len) - 1;
    return (eq & want) == want;
#else
    return std::memcmp(p, bytes, len) == 0;
#endif
  }
  // The row at `row`, just taken whole, is the one to compare the next with.
  void keep(const char* row) {
    len = next_len <= k_max ? next_len : 0;
    std::memcpy(bytes, row, len);
  }
};

// Reads the rows of a range of a results file into `into`: a row the fast
// parser takes, or one record of the general CSV reader.
class Loader {
 public:
  Loader(const Layout& layout, std::string_view text, char delim, std::string_view source,
         std::uint16_t source_index, const Rules& rules, const ResultsOptions& options, Results& into,
         DiagnosticSink& sink, bool part)
      : m_layout(layout), m_hm(layout.hm), m_split_scores(layout.split_scores), m_text(text), m_delim(delim),
        m_source(source), m_source_index(source_index), m_rules(rules), m_options(options), m_into(into),
        m_sink(sink), m_part(part), m_check_utf8(part && options.check_utf8), m_reader(text, delim),
        m_row(source, layout.hm, sink), m_meetings(into.groups.size()), m_teams(m_check_utf8) {}

  // Reads the records in [begin, end) of the text, the first at line `line`
  // (begin is the start of a record, end the end of one or of the text).
  // Returns the line after the last record.
  std::size_t run(std::size_t begin, std::size_t end, std::size_t line) {
    // options.consumed every 4 MB, up to the start of the record at hand.
    constexpr std::size_t k_consumed_step = std::size_t{4} << 20;
    std::size_t consumed = begin;
    const bool fast = m_layout.fast && m_options.fast_rows;
    const char* const base = m_text.data();
    std::size_t at = begin;
    while (at < end) {
      if (m_options.consumed && at - consumed >= k_consumed_step) {
        m_options.consumed(consumed, at);
        consumed = at;
      }
      if (fast) {
        const char* next = fast_row(base + at, base + end);
        if (next && add_fast(line)) {
          if (not_utf8()) break;
          if (!m_prefix.reused) m_prefix.keep(base + at);
          ++line;
          at = static_cast<std::size_t>(next - base);
          continue;
        }
        m_prefix.len = 0;  // (the general reader's row may be of another group)
      }
      m_reader.seek(at, line);
      if (!m_reader.next(m_rec)) break;
      if (m_part && std::memchr(base + at, '"', m_reader.position() - at) != nullptr) {
        // A part stops at a quote: a line break may not end a record then.
        // (Fast rows have none, so every byte of a part is looked at.)
        m_quoted = true;
        break;
      }
      if (m_check_utf8 && !is_valid_utf8(m_text.substr(at, m_reader.position() - at))) {
        m_not_utf8 = true;
        break;
      }
      generic_row(m_rec);
      at = m_reader.position();
      line = m_reader.line();
    }
    if (m_part) {
      for (std::size_t gi = 0; gi < m_into.groups.size(); ++gi) count_meetings(gi);
    }
    return line;
  }

  // A part: run() stopped at a quote character.
  [[nodiscard]] bool quoted() const { return m_quoted; }
  // A part of text to check (ResultsOptions::check_utf8): run() stopped at
  // bytes that are not UTF-8. Every byte of a part is checked, once, as it
  // is read, and mostly for free: a general row's record, a fast row's
  // fields that may hold other than ASCII (fast_row reads digits, dates,
  // delimiters and line breaks as ASCII), and of its names only those new
  // to their group (a name seen before is the same bytes as one checked).
  [[nodiscard]] bool not_utf8() const { return m_not_utf8 || m_teams.not_utf8(); }
  // A part: the meeting warnings, counted within the part only.
  std::vector<MeetingWarning>& meeting_warnings() { return m_meeting_warnings; }

  // Gives back what growing left unused, where it is much (groups
  // interleaved row by row grow together): the matches are most of the
  // memory kept.
  static void trim(Results& results) {
    for (Group& g : results.groups) {
      if (g.matches.capacity() - g.matches.size() > g.matches.size() / 4 + 16) g.matches.shrink_to_fit();
    }
  }

 private:
  // Reads the row at p into m_fast; returns the start of the next row, or
  // nullptr when the general reader must read this one (a quote, a line
  // break inside, too few or too many fields, a cell the general reader would
  // normalise or report, a date in another form, a number out of range).
  const char* fast_row(const char* p, const char* end) {
    FastRow& r = m_fast;
    const std::size_t nf = m_layout.fields.size();
#if defined(__SSE2__)
    const __m128i delim = _mm_set1_epi8(m_delim);
#endif
    const char* const row = p;
    std::size_t f = 0;
    // The same bytes as the last row's leading fields are the same values:
    // those of m_fast, as that row left them. (The group's cell is not read
    // again: add() takes the last row's group.)
    m_prefix.reused = m_prefix.len != 0 && end - p >= static_cast<std::ptrdiff_t>(Prefix::k_max) && m_prefix.same(p);
    if (m_prefix.reused) {
      p += m_prefix.len;
      f = m_layout.prefix_fields;
    }
    for (; f < nf; ++f) {
      if (f == m_layout.count_tail && end - p >= static_cast<std::ptrdiff_t>(3 * (nf - f) + 2)) return count_tail(p, f);
      const FieldSpec spec = m_layout.fields[f];
      const char* q = p;
      switch (spec.kind) {
        case Field::count: {
          const auto digit = [](char c) { return static_cast<unsigned>(static_cast<unsigned char>(c - '0')); };
          // Empty, one digit or two, the usual counts (at most 99, within
          // every count's max: make_layout makes sure), read without a loop.
          if (end - p >= 3) {
            const unsigned d0 = digit(p[0]), d1 = digit(p[1]);
            if (d0 >= 10) {
              r.num[spec.col] = -1;  // empty (or not a number: the check after the field sends it on)
              break;
            }
            if (d1 >= 10) {
              r.num[spec.col] = static_cast<int>(d0);
              q = p + 1;
              break;
            }
            if (digit(p[2]) >= 10) {
              r.num[spec.col] = static_cast<int>(d0 * 10 + d1);
              q = p + 2;
              break;
            }
          }
          // At most nine digits (as parse_count): a tenth is not read, so v
          // cannot overflow, and sends the row to the general reader.
          int v = 0;
          while (q < end && q - p < 9 && digit(*q) < 10) v = v * 10 + static_cast<int>(digit(*q++));
          if ((q < end && digit(*q) < 10) || v > spec.max) return nullptr;
          r.num[spec.col] = q == p ? -1 : v;
          break;
        }
        case Field::date: {
          if (q < end && *q != m_delim && *q != '\n' && *q != '\r') {
            if (end - p < 10) return nullptr;
            // Rows of a matchday share its date: the same ten bytes as the
            // last date read are that date.
            std::uint64_t head;
            std::uint16_t tail;
            std::memcpy(&head, p, 8);
            std::memcpy(&tail, p + 8, 2);
            if (m_date_valid && head == m_date_head && tail == m_date_tail) {
              r.date = m_date;
              q = p + 10;
              break;
            }
            const std::optional<Date> date = iso_date(p);
            if (!date) return nullptr;
            r.date = m_date = *date;
            m_date_head = head;
            m_date_tail = tail;
            m_date_valid = true;
            q = p + 10;
          } else {
            r.date = CompactDate{};
          }
          break;
        }
        case Field::text:
        case Field::skip:
        case Field::empty_only: {
          // Up to the delimiter or the line's end, sixteen bytes at a time.
          unsigned unclean = 0;
#if defined(__SSE2__)
          for (;;) {
            if (end - q < 32) {
              while (q < end && !is_stop(*q, m_delim)) unclean |= static_cast<unsigned>(is_unclean(*q++));
              break;
            }
            const std::uint32_t stops = stop_mask(q, delim) | stop_mask(q + 16, delim) << 16;
            const std::uint32_t bad = spec.kind == Field::text ? unclean_mask(q) | unclean_mask(q + 16) << 16 : 0;
            if (stops != 0) {
              const int k = std::countr_zero(stops);
              unclean |= static_cast<unsigned>(bad & ((std::uint64_t{1} << k) - 1));
              q += k;
              break;
            }
            unclean |= bad;
            q += 32;
          }
#else
          while (q < end && !is_stop(*q, m_delim)) unclean |= static_cast<unsigned>(is_unclean(*q++));
#endif
          if (q < end && *q == '"') return nullptr;
          if (spec.kind == Field::text) {
            if (unclean != 0) return nullptr;
            r.text[spec.col] = std::string_view(p, static_cast<std::size_t>(q - p));
          } else if (spec.kind == Field::empty_only && q != p) {
            return nullptr;
          } else if (m_check_utf8 && !is_valid_utf8(std::string_view(p, static_cast<std::size_t>(q - p)))) {
            return nullptr;  // (the general reader finds it so too, and says so)
          }
          break;
        }
      }
      if (f + 1 < nf) {
        if (q >= end || *q != m_delim) return nullptr;
        p = q + 1;
        if (f + 1 == m_layout.prefix_fields) m_prefix.next_len = static_cast<std::size_t>(p - row);
        continue;
      }
      if (q == end) return end;
      if (*q == '\n') return q + 1;
      if (*q == '\r' && q + 1 < end && q[1] == '\n') return q + 2;
      return nullptr;
    }
    return nullptr;
  }

  // The counts that end the row, from field f at p, with room to read each as
  // two digits and a delimiter: in a loop of their own, each one digit, two or
  // none (more, or anything else, go to the general reader); returns as
  // fast_row() does.
  const char* count_tail(const char* p, std::size_t f) {
    const auto digit = [](char c) { return static_cast<unsigned>(static_cast<unsigned char>(c - '0')); };
    const std::size_t nf = m_layout.fields.size();
    for (;; ++f) {
      const unsigned d0 = digit(p[0]), d1 = digit(p[1]);
      int v = -1;
      if (d0 < 10) {
        if (d1 >= 10) {
          v = static_cast<int>(d0);
          p += 1;
        } else {
          v = static_cast<int>(d0 * 10 + d1);  // (a third digit is not a delimiter: the row goes on)
          p += 2;
        }
      }
      m_fast.num[m_layout.fields[f].col] = v;
      if (f + 1 < nf) {
        if (*p != m_delim) return nullptr;
        ++p;
        continue;
      }
      if (*p == '\n') return p + 1;
      if (*p == '\r' && p[1] == '\n') return p + 2;
      return nullptr;
    }
  }

  // The row fast_row() read, when the general reader would take it as it is
  // and report nothing; otherwise false (and nothing is added).
  bool fast_match(Match& m) {
    FastRow& r = m_fast;
    const std::string_view home = r.text[c_home], away = r.text[c_away];
    if (home.empty() || away.empty() || same_text(home, away)) return false;
    // (A column the file lacks is never written: its count stays -1, its
    // date none, its text empty; see the constructor.)
    const auto pair = [&](std::size_t a, std::size_t b, std::int16_t& x, std::int16_t& y) {
      const int va = r.num[a], vb = r.num[b];
      if ((va < 0) != (vb < 0)) return false;
      x = static_cast<std::int16_t>(va);
      y = static_cast<std::int16_t>(vb);
      return true;
    };
    if (!m_split_scores) {
      m.home_goals = m.away_goals = -1;  // the score column was empty
    } else if (!pair(c_home_goals, c_away_goals, m.home_goals, m.away_goals)) {
      return false;
    }
    if (!pair(c_home_pens, c_away_pens, m.home_pens, m.away_pens)) return false;
    const bool scored = m.has_score();
    if (m.has_shootout() && (!scored || m.home_goals != m.away_goals || m.home_pens == m.away_pens)) return false;
    if (scored && m.home_goals == m.away_goals && !m.has_shootout() && m_rules.points.draw_needs_shootout) {
      return false;
    }
    const auto num = [&](std::size_t col) { return r.num[col] > 0 ? r.num[col] : 0; };
    const auto fair_play = [&](std::size_t fp, std::size_t yellow, std::size_t red) {
      if (r.num[fp] >= 0) return static_cast<std::int16_t>(r.num[fp]);  // (at most 99)
      return weighted_cards(num(yellow), num(red), m_rules);
    };
    m.home_fair_play = fair_play(c_home_fp, c_home_yellow, c_home_red);
    m.away_fair_play = fair_play(c_away_fp, c_away_yellow, c_away_red);
    m.matchday = num(c_matchday);
    m.date = r.date;
    m.source = m_source_index;
    return true;
  }

  // The match of the row fast_row() read, added; false when the general
  // reader must read the row (it would report something).
  bool add_fast(std::size_t line) {
    Match m;
    m.line = static_cast<std::uint32_t>(line);
    if (!fast_match(m)) return false;
    const bool named = !m_fast.text[c_group].empty();
    // A row that repeats the last one's group cell (in the leading fields
    // fast_row took as they were) is of its group.
    const bool same_group = m_prefix.reused && m_layout.prefix_holds_group && m_previous_group < m_into.groups.size();
    add(m, named ? m_fast.text[c_group] : std::string_view(m_options.default_group), m_fast.text[c_home],
        m_fast.text[c_away], named, same_group);
    return true;
  }

  // One record, read by the general reader: every check, every report.
  void generic_row(const CsvRecord& rec) {
    if (rec.blank()) return;
    m_row.start(rec);
    if (rec.unterminated_quote) {
      m_sink.add({Severity::error, std::string(m_source), rec.line, "", "", "csv_unterminated_quote", {}});
      return;
    }
    const std::string_view group_name = m_hm.has(c_group) && !m_row.text(c_group).empty()
                                            ? m_row.text(c_group)
                                            : std::string_view(m_options.default_group);
    const std::string_view home = m_row.text(c_home);
    const std::string_view away = m_row.text(c_away);
    Match m;
    m.source = m_source_index;
    m.line = static_cast<std::uint32_t>(rec.line);
    bool ok = true;
    if (home.empty()) ok = m_row.fail(c_home, "team_missing");
    if (away.empty()) ok = m_row.fail(c_away, "team_missing");
    if (ok && home == away) ok = m_row.fail(c_away, "team_plays_itself");

    if (m_hm.has(c_matchday)) {
      if (auto v = m_row.count(c_matchday, "matchday_not_count", 1000000)) {
        m.matchday = *v;
      } else if (!m_row.empty(c_matchday)) {
        ok = false;
      }
    }
    if (m_hm.has(c_date) && !m_row.empty(c_date)) {
      if (auto d = m_row.date(c_date)) {
        m.date = *d;
      } else {
        ok = false;
      }
    }
    if (m_hm.has(c_stage) && !m_row.empty(c_stage)) {
      const std::string_view stage = m_row.text(c_stage);
      std::size_t k = 1;
      while (k < m_into.stages.size() && m_into.stages[k] != stage) ++k;
      if (k > k_max_stages) {
        ok = m_row.fail(c_stage, "too_many_stages", {std::to_string(k_max_stages)});
      } else {
        if (k == m_into.stages.size()) m_into.stages.emplace_back(stage);
        m.stage = static_cast<std::uint8_t>(k);
      }
    }
    if (m_hm.has(c_status) && !m_row.empty(c_status)) {
      const std::string key = fold_key(m_row.text(c_status));
      if (key == "played" || key == "已赛" || key == "完赛" || key == "正常") {
        m.status = MatchStatus::played;
      } else if (key == "awarded" || key == "forfeit" || key == "判定" || key == "判负" || key == "判胜" ||
                 key == "弃权") {
        m.status = MatchStatus::awarded;
      } else if (key == "postponed" || key == "延期" || key == "推迟" || key == "未赛") {
        m.status = MatchStatus::postponed;
      } else if (key == "cancelled" || key == "canceled" || key == "取消") {
        m.status = MatchStatus::cancelled;
      } else {
        ok = m_row.fail(c_status, "bad_status");
      }
    }

    // Scores, then the shootout: two columns each, or one `2:1` column.
    std::size_t hg_col = c_home_goals, hp_col = c_home_pens;
    if (!read_pair(m_split_scores, c_home_goals, c_away_goals, c_score, "one_score_missing", m.home_goals,
                   m.away_goals, hg_col)) {
      ok = false;
    }
    if (!read_pair(m_hm.has(c_home_pens) || m_hm.has(c_away_pens), c_home_pens, c_away_pens, c_pens,
                   "one_pens_missing", m.home_pens, m.away_pens, hp_col)) {
      ok = false;
    }

    if (ok) {
      const bool scored = m.has_score();
      const bool unplayed_status = m.status == MatchStatus::postponed || m.status == MatchStatus::cancelled;
      if (m.has_shootout() && !scored) {
        ok = m_row.fail(hp_col, "pens_without_score");
      } else if (m.has_shootout() && m.home_goals != m.away_goals) {
        ok = m_row.fail(hp_col, "pens_not_drawn",
                        {std::to_string(m.home_goals), std::to_string(m.away_goals)});
      } else if (m.has_shootout() && m.home_pens == m.away_pens) {
        ok = m_row.fail(hp_col, "pens_level", {std::to_string(m.home_pens), std::to_string(m.away_pens)});
      } else if (scored && unplayed_status) {
        ok = m_row.fail(c_status, "unplayed_has_score");
      } else if (!scored && m.status == MatchStatus::awarded) {
        ok = m_row.fail(c_status, "awarded_no_score");
      } else if (scored && m.home_goals == m.away_goals && !m.has_shootout() &&
                 m_rules.points.draw_needs_shootout && m.status == MatchStatus::played && m.stage == 0) {
        ok = m_row.fail(hg_col, "draw_needs_shootout",
                        {std::to_string(m.home_goals), std::string(m_row.header(c_home_pens, "home_pens"))});
      }
    }

    // Fair play: the match's disciplinary points, or cards weighted by the rules.
    const auto cards = [&](std::size_t col) -> int {
      if (!m_hm.has(col) || m_row.empty(col)) return 0;
      if (auto v = m_row.count(col, "cards_not_count", 99)) return *v;
      ok = false;
      return 0;
    };
    if (m_hm.has(c_home_fp) && !m_row.empty(c_home_fp)) {
      m.home_fair_play = static_cast<std::int16_t>(cards(c_home_fp));
    } else {
      m.home_fair_play = weighted_cards(cards(c_home_yellow), cards(c_home_red), m_rules);
    }
    if (m_hm.has(c_away_fp) && !m_row.empty(c_away_fp)) {
      m.away_fair_play = static_cast<std::int16_t>(cards(c_away_fp));
    } else {
      m.away_fair_play = weighted_cards(cards(c_away_yellow), cards(c_away_red), m_rules);
    }
    if (!ok) return;
    add(m, group_name, home, away);
  }

  // Two counts of the row (goals, or shootout goals): from columns a_col and
  // b_col when `split`, else from one `2:1` cell in column `joint`; set in a
  // and b when both are given, left as they are when both are empty. `from`
  // gets the column the first came from. False (and reported) when a cell
  // is wrong or only one is given (`one_missing`).
  bool read_pair(bool split, std::size_t a_col, std::size_t b_col, std::size_t joint, std::string_view one_missing,
                 std::int16_t& a, std::int16_t& b, std::size_t& from) {
    std::string_view a_text, b_text;
    bool ok = true;
    if (split) {
      a_text = m_row.text(a_col);
      b_text = m_row.text(b_col);
    } else if (m_hm.has(joint) && !m_row.empty(joint)) {
      a_col = b_col = joint;
      if (!split_score(m_row.text(joint), a_text, b_text)) {
        ok = m_row.fail(joint, "bad_score");
        a_text = b_text = {};
      }
    }
    from = a_col;
    if (a_text.empty() != b_text.empty()) return m_row.fail(a_text.empty() ? a_col : b_col, one_missing);
    if (a_text.empty()) return ok;
    const auto va = parse_count(a_text, k_max_goals);
    const auto vb = parse_count(b_text, k_max_goals);
    if (!va) ok = m_row.fail_value(a_col, a_text, "goals_not_count");
    if (!vb) ok = m_row.fail_value(b_col, b_text, "goals_not_count");
    if (va && vb) {
      a = static_cast<std::int16_t>(*va);
      b = static_cast<std::int16_t>(*vb);
    }
    return ok;
  }

  // Adds a checked match of teams `home` and `away` to group `group_name`.
  // `check_group_name`: the group's name is a fast row's cell (not checked
  // for UTF-8 as a general row's record is), checked when new to the part;
  // the team lookup checks team names new to their group (see not_utf8()).
  // `same_group`: the group is the last row's.
  void add(Match& m, std::string_view group_name, std::string_view home, std::string_view away,
           bool check_group_name = false, bool same_group = false) {
    const std::size_t groups_before = m_into.groups.size();
    const std::size_t gi = same_group ? m_previous_group : m_into.intern_group(group_name);
    Group& g = m_into.groups[gi];
    if (check_group_name && m_check_utf8 && m_into.groups.size() > groups_before && !is_valid_utf8(group_name)) {
      m_not_utf8 = true;
    }
    if (m_into.groups.size() > groups_before && m_previous_group < groups_before) {
      // A new group: most files give the groups one after another, all of a
      // size, so room for as many matches as the group before saves growing
      // (and the memory a doubled vector leaves unused).
      g.matches.reserve(m_into.groups[m_previous_group].matches.size());
    }
    if (m_part && gi != m_previous_group) count_meetings(m_previous_group);
    m_previous_group = gi;
    if (!m_hm.has(c_group)) g.named_after_file = true;
    const std::uint32_t home_id = m_teams.intern(g, gi, home), away_id = m_teams.intern(g, gi, away);
    if (std::max(home_id, away_id) >= k_max_teams_per_group) {
      const bool home_past = home_id >= k_max_teams_per_group;
      m_sink.add(too_many_teams(m_source, m.line, m_hm, home_past, home_past ? home : away, g));
      return;
    }
    m.home = static_cast<std::uint16_t>(home_id);
    m.away = static_cast<std::uint16_t>(away_id);
    if (!m_part && m.status != MatchStatus::cancelled && m.stage == 0) {
      if (m_meetings.size() <= gi) m_meetings.resize(gi + 1);
      if (m_meetings[gi].count(m.home, m.away, g.teams.size()) == m_rules.max_meetings + 1) {
        m_sink.add({Severity::warning, std::string(m_source), m.line, "", "", "too_many_meetings",
                    {std::string(home), std::string(away), std::to_string(m_rules.max_meetings)}});
      }
    }
    g.matches.push_back(m);
  }

  // A part: counts the meetings of the matches of group gi added since the
  // last count, noting those past the limit (meeting_warnings()). A part
  // counts at each change of group and at its end, not row by row: a file
  // that gives a group's rows together has them counted at once, while they
  // are in cache, in a loop that does nothing else (half the cost).
  void count_meetings(std::size_t gi) {
    if (gi >= m_into.groups.size()) return;
    if (m_meetings.size() <= gi) m_meetings.resize(gi + 1);
    if (m_meetings_counted.size() <= gi) m_meetings_counted.resize(gi + 1, 0);
    const Group& g = m_into.groups[gi];
    matchday::count_meetings(g, gi, m_meetings_counted[gi], m_meetings[gi], m_rules.max_meetings, m_meeting_warnings);
    m_meetings_counted[gi] = g.matches.size();
  }

  const Layout& m_layout;
  const HeaderMatch& m_hm;
  bool m_split_scores;
  std::string_view m_text;
  char m_delim;
  std::string_view m_source;
  std::uint16_t m_source_index;
  const Rules& m_rules;
  const ResultsOptions& m_options;
  Results& m_into;
  DiagnosticSink& m_sink;
  bool m_part;  // reading one part of a file (read_in_parts)
  bool m_quoted = false;
  bool m_check_utf8;  // a part of text to check for UTF-8 (see not_utf8())
  bool m_not_utf8 = false;
  CsvReader m_reader;
  CsvRecord m_rec;
  RowReader m_row;
  FastRow m_fast;
  Prefix m_prefix;
  // The last date fast_row() read, and its ten bytes.
  CompactDate m_date{};
  std::uint64_t m_date_head = 0;
  std::uint16_t m_date_tail = 0;
  bool m_date_valid = false;
  std::vector<MeetingCounter> m_meetings;  // pairs seen per group
  std::vector<std::size_t> m_meetings_counted;  // a part: per group, the matches count_meetings() counted
  std::vector<MeetingWarning> m_meeting_warnings;  // a part's
  TeamLookup m_teams;
  std::size_t m_previous_group = static_cast<std::size_t>(-1);
};

// One part of a file read on its own thread: its groups, with team ids of
// its own, and its lines once the parts before it have counted theirs.
struct Part {
  std::size_t begin = 0, end = 0;
  Results results;
  std::vector<Diagnostic> diags;
  std::vector<MeetingWarning> meetings;  // counted within the part
  bool quoted = false;  // the part has a quote character
  bool not_utf8 = false;  // options.check_utf8 found bytes that are not UTF-8
  std::promise<std::size_t> next_line;  // the line after the part's last record
};

// Reads the body of a file, [body, text.size()), in parts on several threads
// and adds it to `into`, exactly as one Loader over the whole body would.
// Returns not_read, with `into` and `sink` untouched, when that cannot be
// promised: the file is small, it has a quote character (a quoted field may
// hold a line break, so a line break is not sure to end a record), a stage
// column, or a row with an error (the one-thread reader then reports every
// error in file order); not_utf8, with both untouched, when a part checked
// for UTF-8 (options.check_utf8) is not.
enum class InParts { read, not_read, not_utf8 };

InParts read_in_parts(const Layout& layout, std::string_view text, char delim, std::string_view source,
                      std::uint16_t source_index, const Rules& rules, const ResultsOptions& options,
                      std::size_t body, std::size_t first_line, Results& into, DiagnosticSink& sink) {
  const std::size_t bytes = text.size() - body;
  const std::size_t per = std::max<std::size_t>(options.min_bytes_per_thread, 1);
  const std::size_t count = std::min<std::size_t>(options.threads, bytes / per);
  // (A delimiter that is not ASCII would be a byte of a character: the parts'
  // check for UTF-8, which takes delimiters as ASCII, would not hold.)
  if (count < 2 || layout.hm.has(c_stage) || (static_cast<unsigned char>(delim) & 0x80) != 0) {
    return InParts::not_read;
  }

  // Parts of about equal size, each ending at a line break.
  std::vector<Part> parts(count);
  std::size_t at = body;
  for (std::size_t i = 0; i < count; ++i) {
    parts[i].begin = at;
    std::size_t stop = i + 1 == count ? text.size() : std::max(at, body + bytes / count * (i + 1));
    if (stop < text.size()) {
      const std::size_t nl = text.find('\n', stop);
      stop = nl == std::string_view::npos ? text.size() : nl + 1;
    }
    parts[i].end = at = stop;
  }
  const auto read_part = [&](std::size_t i) {
    Part& part = parts[i];
    std::size_t lines = 0;
    std::exception_ptr failure;  // rethrown once the parts after this one may go on
    try {
      DiagnosticSink part_sink(part.diags, source);
      // What every row reads, copied to this thread's stack and heap: the
      // originals live in the calling thread's frame, whose cache lines that
      // thread writes as it reads its own part.
      const Layout own_layout = layout;
      const Rules own_rules = rules;
      const ResultsOptions own_options = options;
      Loader loader(own_layout, text.substr(0, part.end), delim, source, source_index, own_rules, own_options,
                    part.results, part_sink, true);
      // The first part knows its first line; the others count from 1.
      const std::size_t from_line = i == 0 ? first_line : 1;
      lines = loader.run(part.begin, part.end, from_line) - from_line;
      part.quoted = loader.quoted();
      part.not_utf8 = loader.not_utf8();
      part.meetings = std::move(loader.meeting_warnings());
    } catch (...) {
      failure = std::current_exception();
    }
    // A later part's lines were counted from 1: now that the parts before it
    // have counted theirs, its matches get the lines of the file.
    const std::size_t start = i == 0 ? first_line : parts[i - 1].next_line.get_future().get();
    if (i > 0 && start != 1) {
      for (Group& g : part.results.groups) {
        for (Match& m : g.matches) m.line += static_cast<std::uint32_t>(start - 1);
      }
      for (MeetingWarning& w : part.meetings) w.line += static_cast<std::uint32_t>(start - 1);
    }
    part.next_line.set_value(start + lines);
    if (failure) std::rethrow_exception(failure);
  };
  run_in_parts(count, static_cast<unsigned>(count), [&](unsigned i, std::size_t, std::size_t) { read_part(i); });
  if (std::ranges::any_of(parts, &Part::not_utf8)) return InParts::not_utf8;
  if (std::ranges::any_of(parts, [](const Part& p) { return p.quoted || !p.diags.empty(); })) return InParts::not_read;
  into.sources.emplace_back(source);

  // Join the parts in file order: groups and teams by name, in order of first
  // appearance; each part's matches after those of the parts before it.
  constexpr std::size_t k_untouched = static_cast<std::size_t>(-1);
  const std::size_t groups_before = into.groups.size();
  std::vector<std::size_t> first_match(into.groups.size(), k_untouched);  // per group: this file's first match
  std::vector<std::uint32_t> parts_in;  // per group: how many parts have matches of it
  std::vector<std::vector<std::size_t>> global(parts.size());  // per part: each local group's index in `into`
  std::vector<std::uint32_t> ids;
  for (std::size_t p = 0; p < parts.size(); ++p) {
    for (Group& local : parts[p].results.groups) {
      const std::size_t gi = into.intern_group(local.name);
      global[p].push_back(gi);
      if (gi >= first_match.size()) first_match.resize(gi + 1, k_untouched);
      if (gi >= parts_in.size()) parts_in.resize(gi + 1, 0);
      ++parts_in[gi];
      Group& g = into.groups[gi];
      if (first_match[gi] == k_untouched) first_match[gi] = g.matches.size();
      if (!layout.hm.has(c_group)) g.named_after_file = true;
      if (g.teams.empty()) {
        // A group new to `into`: its teams are the part's, in the part's order.
        g.teams = std::move(local.teams);
        g.team_index_ = std::move(local.team_index_);
      } else {
        ids.resize(local.teams.size());
        bool same_ids = true;
        for (std::uint32_t t = 0; t < local.teams.size(); ++t) {
          ids[t] = g.intern_team(local.teams[t]);
          same_ids = same_ids && ids[t] == t;
        }
        if (g.teams.size() > k_max_teams_per_group) {
          // The parts' teams together are too many: said at the first match
          // of this part with a team past the limit.
          const auto past = std::ranges::find_if(local.matches, [&](const Match& m) {
            return std::max(ids[m.home], ids[m.away]) >= k_max_teams_per_group;
          });
          if (past != local.matches.end()) {
            const bool home_past = ids[past->home] >= k_max_teams_per_group;
            sink.add(too_many_teams(source, past->line, layout.hm, home_past,
                                    g.teams[home_past ? ids[past->home] : ids[past->away]], g));
          }
          continue;
        }
        if (!same_ids) {
          for (Match& m : local.matches) {
            m.home = static_cast<std::uint16_t>(ids[m.home]);
            m.away = static_cast<std::uint16_t>(ids[m.away]);
          }
        }
      }
      if (g.matches.empty()) {
        g.matches = std::move(local.matches);
      } else {
        g.matches.insert(g.matches.end(), local.matches.begin(), local.matches.end());
      }
    }
  }

  // The meeting-count warnings, in file order, as the one-thread reader gives
  // them. A group new to `into` and found in one part only was counted there
  // (its team ids are the part's); the others are counted again here.
  const auto counted_in_part = [&](std::size_t gi) { return gi >= groups_before && parts_in[gi] == 1; };
  std::vector<MeetingWarning> warnings;
  for (std::size_t p = 0; p < parts.size(); ++p) {
    for (MeetingWarning w : parts[p].meetings) {
      w.group = global[p][w.group];
      if (counted_in_part(w.group)) warnings.push_back(w);
    }
  }
  for (std::size_t gi = 0; gi < first_match.size(); ++gi) {
    if (first_match[gi] == k_untouched || counted_in_part(gi)) continue;
    MeetingCounter meetings;
    count_meetings(into.groups[gi], gi, first_match[gi], meetings, rules.max_meetings, warnings);
  }
  std::ranges::sort(warnings, {}, &MeetingWarning::line);
  for (const MeetingWarning& w : warnings) {
    const Group& g = into.groups[w.group];
    sink.add({Severity::warning, std::string(source), w.line, "", "", "too_many_meetings",
              {g.teams[w.home], g.teams[w.away], std::to_string(rules.max_meetings)}});
  }
  Loader::trim(into);
  return InParts::read;
}

}  // namespace

bool parse_results(std::string_view text, std::string_view source, const Rules& rules,
                   const ResultsOptions& options, Results& into, std::vector<Diagnostic>& diags) {
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
  if (options.check_utf8 && !is_valid_utf8(header_ok ? text.substr(0, body) : text)) return false;

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
  switch (read_in_parts(layout, text, delim, source, source_index, rules, options, body, first_line, into, sink)) {
    case InParts::read: return true;
    case InParts::not_utf8: return false;
    case InParts::not_read: break;
  }
  if (options.check_utf8 && !is_valid_utf8(text.substr(body))) return false;
  into.sources.emplace_back(source);
  Loader loader(layout, text, delim, source, source_index, rules, options, into, sink, false);
  loader.run(body, text.size(), first_line);
  Loader::trim(into);
  return true;
}

}  // namespace matchday
