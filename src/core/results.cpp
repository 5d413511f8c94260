#include "matchday/results.hpp"

#include <algorithm>
#include <array>
#include <cstring>

#include "matchday/csv.hpp"
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

constexpr int k_max_goals = 999;

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
// file is at stays in cache. New names still go through intern_team, which
// assigns the id (in order of first appearance) and keeps its own index.
class TeamLookup {
 public:
  std::uint32_t intern(Group& group, std::size_t group_index, std::string_view name) {
    if (group_index >= m_tables.size()) m_tables.resize(group_index + 1);
    Table& t = m_tables[group_index];
    if ((t.used + 1) * 2 > t.slots.size()) grow(t);
    const std::uint32_t h = hash(name);
    const std::size_t mask = t.slots.size() - 1;
    for (std::size_t i = h & mask;; i = (i + 1) & mask) {
      const std::uint64_t slot = t.slots[i];
      if (slot == 0) {
        const std::uint32_t id = group.intern_team(name);
        t.slots[i] = std::uint64_t{h} << 32 | (id + 1ULL);
        ++t.used;
        return id;
      }
      const auto id = static_cast<std::uint32_t>(slot - 1);
      if (slot >> 32 == h && group.teams[id] == name) return id;
    }
  }

 private:
  // A slot: the name's hash in the high half, its id + 1 in the low; 0 is free.
  struct Table {
    std::vector<std::uint64_t> slots;
    std::size_t used = 0;
  };

  // FNV-1a, eight bytes at a time (names are a few Chinese characters).
  static std::uint32_t hash(std::string_view s) {
    std::uint64_t h = 0xCBF29CE484222325ULL ^ s.size();
    std::size_t i = 0;
    for (; i + 8 <= s.size(); i += 8) {
      std::uint64_t w;
      std::memcpy(&w, s.data() + i, 8);
      h = (h ^ w) * 0x100000001B3ULL;
      h ^= h >> 29;
    }
    for (; i < s.size(); ++i) h = (h ^ static_cast<unsigned char>(s[i])) * 0x100000001B3ULL;
    return static_cast<std::uint32_t>(h ^ (h >> 32));
  }

  static void grow(Table& t) {
    std::vector<std::uint64_t> old(std::max<std::size_t>(32, t.slots.size() * 2));
    old.swap(t.slots);
    const std::size_t mask = t.slots.size() - 1;
    for (const std::uint64_t slot : old) {
      if (slot == 0) continue;
      std::size_t i = (slot >> 32) & mask;
      while (t.slots[i] != 0) i = (i + 1) & mask;
      t.slots[i] = slot;
    }
  }

  std::vector<Table> m_tables;
};

}  // namespace

static_assert(sizeof(Match) <= 44, "Match is most of the memory a large results file takes");

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
      if (teams[i] == team_name) return i;
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
  if (last_group_ < groups.size() && groups[last_group_].name == name) return last_group_;
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

