// Internal: how parse_results reads the rows of a results file — the
// columns it knows, the cell forms (scores, matchdays, statuses), the rules
// between a row's values written once (broken_rule), the fast rows and the
// general reader (Loader), and the indexes of groups and teams. results.cpp
// reads a file on one thread; results_parts.cpp reads a large one in parts.
#pragma once

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>
#include <iterator>
#include <optional>
#include <unordered_map>

#include "bytes.hpp"
#include "matchday/csv.hpp"
#include "matchday/results.hpp"
#include "parse_util.hpp"

namespace matchday::detail {

enum Col : std::size_t {
  c_group, c_matchday, c_date, c_home, c_away, c_home_goals, c_away_goals, c_score,
  c_home_pens, c_away_pens, c_pens, c_status, c_home_yellow, c_away_yellow, c_home_red,
  c_away_red, c_home_fp, c_away_fp, c_stage, c_count
};

inline constexpr std::array<ColumnSpec, c_count> k_columns{{
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

inline constexpr int k_max_goals = 999;
inline constexpr int k_max_matchday = 1000000;

// One side's disciplinary points from its cards, weighted by the rules: at
// most 99 cards of a kind and (parse_rules) 100 points a card, so at most
// 19,800; rules made some other way are held to what a Match keeps.
inline std::int16_t weighted_cards(int yellow, int red, const Rules& rules) {
  const long long points = 1LL * yellow * rules.yellow_card_points + 1LL * red * rules.red_card_points;
  return static_cast<std::int16_t>(std::clamp<long long>(points, INT16_MIN, INT16_MAX));
}

// Score and matchday cells as notices write them (normalised by the caller:
// full-width digits, colons and brackets are ASCII by then).

// Skips spaces at s[at].
inline void skip_spaces(std::string_view s, std::size_t& at) {
  while (at < s.size() && (s[at] == ' ' || s[at] == '\t')) ++at;
}

// Whether s continues at `at` with `word` (ASCII letters in any case); moves past it.
inline bool take(std::string_view s, std::size_t& at, std::string_view word) {
  if (s.size() - at < word.size()) return false;
  for (std::size_t i = 0; i < word.size(); ++i) {
    char c = s[at + i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != word[i]) return false;
  }
  at += word.size();
  return true;
}

// A count of at most `max` at s[at] (one to nine digits); moves past it.
inline std::optional<int> take_count(std::string_view s, std::size_t& at, int max) {
  std::size_t end = at;
  while (end < s.size() && s[end] >= '0' && s[end] <= '9') ++end;
  const auto v = parse_count(s.substr(at, end - at), max);
  if (v) at = end;
  return v;
}

// Two counts and a separator between them, spaces around: "2:1", "2-1",
// "2∶1" (U+2236), "2比1"; moves past them.
inline bool take_pair(std::string_view s, std::size_t& at, int& a, int& b) {
  skip_spaces(s, at);
  const auto va = take_count(s, at, k_max_goals);
  if (!va) return false;
  skip_spaces(s, at);
  if (!(take(s, at, ":") || take(s, at, "-") || take(s, at, "\xE2\x88\xB6") || take(s, at, "比"))) return false;
  skip_spaces(s, at);
  const auto vb = take_count(s, at, k_max_goals);
  if (!vb) return false;
  skip_spaces(s, at);
  a = *va;
  b = *vb;
  return true;
}

// A score cell: the goals, and the shootout when the cell has one in
// brackets after them ("1:1(4:3)", "1-1 (4-3)", "1:1（点球4:3）").
struct ScoreCell {
  int home = -1, away = -1;
  int home_pens = -1, away_pens = -1;  // -1: no shootout in the cell
};

inline std::optional<ScoreCell> parse_score_cell(std::string_view s) {
  ScoreCell c;
  std::size_t at = 0;
  if (!take_pair(s, at, c.home, c.away)) return std::nullopt;
  if (at == s.size()) return c;
  if (!take(s, at, "(")) return std::nullopt;
  skip_spaces(s, at);
  if (!take(s, at, "点球")) {
    if (take(s, at, "pens") || take(s, at, "pen") || take(s, at, "p")) skip_spaces(s, at);
  }
  if (!take_pair(s, at, c.home_pens, c.away_pens) || !take(s, at, ")")) return std::nullopt;
  skip_spaces(s, at);
  if (at != s.size()) return std::nullopt;
  return c;
}

// The cell without the brackets it is written in, "(4)" or "(4:3)".
inline std::string_view unbracket(std::string_view s) {
  if (s.size() >= 2 && s.front() == '(' && s.back() == ')') return trim(s.substr(1, s.size() - 2));
  return s;
}

// A shootout cell of one column: "4:3", "(4:3)", "（4-3）".
inline std::optional<ScoreCell> parse_pens_cell(std::string_view s) {
  ScoreCell c;
  std::size_t at = 0;
  s = unbracket(s);
  if (!take_pair(s, at, c.home_pens, c.away_pens) || at != s.size()) return std::nullopt;
  return c;
}

// A matchday: 3, 第3轮, 3轮, 第三轮, R3, Round 3, MD3 (spaces between the
// parts allowed); at most `max`.
inline std::optional<int> parse_matchday(std::string_view s, int max) {
  if (auto v = parse_count(s, max)) return v;
  std::size_t at = 0;
  const bool chinese = take(s, at, "第");
  const bool latin = !chinese && (take(s, at, "round") || take(s, at, "md") || take(s, at, "r"));
  skip_spaces(s, at);
  std::optional<int> v;
  if (at < s.size() && s[at] >= '0' && s[at] <= '9') {
    v = take_count(s, at, max);
  } else if (!latin) {
    // Chinese numerals: 三, 十二, 二十一, 一百零五.
    static constexpr std::string_view k_digits[] = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
    int total = 0, digit = -1;
    bool any = false;
    for (;;) {
      bool read = false;
      for (int d = 0; d < 10 && !read; ++d) {
        if (take(s, at, k_digits[d])) {
          digit = d;
          read = true;
        }
      }
      if (!read && (take(s, at, "〇"))) digit = 0, read = true;
      if (!read && take(s, at, "两")) digit = 2, read = true;
      if (!read && take(s, at, "十")) total += (digit < 0 ? 1 : digit) * 10, digit = -1, read = true;
      if (!read && take(s, at, "百")) total += (digit < 0 ? 1 : digit) * 100, digit = -1, read = true;
      if (!read) break;
      any = true;
    }
    if (any) v = total + (digit > 0 ? digit : 0);
  }
  if (!v || *v > max) return std::nullopt;
  skip_spaces(s, at);
  const bool suffix = take(s, at, "轮");
  // 第…轮 and …轮 take the suffix, R3 and Round 3 none.
  if (suffix == latin || at != s.size()) return std::nullopt;
  return v;
}


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
    // (Every team of the group is in its table: the name is new.)
    const auto id = static_cast<std::uint32_t>(group.teams.size());
    group.teams.emplace_back(name);
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


// The groups of the Results a parse adds to, by name: the last one asked
// for, and a hash index once there are 16 (a league's 2,000 groups, or its
// rows shuffled, would otherwise compare each row's group with every group
// before it). Groups added to the Results directly are indexed when next
// asked; the first of equal names wins, as in Results::intern_group.
class GroupIndex {
 public:
  std::size_t intern(Results& r, std::string_view name) {
    if (m_last < r.groups.size() && same_text(r.groups[m_last].name, name)) return m_last;
    if (r.groups.size() < 16) {
      for (std::size_t i = 0; i < r.groups.size(); ++i) {
        if (r.groups[i].name == name) return m_last = i;
      }
    } else {
      for (; m_indexed < r.groups.size(); ++m_indexed) m_index.try_emplace(r.groups[m_indexed].name, m_indexed);
      const auto it = m_index.find(std::string(name));
      if (it != m_index.end()) return m_last = it->second;
    }
    r.groups.push_back(Group{std::string(name), false, {}, {}});
    return m_last = r.groups.size() - 1;
  }

 private:
  std::size_t m_last = static_cast<std::size_t>(-1);
  std::unordered_map<std::string, std::size_t> m_index;
  std::size_t m_indexed = 0;  // groups in m_index
};

// The teams of one group by name, for joining the parts of a file: a scan
// while the group is small, a hash index past 32 teams (a group of 60,000
// teams would otherwise compare each with all before it).
class TeamIndex {
 public:
  std::uint32_t intern(Group& g, std::string_view name) {
    if (g.teams.size() < 32) return g.intern_team(name);
    for (; m_indexed < g.teams.size(); ++m_indexed) m_index.try_emplace(g.teams[m_indexed], m_indexed);
    const auto [it, added] = m_index.try_emplace(std::string(name), static_cast<std::uint32_t>(g.teams.size()));
    if (added) {
      g.teams.emplace_back(name);
      ++m_indexed;
    }
    return it->second;
  }

 private:
  std::unordered_map<std::string, std::uint32_t> m_index;
  std::size_t m_indexed = 0;  // teams in m_index
};


// The status a status cell (as fold_key() makes it) names; nullopt for none.
inline std::optional<MatchStatus> match_status_word(std::string_view key) {
  if (key.empty() || key == "played" || key == "已赛" || key == "完赛" || key == "正常") return MatchStatus::played;
  if (key == "awarded" || key == "forfeit" || key == "判定" || key == "判负" || key == "判胜" || key == "弃权") {
    return MatchStatus::awarded;
  }
  if (key == "postponed" || key == "延期" || key == "推迟" || key == "未赛") return MatchStatus::postponed;
  if (key == "cancelled" || key == "canceled" || key == "取消") return MatchStatus::cancelled;
  return std::nullopt;
}

// The rules between the values of a row once each cell has been read, written
// once: the general reader reports the one a row breaks (at the column it
// names), the fast rows leave such a row to the general reader.
enum class RowRule : std::uint8_t {
  none,
  pens_without_score,   // at the shootout's column
  pens_not_drawn,       // at the shootout's column
  pens_level,           // at the shootout's column
  unplayed_has_score,   // at the status column
  awarded_no_score,     // at the status column
  draw_needs_shootout,  // at the score's column
};

// The two teams of a row: both named, and not the same.
inline bool teams_fine(std::string_view home, std::string_view away) {
  return !home.empty() && !away.empty() && !same_text(home, away);
}

// The first rule the values of m break (its scores and shootout each given
// whole or not at all).
inline RowRule broken_rule(const Match& m, const Rules& rules) {
  const bool scored = m.has_score();
  const bool unplayed_status = m.status == MatchStatus::postponed || m.status == MatchStatus::cancelled;
  if (m.has_shootout() && !scored) return RowRule::pens_without_score;
  if (m.has_shootout() && m.home_goals != m.away_goals) return RowRule::pens_not_drawn;
  if (m.has_shootout() && m.home_pens == m.away_pens) return RowRule::pens_level;
  if (scored && unplayed_status) return RowRule::unplayed_has_score;
  if (!scored && m.status == MatchStatus::awarded) return RowRule::awarded_no_score;
  if (scored && m.home_goals == m.away_goals && !m.has_shootout() && rules.points.draw_needs_shootout &&
      m.status == MatchStatus::played && m.stage == 0) {
    return RowRule::draw_needs_shootout;
  }
  return RowRule::none;
}

// A date written Y/M/D or Y-M-D with one or two digits for month and day
// (2025/7/31, as Excel writes it), at p and ending at a delimiter or line
// end before `end`; its length in `len`. nullopt for anything else (parse_date
// reads these forms the same way, and the rest).
inline std::optional<Date> short_date(const char* p, const char* end, char delim, std::size_t& len) {
  const char* q = p;
  const auto number = [&](int most, int& v) {
    int n = 0;
    v = 0;
    while (q < end && *q >= '0' && *q <= '9' && n < most) {
      v = v * 10 + (*q++ - '0');
      ++n;
    }
    return n;
  };
  int y = 0, m = 0, d = 0;
  if (number(4, y) != 4 || q >= end || (*q != '/' && *q != '-')) return std::nullopt;
  const char sep = *q++;
  if (number(2, m) == 0 || q >= end || *q != sep) return std::nullopt;
  ++q;
  if (number(2, d) == 0) return std::nullopt;
  if (q < end && *q != delim && *q != '\n' && *q != '\r') return std::nullopt;
  if (!is_valid_date(y, m, d)) return std::nullopt;
  len = static_cast<std::size_t>(q - p);
  return Date{y, m, d};
}

// What a column of the file is to the fast row parser.
enum class Field : std::uint8_t {
  skip,        // not read (any unquoted text)
  empty_only,  // read by the general reader only: the fast parser takes the row when it is empty
  text,        // group, home or away: a name
  count,       // a whole number
  date,
  status,      // one of the status words as match_status_word() reads them
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
  MatchStatus status = MatchStatus::played;

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

inline Layout make_layout(const CsvRecord& header, char delim) {
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
  set(c_matchday, Field::count, k_max_matchday);
  set(c_date, Field::date);
  for (std::size_t col : {c_home_goals, c_away_goals, c_home_pens, c_away_pens}) set(col, Field::count, k_max_goals);
  for (std::size_t col : {c_home_yellow, c_away_yellow, c_home_red, c_away_red, c_home_fp, c_away_fp}) {
    set(col, Field::count, 99);
  }
  if (!l.split_scores) set(c_score, Field::empty_only);
  if (!split_pens) set(c_pens, Field::empty_only);
  set(c_status, Field::status);
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

// The error for a team past k_max_teams_per_group in group g: the team's cell
// (home or away, under the file's header), at the row's line.
inline Diagnostic too_many_teams(std::string_view source, std::size_t line, const HeaderMatch& hm, bool home,
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
         DiagnosticSink& sink, bool part, bool check_utf8)
      : m_layout(layout), m_hm(layout.hm), m_split_scores(layout.split_scores), m_text(text), m_delim(delim),
        m_source(source), m_source_index(source_index), m_rules(rules), m_options(options), m_into(into),
        m_sink(sink), m_part(part), m_check_utf8(part && check_utf8), m_reader(text, delim),
        m_row(source, layout.hm, sink), m_teams(m_check_utf8) {}

  // Reads the records in [begin, end) of the text, the first at line `line`
  // (begin is the start of a record, end the end of one or of the text).
  // Returns the line after the last record.
  std::size_t run(std::size_t begin, std::size_t end, std::size_t line) {
    // options.consumed every 4 MB, up to the start of the record at hand.
    constexpr std::size_t k_consumed_step = std::size_t{4} << 20;
    std::size_t consumed = begin;
    const bool fast = m_layout.fast && m_options.execution.fast_rows;
    const char* const base = m_text.data();
    std::size_t at = begin;
    while (at < end) {
      if (m_options.execution.consumed && at - consumed >= k_consumed_step) {
        m_options.execution.consumed(consumed, at);
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
              q = p + m_date_len;
              break;
            }
            std::size_t len = 10;
            std::optional<Date> date = iso_date(p);
            if (!date || (p + 10 < end && p[10] >= '0' && p[10] <= '9')) date = short_date(p, end, m_delim, len);
            if (!date) return nullptr;
            r.date = m_date = *date;
            m_date_head = head;
            m_date_tail = tail;
            m_date_len = len;
            m_date_valid = true;
            q = p + len;
          } else {
            r.date = CompactDate{};
          }
          break;
        }
        case Field::text:
        case Field::status:
        case Field::skip:
        case Field::empty_only: {
          // A name may be quoted ("Riverside, North United"): then up to the
          // closing quote, else up to the delimiter or the line's end; 32
          // bytes at a time. A quote inside (written twice), a line break
          // inside, or bytes normalize_cell would change send the row on.
          const bool checked = spec.kind == Field::text || spec.kind == Field::status;
          const bool quoted = spec.kind == Field::text && q < end && *q == '"';
          if (quoted) ++q;
          const char* const from = q;
          const char stop = quoted ? '"' : m_delim;
          unsigned unclean = 0;
#if defined(__SSE2__)
          const __m128i stop_v = quoted ? _mm_set1_epi8('"') : delim;
          for (;;) {
            if (end - q < 32) {
              while (q < end && !is_stop(*q, stop)) unclean |= static_cast<unsigned>(checked && is_unclean_name(*q)), ++q;
              break;
            }
            const std::uint32_t stops = stop_mask(q, stop_v) | stop_mask(q + 16, stop_v) << 16;
            const std::uint32_t bad = checked ? name_mask(q) | name_mask(q + 16) << 16 : 0;
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
          while (q < end && !is_stop(*q, stop)) unclean |= static_cast<unsigned>(checked && is_unclean_name(*q)), ++q;
#endif
          const std::string_view cell(from, static_cast<std::size_t>(q - from));
          if (q < end && *q == '"') {
            if (!quoted) return nullptr;
            ++q;  // past the closing quote (one written twice: the check after the field sends the row on)
          } else if (quoted) {
            return nullptr;  // a line break or the end inside the quotes
          }
          if (checked) {
            // Spaces inside a name are kept; around it, normalize_cell trims them.
            if (unclean != 0 || (!cell.empty() && (cell.front() == ' ' || cell.back() == ' '))) return nullptr;
            if (spec.kind == Field::status) {
              const std::optional<MatchStatus> status = match_status_word(cell);
              if (!status) return nullptr;
              r.status = *status;
            } else {
              r.text[spec.col] = cell;
            }
          } else if (spec.kind == Field::empty_only && q != p) {
            return nullptr;
          } else if (m_check_utf8 && !is_valid_utf8(cell)) {
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
    if (!teams_fine(r.text[c_home], r.text[c_away])) return false;
    // (A column the file lacks is never written: its count stays -1, its
    // date none, its text empty; see the constructor.)
    const auto pair = [&](std::size_t a, std::size_t b, std::int16_t& x, std::int16_t& y) {
      const int va = r.num[a], vb = r.num[b];
      if ((va < 0) != (vb < 0)) return false;  // one given: the general reader says which
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
    m.status = r.status;
    if (broken_rule(m, m_rules) != RowRule::none) return false;
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
    if (!teams_fine(home, away)) {
      if (home.empty()) ok = m_row.fail(c_home, "team_missing");
      if (away.empty()) ok = m_row.fail(c_away, "team_missing");
      if (ok) ok = m_row.fail(c_away, "team_plays_itself");
    }

    if (m_hm.has(c_matchday) && !m_row.empty(c_matchday)) {
      if (auto v = parse_matchday(m_row.text(c_matchday), k_max_matchday)) {
        m.matchday = *v;
      } else {
        ok = m_row.fail(c_matchday, "matchday_not_count");
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
      if (const std::optional<MatchStatus> status = match_status_word(fold_key(m_row.text(c_status)))) {
        m.status = *status;
      } else {
        ok = m_row.fail(c_status, "bad_status");
      }
    }

    // Scores, then the shootout: two columns each, or one cell ("2:1", with
    // the shootout in brackets after it: "1:1(4:3)").
    std::size_t hg_col = c_home_goals, hp_col = c_home_pens;
    bool pens_in_score = false;
    if (m_split_scores) {
      ok = read_split(c_home_goals, c_away_goals, "one_score_missing", false, m.home_goals, m.away_goals) && ok;
    } else if (m_hm.has(c_score) && !m_row.empty(c_score)) {
      hg_col = hp_col = c_score;
      if (const auto cell = parse_score_cell(m_row.text(c_score))) {
        m.home_goals = static_cast<std::int16_t>(cell->home);
        m.away_goals = static_cast<std::int16_t>(cell->away);
        if (cell->home_pens >= 0) {
          m.home_pens = static_cast<std::int16_t>(cell->home_pens);
          m.away_pens = static_cast<std::int16_t>(cell->away_pens);
          pens_in_score = true;
        }
      } else {
        ok = m_row.fail(c_score, "bad_score");
      }
    }
    if (m_hm.has(c_home_pens) || m_hm.has(c_away_pens)) {
      std::int16_t hp = -1, ap = -1;
      if (!read_split(c_home_pens, c_away_pens, "one_pens_missing", true, hp, ap)) {
        ok = false;
      } else if (hp >= 0) {
        ok = take_pens(hp, ap, c_home_pens, pens_in_score, m, hp_col) && ok;
      }
    } else if (m_hm.has(c_pens) && !m_row.empty(c_pens)) {
      if (const auto cell = parse_pens_cell(m_row.text(c_pens))) {
        ok = take_pens(static_cast<std::int16_t>(cell->home_pens), static_cast<std::int16_t>(cell->away_pens), c_pens,
                       pens_in_score, m, hp_col) && ok;
      } else {
        ok = m_row.fail(c_pens, "bad_score");
      }
    }

    if (ok) {
      switch (broken_rule(m, m_rules)) {
        case RowRule::none: break;
        case RowRule::pens_without_score: ok = m_row.fail(hp_col, "pens_without_score"); break;
        case RowRule::pens_not_drawn:
          ok = m_row.fail(hp_col, "pens_not_drawn", {std::to_string(m.home_goals), std::to_string(m.away_goals)});
          break;
        case RowRule::pens_level:
          ok = m_row.fail(hp_col, "pens_level", {std::to_string(m.home_pens), std::to_string(m.away_pens)});
          break;
        case RowRule::unplayed_has_score: ok = m_row.fail(c_status, "unplayed_has_score"); break;
        case RowRule::awarded_no_score: ok = m_row.fail(c_status, "awarded_no_score"); break;
        case RowRule::draw_needs_shootout:
          ok = m_row.fail(hg_col, "draw_needs_shootout",
                          {std::to_string(m.home_goals), std::string(m_row.header(c_home_pens, "home_pens"))});
          break;
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

  // Two counts of the row from columns a_col and b_col (goals, or shootout
  // goals, which may be written in brackets: "(4)"); set in a and b when
  // both are given, left as they are when both are empty. False (and
  // reported) when a cell is wrong or only one is given (`one_missing`).
  bool read_split(std::size_t a_col, std::size_t b_col, std::string_view one_missing, bool bracketed,
                  std::int16_t& a, std::int16_t& b) {
    std::string_view a_text = m_row.text(a_col), b_text = m_row.text(b_col);
    if (bracketed) {
      a_text = unbracket(a_text);
      b_text = unbracket(b_text);
    }
    if (a_text.empty() != b_text.empty()) return m_row.fail(a_text.empty() ? a_col : b_col, one_missing);
    if (a_text.empty()) return true;
    const auto va = parse_count(a_text, k_max_goals);
    const auto vb = parse_count(b_text, k_max_goals);
    bool ok = true;
    if (!va) ok = m_row.fail(a_col, "goals_not_count");
    if (!vb) ok = m_row.fail(b_col, "goals_not_count");
    if (va && vb) {
      a = static_cast<std::int16_t>(*va);
      b = static_cast<std::int16_t>(*vb);
    }
    return ok;
  }

  // The shootout of the shootout column(s) (from column `col`) into m; when
  // the score cell gave one too, they must be the same. `from` gets the
  // column that rules about the shootout report.
  bool take_pens(std::int16_t hp, std::int16_t ap, std::size_t col, bool pens_in_score, Match& m, std::size_t& from) {
    if (pens_in_score) {
      if (hp != m.home_pens || ap != m.away_pens) return m_row.fail(col, "score_pens_differ");
      return true;
    }
    m.home_pens = hp;
    m.away_pens = ap;
    from = col;
    return true;
  }

  // Adds a checked match of teams `home` and `away` to group `group_name`.
  // `check_group_name`: the group's name is a fast row's cell (not checked
  // for UTF-8 as a general row's record is), checked when new to the part;
  // the team lookup checks team names new to their group (see not_utf8()).
  // `same_group`: the group is the last row's.
  void add(Match& m, std::string_view group_name, std::string_view home, std::string_view away,
           bool check_group_name = false, bool same_group = false) {
    const std::size_t groups_before = m_into.groups.size();
    const std::size_t gi = same_group ? m_previous_group : m_groups.intern(m_into, group_name);
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
    g.matches.push_back(m);
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
  std::size_t m_date_len = 0;  // of the date in those bytes (2025-07-30, 2025/7/30)
  bool m_date_valid = false;
  TeamLookup m_teams;
  GroupIndex m_groups;
  std::size_t m_previous_group = static_cast<std::size_t>(-1);
};

// One part of a file read on its own thread: its groups, with team ids of
// its own, and its lines once the parts before it have counted theirs.

// How read_in_parts went: read (into `into`), not_read (nothing added: the
// file is small, has a quoted line break, a stage column or an error: read
// it on one thread), not_utf8 (nothing added: a part checked for UTF-8 is not).
enum class InParts { read, not_read, not_utf8 };

// Reads the body of a file, [body, text.size()), in parts on several threads
// and adds it to `into`, exactly as one Loader over the whole body would
// (results_parts.cpp).
InParts read_in_parts(const Layout& layout, std::string_view text, char delim, std::string_view source,
                      std::uint16_t source_index, const Rules& rules, const ResultsOptions& options,
                      bool check_utf8, std::size_t body, std::size_t first_line, Results& into,
                      DiagnosticSink& sink);

}  // namespace matchday::detail