void parse_results(std::string_view text, std::string_view source, const Rules& rules,
                   const ResultsOptions& options, Results& into, std::vector<Diagnostic>& diags) {
  DiagnosticSink sink(diags, source);
  const auto source_index = static_cast<std::uint32_t>(into.sources.size());
  into.sources.emplace_back(source);
  const char delim = options.delimiter ? options.delimiter : sniff_delimiter(source, text);
  CsvReader reader(text, delim);
  CsvRecord rec;

  if (!reader.next_nonblank(rec)) {  // the header
    sink.add({Severity::error, std::string(source), 0, "", "", "empty_file", {}});
    return;
  }
  const HeaderMatch hm = match_header(rec, k_columns);
  RowReader row(source, hm, sink);
  for (const std::string& d : hm.duplicated) {
    sink.add({Severity::error, std::string(source), rec.line, d, "", "duplicate_column", {}});
  }
  const bool split_scores = hm.has(c_home_goals) || hm.has(c_away_goals);
  if (!hm.has(c_home)) sink.add({Severity::error, std::string(source), rec.line, "", "", "missing_column", {"home", "主队"}});
  if (!hm.has(c_away)) sink.add({Severity::error, std::string(source), rec.line, "", "", "missing_column", {"away", "客队"}});
  if (!split_scores && !hm.has(c_score)) {
    sink.add({Severity::error, std::string(source), rec.line, "", "", "missing_column", {"home_goals, away_goals", "主队进球, 客队进球 / 比分"}});
  } else if (split_scores && !(hm.has(c_home_goals) && hm.has(c_away_goals))) {
    sink.add({Severity::error, std::string(source), rec.line, "", "", "missing_column",
              {hm.has(c_home_goals) ? "away_goals" : "home_goals", hm.has(c_home_goals) ? "客队进球" : "主队进球"}});
  }
  if (sink.error_count() > 0) return;

  // Pairs seen per group, for the meeting-count warning.
  std::vector<MeetingCounter> meetings(into.groups.size());
  TeamLookup teams;
  std::size_t previous_group = static_cast<std::size_t>(-1);

  // Offsets of the text the loop is past, for options.consumed: every 4 MB,
  // the start of the record at hand (its first field, when that lies in the
  // text: fields of earlier records are never looked at again).
  constexpr std::size_t k_consumed_step = std::size_t{4} << 20;
  std::size_t next_consumed = k_consumed_step;
  const auto text_begin = reinterpret_cast<std::uintptr_t>(text.data());

  std::string scratch_a, scratch_b;
  while (reader.next(rec)) {
    if (options.consumed && !rec.fields.empty()) {
      const auto at = reinterpret_cast<std::uintptr_t>(rec.fields.front().data());
      if (at >= text_begin + next_consumed && at <= text_begin + text.size()) {
        options.consumed(at - text_begin);
        next_consumed = at - text_begin + k_consumed_step;
      }
    }
    if (rec.blank()) continue;
    row.start(rec);
    if (rec.unterminated_quote) {
      sink.add({Severity::error, std::string(source), rec.line, "", "", "csv_unterminated_quote", {}});
      continue;
    }
    const std::string_view group_name =
        hm.has(c_group) && !row.text(c_group).empty() ? row.text(c_group) : std::string_view(options.default_group);
    const std::string_view home = row.text(c_home);
    const std::string_view away = row.text(c_away);
    Match m;
    m.source = source_index;
    m.line = static_cast<std::uint32_t>(rec.line);
    bool ok = true;
    if (home.empty()) ok = row.fail(c_home, "team_missing");
    if (away.empty()) ok = row.fail(c_away, "team_missing");
    if (ok && home == away) ok = row.fail(c_away, "team_plays_itself");

    if (hm.has(c_matchday)) {
      if (auto v = row.count(c_matchday, "matchday_not_count", 1000000)) m.matchday = *v; else if (!row.empty(c_matchday)) ok = false;
    }
    if (hm.has(c_date) && !row.empty(c_date)) {
      if (auto d = row.date(c_date)) m.date = *d; else ok = false;
    }
    if (hm.has(c_stage) && !row.empty(c_stage)) {
      const std::string_view stage = row.text(c_stage);
      std::size_t k = 1;
      while (k < into.stages.size() && into.stages[k] != stage) ++k;
      if (k == into.stages.size()) into.stages.emplace_back(stage);
      m.stage = static_cast<std::uint16_t>(k);
    }
    if (hm.has(c_status) && !row.empty(c_status)) {
      const std::string key = fold_key(row.text(c_status));
      if (key == "played" || key == "已赛" || key == "完赛" || key == "正常") {
        m.status = MatchStatus::played;
      } else if (key == "awarded" || key == "forfeit" || key == "判定" || key == "判负" || key == "判胜" || key == "弃权") {
        m.status = MatchStatus::awarded;
      } else if (key == "postponed" || key == "延期" || key == "推迟" || key == "未赛") {
        m.status = MatchStatus::postponed;
      } else if (key == "cancelled" || key == "canceled" || key == "取消") {
        m.status = MatchStatus::cancelled;
      } else {
        ok = row.fail(c_status, "bad_status");
      }
    }

    // Scores: two columns, or one `2:1` column.
    std::string_view hg_text, ag_text;
    std::size_t hg_col = c_home_goals, ag_col = c_away_goals;
    if (split_scores) {
      hg_text = row.text(c_home_goals);
      ag_text = row.text(c_away_goals);
    } else if (!row.empty(c_score)) {
      hg_col = ag_col = c_score;
      if (!split_score(row.text(c_score), hg_text, ag_text)) {
        ok = row.fail(c_score, "bad_score");
        hg_text = ag_text = {};
      }
    }
    if (hg_text.empty() != ag_text.empty()) {
      ok = row.fail(hg_text.empty() ? hg_col : ag_col, "one_score_missing");
    } else if (!hg_text.empty()) {
      auto hg = parse_count(hg_text, k_max_goals);
      auto ag = parse_count(ag_text, k_max_goals);
      if (!hg) ok = row.fail_value(hg_col, hg_text, "goals_not_count");
      if (!ag) ok = row.fail_value(ag_col, ag_text, "goals_not_count");
      if (hg && ag) {
        m.home_goals = static_cast<std::int16_t>(*hg);
        m.away_goals = static_cast<std::int16_t>(*ag);
      }
    }

    // Shootout.
    std::string_view hp_text, ap_text;
    std::size_t hp_col = c_home_pens, ap_col = c_away_pens;
    if (hm.has(c_home_pens) || hm.has(c_away_pens)) {
      hp_text = row.text(c_home_pens);
      ap_text = row.text(c_away_pens);
    } else if (hm.has(c_pens) && !row.empty(c_pens)) {
      hp_col = ap_col = c_pens;
      if (!split_score(row.text(c_pens), hp_text, ap_text)) {
        ok = row.fail(c_pens, "bad_score");
        hp_text = ap_text = {};
      }
    }
    if (hp_text.empty() != ap_text.empty()) {
      ok = row.fail(hp_text.empty() ? hp_col : ap_col, "one_pens_missing");
    } else if (!hp_text.empty()) {
      auto hp = parse_count(hp_text, k_max_goals);
      auto ap = parse_count(ap_text, k_max_goals);
      if (!hp) ok = row.fail_value(hp_col, hp_text, "goals_not_count");
      if (!ap) ok = row.fail_value(ap_col, ap_text, "goals_not_count");
      if (hp && ap) {
        m.home_pens = static_cast<std::int16_t>(*hp);
        m.away_pens = static_cast<std::int16_t>(*ap);
      }
    }

    if (ok) {
      const bool scored = m.has_score();
      const bool unplayed_status = m.status == MatchStatus::postponed || m.status == MatchStatus::cancelled;
      if (m.has_shootout() && !scored) {
        ok = row.fail(hp_col, "pens_without_score");
      } else if (m.has_shootout() && m.home_goals != m.away_goals) {
        ok = row.fail(hp_col, "pens_not_drawn", {std::to_string(m.home_goals), std::to_string(m.away_goals)});
      } else if (m.has_shootout() && m.home_pens == m.away_pens) {
        ok = row.fail(hp_col, "pens_level", {std::to_string(m.home_pens), std::to_string(m.away_pens)});
      } else if (scored && unplayed_status) {
        ok = row.fail(c_status, "unplayed_has_score");
      } else if (!scored && m.status == MatchStatus::awarded) {
        ok = row.fail(c_status, "awarded_no_score");
      } else if (scored && m.home_goals == m.away_goals && !m.has_shootout() &&
                 rules.points.draw_needs_shootout && m.status == MatchStatus::played && m.stage == 0) {
        ok = row.fail(hg_col, "draw_needs_shootout",
                      {std::to_string(m.home_goals), std::string(row.header(c_home_pens, "home_pens"))});
      }
    }

    // Fair play: the match's disciplinary points, or cards weighted by the rules.
    const auto cards = [&](std::size_t col) -> int {
      if (!hm.has(col) || row.empty(col)) return 0;
      if (auto v = row.count(col, "cards_not_count", 99)) return *v;
      ok = false;
      return 0;
    };
    if (hm.has(c_home_fp) && !row.empty(c_home_fp)) {
      m.home_fair_play = cards(c_home_fp);
    } else {
      m.home_fair_play = cards(c_home_yellow) * rules.yellow_card_points + cards(c_home_red) * rules.red_card_points;
    }
    if (hm.has(c_away_fp) && !row.empty(c_away_fp)) {
      m.away_fair_play = cards(c_away_fp);
    } else {
      m.away_fair_play = cards(c_away_yellow) * rules.yellow_card_points + cards(c_away_red) * rules.red_card_points;
    }
    if (!ok) continue;

    const std::size_t groups_before = into.groups.size();
    const std::size_t gi = into.intern_group(group_name);
    Group& g = into.groups[gi];
    if (into.groups.size() > groups_before && previous_group < groups_before) {
      // A new group: most files give the groups one after another, all of a
      // size, so room for as many matches as the group before saves growing
      // (and the memory a doubled vector leaves unused).
      g.matches.reserve(into.groups[previous_group].matches.size());
    }
    previous_group = gi;
    if (!hm.has(c_group)) g.named_after_file = true;
    m.home = teams.intern(g, gi, home);
    m.away = teams.intern(g, gi, away);
    if (m.status != MatchStatus::cancelled && m.stage == 0) {
      if (meetings.size() <= gi) meetings.resize(gi + 1);
      if (meetings[gi].count(m.home, m.away, g.teams.size()) == rules.max_meetings + 1) {
        sink.add({Severity::warning, std::string(source), rec.line, "", "", "too_many_meetings",
                  {std::string(home), std::string(away), std::to_string(rules.max_meetings)}});
      }
    }
    g.matches.push_back(m);
  }
  // Give back what growing left unused, where it is much (groups interleaved
  // row by row grow together): the matches are most of the memory kept.
  for (Group& g : into.groups) {
    if (g.matches.capacity() - g.matches.size() > g.matches.size() / 4 + 16) g.matches.shrink_to_fit();
  }
}

}  // namespace matchday
