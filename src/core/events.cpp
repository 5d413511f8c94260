#include "matchday/events.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <tuple>
#include <unordered_map>

#include "matchday/csv.hpp"
#include "matchday/integrity.hpp"
#include "matchday/text.hpp"
#include "parse_util.hpp"

namespace matchday {
namespace {

enum Col : std::size_t { c_group, c_matchday, c_date, c_home, c_away, c_team, c_shirt, c_name, c_role,
                         c_event, c_minute, c_count };
constexpr std::array<ColumnSpec, c_count> k_columns{{
    {"group", "小组|分组|组别|组"},
    {"matchday", "轮次|round|轮|md"},
    {"date", "日期|比赛日期"},
    {"home", "主队|home_team|主场", true},
    {"away", "客队|away_team|客场", true},
    {"team", "球队|队名|代表队|所属队|队伍|参赛队", true},
    {"shirt_number", "号码|球衣号码|球衣号|背号|shirt|number"},
    {"name", "姓名|球员|队员|名字|player"},
    {"role", "身份|职务|角色"},
    {"event", "事件|类型|事件类型|event_type|type", true},
    {"minute", "时间|分钟|比赛时间|min|time"},
}};

constexpr std::array<std::string_view, 6> k_kind_names{"goal", "penalty_goal", "own_goal",
                                                       "yellow", "second_yellow", "red"};

// "A", "Ａ", "A组", "Group A": one group, as the results read them.
std::string group_key(std::string_view g) { return fold_key(canonical_group_name(g)); }

// 67, 90+3, 67', 67′, 67分, 67分钟 (normalised to ASCII first).
bool parse_minute(std::string_view s, int& minute, int& added) {
  for (std::string_view suffix : {"分钟", "分", "'", "′", "min"}) {
    if (s.ends_with(suffix)) {
      s.remove_suffix(suffix.size());
      break;
    }
  }
  const std::size_t plus = s.find('+');
  const auto m = parse_count(trim(s.substr(0, plus)), 200);
  if (!m) return false;
  minute = *m;
  added = 0;
  if (plus != std::string_view::npos) {
    const auto a = parse_count(trim(s.substr(plus + 1)), 60);
    if (!a) return false;
    added = *a;
  }
  return true;
}

// An official named in the name cell: "领队", "教练：王强", "主教练 王强".
std::optional<Role> official_prefix(std::string& name) {
  static constexpr std::pair<std::string_view, Role> k_words[] = {
      {"主教练", Role::coach}, {"教练员", Role::coach}, {"教练", Role::coach},
      {"领队", Role::leader},  {"队医", Role::doctor}};
  for (const auto& [word, role] : k_words) {
    if (!name.starts_with(word)) continue;
    std::string_view rest = std::string_view(name).substr(word.size());
    if (rest.starts_with("：")) rest.remove_prefix(3);
    if (rest.starts_with(":")) rest.remove_prefix(1);
    name = std::string(trim(rest));
    return role;
  }
  return std::nullopt;
}

std::string where(const std::vector<std::string>& sources, std::uint32_t source, std::uint32_t line) {
  return sources[source] + ":" + std::to_string(line);
}

// A person as the events name them: team, official or not, and shirt number
// (learnt from another row with the same name where a row has none) or name.
class People {
 public:
  explicit People(const Events& events) {
    for (const Event& e : events.events) {
      if (e.role == Role::player && e.shirt >= 0 && !e.name.empty()) {
        m_shirt_of.try_emplace(e.team + '\x1f' + e.name, e.shirt);
      }
    }
    m_of.reserve(events.events.size());
    for (const Event& e : events.events) m_of.push_back(intern(e.team, e.role, e.shirt, e.name));
  }
  std::uint32_t intern(const std::string& team, Role role, int shirt, const std::string& name) {
    if (role == Role::player && shirt < 0) {
      const auto it = m_shirt_of.find(team + '\x1f' + name);
      if (it != m_shirt_of.end()) shirt = it->second;
    }
    std::string key = team + '\x1f';
    if (role != Role::player) {
      key += 'o';
      key += role_name(role);
      key += ':';
      key += name;
    } else if (shirt >= 0) {
      key += '#';
      key += std::to_string(shirt);
    } else {
      key += "n:" + name;
    }
    const auto [it, added] = m_index.try_emplace(key, static_cast<std::uint32_t>(m_people.size()));
    if (added) m_people.push_back({team, shirt, name, role});
    Person& p = m_people[it->second];
    if (p.name.empty()) p.name = name;
    if (p.shirt < 0) p.shirt = shirt;
    return it->second;
  }
  // The person of event `i`.
  [[nodiscard]] std::uint32_t of(std::size_t i) const { return m_of[i]; }
  struct Person {
    std::string team;
    int shirt = -1;
    std::string name;
    Role role = Role::player;
  };
  [[nodiscard]] const Person& person(std::uint32_t id) const { return m_people[id]; }
  [[nodiscard]] std::size_t size() const { return m_people.size(); }

 private:
  std::unordered_map<std::string, int> m_shirt_of;
  std::unordered_map<std::string, std::uint32_t> m_index;
  std::vector<Person> m_people;
  std::vector<std::uint32_t> m_of;
};

std::string display_name(const std::string& name, int shirt) {
  if (!name.empty()) return name;
  std::string out = shirt >= 0 ? "#" : "?";
  if (shirt >= 0) out += std::to_string(shirt);
  return out;
}

// The key of an event's match: its place in the results, or what the row says.
std::string match_key(const Event& e, const MatchRef& ref) {
  std::string key(1, ref.found() ? 'r' : 'e');
  if (ref.found()) {
    key += std::to_string(ref.group);
    key += ':';
    key += std::to_string(ref.match);
    return key;
  }
  for (const std::string& part : {group_key(e.group), std::to_string(e.matchday),
                                  e.date ? (*e.date).iso() : std::string(), e.home, e.away}) {
    key += part;
    key += '\x1f';
  }
  return key;
}

std::string match_words(const std::string& home, const std::string& away) { return home + " v " + away; }

}  // namespace

std::string_view event_kind_name(EventKind k) { return k_kind_names[static_cast<std::size_t>(k)]; }

std::optional<EventKind> parse_event_kind(std::string_view text) {
  const std::string k = fold_key(text);
  if (k == "goal" || k == "进球" || k == "入球" || k == "g") return EventKind::goal;
  if (k == "penalty_goal" || k == "penalty" || k == "pen" || k == "点球" || k == "点球进球" || k == "罚进点球")
    return EventKind::penalty_goal;
  if (k == "own_goal" || k == "og" || k == "乌龙球" || k == "乌龙" || k == "自摆乌龙") return EventKind::own_goal;
  if (k == "yellow" || k == "yellow_card" || k == "yc" || k == "黄牌" || k == "黄") return EventKind::yellow;
  if (k == "second_yellow" || k == "second_yellow_card" || k == "2yc" || k == "yellow_red" || k == "两黄变红" ||
      k == "两黄变一红" || k == "第二张黄牌" || k == "两黄一红")
    return EventKind::second_yellow;
  if (k == "red" || k == "red_card" || k == "rc" || k == "红牌" || k == "红" || k == "直接红牌") return EventKind::red;
  return std::nullopt;
}

void parse_events(std::string_view text, std::string_view source, const EventsOptions& options, Events& into,
                  std::vector<Diagnostic>& diags) {
  DiagnosticSink sink(diags, source);
  CsvReader reader(text, options.delimiter ? options.delimiter : sniff_delimiter(source, text));
  CsvRecord rec;
  if (!reader.next_nonblank(rec)) {
    sink.add({Severity::error, std::string(source), 0, "", "", "events_empty", {}});
    return;
  }
  const HeaderMatch hm = match_header(rec, k_columns);
  for (const std::string& d : hm.duplicated) {
    sink.add({Severity::error, std::string(source), rec.line, d, "", "duplicate_column", {}});
  }
  static constexpr std::string_view k_zh[c_count] = {"小组", "轮次", "日期", "主队", "客队", "球队",
                                                     "号码", "姓名", "身份", "事件", "时间"};
  for (std::string_view key : hm.missing) {
    for (std::size_t c = 0; c < c_count; ++c) {
      if (k_columns[c].key == key) {
        sink.add({Severity::error, std::string(source), rec.line, "", "", "missing_column",
                  {std::string(key), std::string(k_zh[c])}});
      }
    }
  }
  if (!hm.has(c_shirt) && !hm.has(c_name)) {
    sink.add({Severity::error, std::string(source), rec.line, "", "", "events_no_person_column", {}});
  }
  if (sink.error_count() > 0) return;
  const auto source_index = static_cast<std::uint32_t>(into.sources.size());
  into.sources.emplace_back(source);
  RowReader row(source, hm, sink);
  while (reader.next(rec)) {
    if (rec.blank()) continue;
    row.start(rec);
    Event e;
    e.source = source_index;
    e.line = static_cast<std::uint32_t>(rec.line);
    bool ok = true;
    if (rec.unterminated_quote) ok = row.fail(c_event, "event_unterminated_quote");
    e.group = std::string(row.text(c_group));
    if (!row.empty(c_matchday)) {
      if (auto v = row.count(c_matchday, "event_matchday_bad", 1000000)) {
        e.matchday = *v;
      } else {
        ok = false;
      }
    }
    if (!row.empty(c_date)) {
      e.date = row.date(c_date);
      ok = ok && e.date.has_value();
    }
    e.home = std::string(row.text(c_home));
    e.away = std::string(row.text(c_away));
    if (e.home.empty()) ok = row.fail(c_home, "event_match_missing");
    if (e.away.empty()) ok = row.fail(c_away, "event_match_missing");
    e.team = std::string(row.text(c_team));
    if (e.team.empty()) {
      ok = row.fail(c_team, "event_team_missing");
    } else if (!e.home.empty() && !e.away.empty() && e.team != e.home && e.team != e.away) {
      ok = row.fail(c_team, "event_team_not_in_match", {e.team, e.home, e.away});
    }
    if (!row.empty(c_shirt)) {
      if (auto v = row.count(c_shirt, "event_shirt_bad", 999)) {
        e.shirt = *v;
      } else {
        ok = false;
      }
    }
    e.name = std::string(row.text(c_name));
    if (!row.empty(c_role)) {
      if (auto r = parse_role(row.text(c_role)); r && *r != Role::unknown) {
        e.role = *r;
      } else {
        ok = row.fail(c_role, "event_role_bad");
      }
    }
    if (e.role == Role::player) {
      if (auto r = official_prefix(e.name)) e.role = *r;
    }
    if (e.role == Role::player && e.shirt < 0 && e.name.empty()) {
      ok = row.fail(hm.has(c_name) ? c_name : c_shirt, "event_person_missing");
    }
    if (e.role != Role::player) e.shirt = -1;  // officials are known by name (or role alone)
    if (auto k = parse_event_kind(row.text(c_event))) {
      e.kind = *k;
      if (e.role != Role::player && is_goal(e.kind)) ok = row.fail(c_event, "event_official_goal");
    } else {
      ok = row.fail(c_event, "event_kind_unknown");
    }
    if (!row.empty(c_minute) && !parse_minute(row.text(c_minute), e.minute, e.added)) {
      ok = row.fail(c_minute, "event_minute_bad");
    }
    if (ok) into.events.push_back(std::move(e));
  }
}

EventsCheck check_events(const Events& events, const Results* results, const Roster* roster) {
  EventsCheck out;
  const std::vector<Event>& evs = events.events;
  out.matches.assign(evs.size(), MatchRef{});
  auto error = [&](const Event& e, std::string_view code, std::vector<std::string> args) {
    out.diagnostics.push_back({Severity::error, events.sources[e.source], e.line, "", "", code, std::move(args)});
  };

  // 1. Each event's match in the results.
  if (results) {
    std::unordered_map<std::string, std::vector<MatchRef>> index;
    for (std::size_t g = 0; g < results->groups.size(); ++g) {
      const Group& group = results->groups[g];
      for (std::size_t m = 0; m < group.matches.size(); ++m) {
        const Match& match = group.matches[m];
        index[group.teams[match.home] + '\x1f' + group.teams[match.away]].push_back(
            {static_cast<std::int32_t>(g), static_cast<std::int32_t>(m)});
      }
    }
    std::string last_key;
    std::vector<MatchRef> last;
    for (std::size_t i = 0; i < evs.size(); ++i) {
      const Event& e = evs[i];
      std::string key = e.home + '\x1f' + e.away;
      std::vector<MatchRef> found;
      if (const auto it = index.find(key); it != index.end()) {
        const std::string gk = group_key(e.group);
        for (const MatchRef& r : it->second) {
          const Group& group = results->groups[static_cast<std::size_t>(r.group)];
          const Match& m = group.matches[static_cast<std::size_t>(r.match)];
          if (!e.group.empty() && !group.named_after_file && group_key(group.name) != gk) continue;
          if (e.matchday > 0 && m.matchday > 0 && m.matchday != e.matchday) continue;
          if (e.date && m.date.year != 0 && Date(m.date) != *e.date) continue;
          found.push_back(r);
        }
      }
      if (found.empty()) {
        error(e, "event_no_match", {e.home, e.away});
        continue;
      }
      if (found.size() > 1) {
        std::string lines;
        for (const MatchRef& r : found) {
          const Group& group = results->groups[static_cast<std::size_t>(r.group)];
          const Match& m = group.matches[static_cast<std::size_t>(r.match)];
          lines += (lines.empty() ? "" : ", ") + results->sources[m.source] + ":" + std::to_string(m.line);
        }
        error(e, "event_match_ambiguous", {e.home, e.away, lines});
        continue;
      }
      const MatchRef r = found.front();
      const Match& m = results->groups[static_cast<std::size_t>(r.group)].matches[static_cast<std::size_t>(r.match)];
      if (!m.has_score() && m.status != MatchStatus::awarded) {
        error(e, "event_match_not_played",
              {e.home, e.away, results->sources[m.source] + ":" + std::to_string(m.line)});
        continue;
      }
      out.matches[i] = r;
    }
    // 2. Goals add up, per side, for every match that has events.
    std::map<std::pair<std::int32_t, std::int32_t>, std::array<int, 2>> goals;
    std::map<std::pair<std::int32_t, std::int32_t>, std::size_t> first_event;
    for (std::size_t i = 0; i < evs.size(); ++i) {
      const MatchRef r = out.matches[i];
      if (!r.found()) continue;
      const auto key = std::pair{r.group, r.match};
      first_event.try_emplace(key, i);
      auto& g = goals[key];
      const Event& e = evs[i];
      if (!is_goal(e.kind)) continue;
      const bool home = e.team == e.home;
      const bool for_home = e.kind == EventKind::own_goal ? !home : home;
      ++g[for_home ? 0 : 1];
    }
    for (const auto& [key, first] : first_event) {
      const Group& group = results->groups[static_cast<std::size_t>(key.first)];
      const Match& m = group.matches[static_cast<std::size_t>(key.second)];
      if (m.status == MatchStatus::awarded) continue;  // a forfeit's score is not its goals
      const auto& g = goals[key];
      const int want[2] = {m.home_goals, m.away_goals};
      for (int side = 0; side < 2; ++side) {
        if (g[side] == want[side]) continue;
        error(evs[first], "event_goals_mismatch",
              {group.teams[side == 0 ? m.home : m.away], std::to_string(want[side]),
               match_words(group.teams[m.home], group.teams[m.away]),
               results->sources[m.source] + ":" + std::to_string(m.line), std::to_string(g[side])});
      }
    }
  }

  // 3. A person's events in one match are consistent.
  {
    People people(events);
    std::map<std::pair<std::string, std::uint32_t>, std::vector<std::size_t>> by;
    for (std::size_t i = 0; i < evs.size(); ++i) by[{match_key(evs[i], out.matches[i]), people.of(i)}].push_back(i);
    for (auto& [key, list] : by) {
      if (list.size() < 2 && evs[list[0]].kind != EventKind::second_yellow) continue;
      const bool timed = std::ranges::all_of(list, [&](std::size_t i) { return evs[i].minute >= 0; });
      if (timed) {
        std::ranges::stable_sort(list, {}, [&](std::size_t i) { return std::pair{evs[i].minute, evs[i].added}; });
      }
      std::optional<std::size_t> yellow, off;
      for (std::size_t i : list) {
        const Event& e = evs[i];
        const std::string who = display_name(e.name, e.shirt);
        if (off) {
          error(e, "event_after_sending_off", {who, std::to_string(evs[*off].line)});
          continue;
        }
        switch (e.kind) {
          case EventKind::yellow:
            if (yellow) {
              error(e, "event_two_yellows", {who, std::to_string(evs[*yellow].line)});
            } else {
              yellow = i;
            }
            break;
          case EventKind::second_yellow:
            if (!yellow) error(e, "event_second_yellow_alone", {who});
            off = i;
            break;
          case EventKind::red: off = i; break;
          default: break;
        }
      }
    }
  }

  // 4. Every person on the team's roster.
  if (roster) {
    std::unordered_map<std::string, std::vector<std::uint32_t>> rows_of;  // by team name
    for (std::uint32_t r = 0; r < roster->rows.size(); ++r) {
      rows_of[roster->teams[roster->rows[r].team]].push_back(r);
    }
    std::map<std::string, bool> reported;
    for (const Event& e : evs) {
      const auto it = rows_of.find(e.team);
      if (it == rows_of.end()) {
        if (!reported[e.team]) error(e, "event_team_no_roster", {e.team});
        reported[e.team] = true;
        continue;
      }
      const RosterRow* by_shirt = nullptr;
      const RosterRow* by_name = nullptr;
      for (std::uint32_t r : it->second) {
        const RosterRow& row = roster->rows[r];
        const bool player = row.role == Role::player;
        if (player != (e.role == Role::player)) continue;
        if (e.shirt >= 0 && row.shirt == e.shirt && !by_shirt) by_shirt = &row;
        if (!e.name.empty() && row.name == e.name && !by_name) by_name = &row;
      }
      const auto at = [&](const RosterRow* row) { return where(roster->sources, row->source, row->line); };
      if (e.role != Role::player) {
        // An official named by role alone ("教练") is the team's official of that role.
        if (e.name.empty()) continue;
        if (!by_name) error(e, "event_not_on_roster", {e.name, e.team, std::string(role_name(e.role))});
        continue;
      }
      if (e.shirt >= 0 && !e.name.empty()) {
        if (by_shirt && by_shirt->name == e.name) continue;
        if (by_shirt) {
          error(e, "event_roster_mismatch", {at(by_shirt), by_shirt->name, std::to_string(e.shirt), e.name,
                                             std::to_string(e.shirt)});
        } else if (by_name) {
          error(e, "event_roster_mismatch", {at(by_name), e.name,
                                             by_name->shirt >= 0 ? std::to_string(by_name->shirt) : "-", e.name,
                                             std::to_string(e.shirt)});
        } else {
          error(e, "event_not_on_roster", {display_name(e.name, e.shirt) + " #" + std::string(std::to_string(e.shirt)), e.team,
                                           "player"});
        }
      } else if (!(e.shirt >= 0 ? by_shirt : by_name)) {
        error(e, "event_not_on_roster", {display_name(e.name, e.shirt), e.team, "player"});
      }
    }
  }
  std::ranges::stable_sort(out.diagnostics, {}, [](const Diagnostic& d) { return std::pair{d.source, d.line}; });
  // As for the parse: at most k_max_errors_per_file kept per file, the rest counted.
  std::vector<Diagnostic> all = std::move(out.diagnostics);
  out.diagnostics.clear();
  for (std::size_t i = 0; i < all.size();) {
    std::size_t j = i;
    while (j < all.size() && all[j].source == all[i].source) ++j;
    DiagnosticSink sink(out.diagnostics, all[i].source);
    for (std::size_t k = i; k < j; ++k) sink.add(std::move(all[k]));
    i = j;
  }
  return out;
}

void complete_events(Events& events, const EventsCheck& check, const Results* results, const Roster* roster) {
  std::map<std::pair<std::string, int>, std::string> names;  // (team, shirt) -> roster name
  std::map<std::pair<std::string, std::string>, int> shirts;  // (team, name) -> roster shirt number
  if (roster) {
    for (const RosterRow& row : roster->rows) {
      if (row.role != Role::player || row.shirt < 0) continue;
      names.try_emplace({roster->teams[row.team], row.shirt}, row.name);
      shirts.try_emplace({roster->teams[row.team], row.name}, row.shirt);
    }
  }
  for (std::size_t i = 0; i < events.events.size(); ++i) {
    Event& e = events.events[i];
    if (results && i < check.matches.size() && check.matches[i].found()) {
      const Group& g = results->groups[static_cast<std::size_t>(check.matches[i].group)];
      const Match& m = g.matches[static_cast<std::size_t>(check.matches[i].match)];
      if (e.matchday == 0) e.matchday = m.matchday;
      if (!e.date && m.date.year != 0) e.date = OptionalDate(Date(m.date));
      if (e.group.empty()) e.group = g.name;
    }
    if (e.role != Role::player) continue;
    if (e.name.empty() && e.shirt >= 0) {
      if (const auto it = names.find({e.team, e.shirt}); it != names.end()) e.name = it->second;
    }
    if (e.shirt < 0 && !e.name.empty()) {
      if (const auto it = shirts.find({e.team, e.name}); it != shirts.end()) e.shirt = it->second;
    }
  }
}

std::vector<ScorerRow> top_scorers(const Events& events, const ScorersOptions& options) {
  std::vector<std::string> groups;
  for (const std::string& g : options.groups) groups.push_back(group_key(g));
  People people(events);
  std::vector<ScorerRow> rows(people.size());
  std::vector<bool> scored(people.size(), false);
  for (std::size_t i = 0; i < events.events.size(); ++i) {
    const Event& e = events.events[i];
    if (!is_goal(e.kind) || e.kind == EventKind::own_goal) continue;
    if (options.through && (e.matchday == 0 || e.matchday > *options.through)) continue;
    if (!groups.empty() && std::ranges::find(groups, group_key(e.group)) == groups.end()) continue;
    const std::uint32_t p = people.of(i);
    ScorerRow& r = rows[p];
    scored[p] = true;
    ++r.goals;
    if (e.kind == EventKind::penalty_goal) ++r.penalties;
  }
  std::vector<ScorerRow> out;
  for (std::uint32_t p = 0; p < people.size(); ++p) {
    if (!scored[p]) continue;
    const auto& person = people.person(p);
    ScorerRow r = rows[p];
    r.name = display_name(person.name, person.shirt);
    r.shirt = person.shirt;
    r.team = person.team;
    out.push_back(std::move(r));
  }
  std::ranges::sort(out, [](const ScorerRow& a, const ScorerRow& b) {
    return std::tie(b.goals, a.team, a.name, a.shirt) < std::tie(a.goals, b.team, b.name, b.shirt);
  });
  for (std::size_t i = 0; i < out.size(); ++i) {
    out[i].rank = i > 0 && out[i].goals == out[i - 1].goals ? out[i - 1].rank : static_cast<int>(i) + 1;
  }
  return out;
}

std::vector<ExtraSuspension> parse_extra_suspensions(std::string_view text, std::string_view source, char delimiter,
                                                     std::vector<Diagnostic>& diags) {
  enum XCol : std::size_t { x_team, x_shirt, x_name, x_role, x_matches, x_matchday, x_reason, x_count };
  static constexpr std::array<ColumnSpec, x_count> k_xcolumns{{
      {"team", "球队|队名|代表队|所属队", true},
      {"shirt_number", "号码|球衣号码|球衣号|背号|shirt|number"},
      {"name", "姓名|球员|队员|名字|player"},
      {"role", "身份|职务|角色"},
      {"matches", "停赛场次|场次|停赛|停赛场数|matches", true},
      {"matchday", "轮次|自轮次|决定轮次|after_matchday|round"},
      {"reason", "原因|理由|说明|处罚原因|处罚决定"},
  }};
  std::vector<ExtraSuspension> out;
  DiagnosticSink sink(diags, source);
  CsvReader reader(text, delimiter ? delimiter : sniff_delimiter(source, text));
  CsvRecord rec;
  if (!reader.next_nonblank(rec)) {
    sink.add({Severity::error, std::string(source), 0, "", "", "extra_empty", {}});
    return out;
  }
  const HeaderMatch hm = match_header(rec, k_xcolumns);
  for (std::string_view key : hm.missing) {
    sink.add({Severity::error, std::string(source), rec.line, "", "", "missing_column",
              {std::string(key), key == "team" ? "球队" : "停赛场次"}});
  }
  if (!hm.missing.empty()) return out;
  RowReader row(source, hm, sink);
  while (reader.next(rec)) {
    if (rec.blank()) continue;
    row.start(rec);
    ExtraSuspension x;
    x.source = std::string(source);
    x.line = static_cast<std::uint32_t>(rec.line);
    bool ok = true;
    x.team = std::string(row.text(x_team));
    if (x.team.empty()) ok = row.fail(x_team, "team_missing");
    if (!row.empty(x_shirt)) {
      if (auto v = row.count(x_shirt, "event_shirt_bad", 999)) {
        x.shirt = *v;
      } else {
        ok = false;
      }
    }
    x.name = std::string(row.text(x_name));
    if (!row.empty(x_role)) {
      if (auto r = parse_role(row.text(x_role)); r && *r != Role::unknown) {
        x.role = *r;
      } else {
        ok = row.fail(x_role, "event_role_bad");
      }
    }
    if (x.role == Role::player) {
      if (auto r = official_prefix(x.name)) x.role = *r;
    }
    if (x.role != Role::player) x.shirt = -1;
    if (x.role == Role::player && x.shirt < 0 && x.name.empty()) {
      ok = row.fail(hm.has(x_name) ? x_name : x_shirt, "event_person_missing");
    }
    if (auto v = row.count(x_matches, "extra_matches_bad", 100); v && *v > 0) {
      x.matches = *v;
    } else {
      if (v || row.empty(x_matches)) row.fail(x_matches, "extra_matches_bad");
      ok = false;
    }
    if (!row.empty(x_matchday)) {
      if (auto v = row.count(x_matchday, "event_matchday_bad", 1000000)) {
        x.after_matchday = *v;
      } else {
        ok = false;
      }
    }
    x.reason = std::string(row.text(x_reason));
    if (ok) out.push_back(std::move(x));
  }
  return out;
}

Discipline compute_discipline(const Events& events, const EventsCheck& check, const Results* results,
                              const Rules& rules, const DisciplineOptions& options) {
  Discipline out;
  const std::vector<Event>& evs = events.events;
  const DisciplineRule& rule = rules.discipline;
  const auto within = [&](int matchday) { return !options.through || (matchday > 0 && matchday <= *options.through); };

  // Each team's matches, in order, and where each event's match is in them.
  std::map<std::string, std::size_t> team_index;
  std::vector<std::map<std::string, std::int32_t>> key_index;  // per team: match key -> TeamMatch
  const auto team_of = [&](const std::string& name) {
    const auto [it, added] = team_index.try_emplace(name, out.teams.size());
    if (added) {
      out.teams.push_back({name, {}, -1});
      key_index.emplace_back();
    }
    return it->second;
  };
  const auto add_match = [&](const std::string& team, const std::string& key, TeamMatch tm) {
    const std::size_t t = team_of(team);
    if (key_index[t].contains(key)) return;
    key_index[t][key] = static_cast<std::int32_t>(out.teams[t].matches.size());
    out.teams[t].matches.push_back(std::move(tm));
  };
  if (results) {
    for (std::size_t g = 0; g < results->groups.size(); ++g) {
      const Group& group = results->groups[g];
      for (std::size_t mi = 0; mi < group.matches.size(); ++mi) {
        const Match& m = group.matches[mi];
        if (m.status == MatchStatus::postponed || m.status == MatchStatus::cancelled) continue;
        TeamMatch tm;
        tm.group = group.name;
        tm.matchday = m.matchday;
        if (m.date.year != 0) tm.date = OptionalDate(Date(m.date));
        tm.home = group.teams[m.home];
        tm.away = group.teams[m.away];
        tm.stage = m.stage;
        tm.played = (m.has_score() || m.status == MatchStatus::awarded) && within(m.matchday);
        tm.source = results->sources[m.source] + ":" + std::to_string(m.line);
        const std::string key = match_key(Event{}, {static_cast<std::int32_t>(g), static_cast<std::int32_t>(mi)});
        add_match(tm.home, key, tm);
        add_match(tm.away, key, tm);
      }
    }
  }
  std::vector<std::int32_t> event_match(evs.size(), -1);
  for (std::size_t i = 0; i < evs.size(); ++i) {
    const Event& e = evs[i];
    const MatchRef ref = i < check.matches.size() ? check.matches[i] : MatchRef{};
    const std::string key = match_key(e, ref);
    if (!ref.found()) {  // a match the results do not give (or no results): from the event
      TeamMatch tm;
      tm.group = e.group;
      tm.matchday = e.matchday;
      tm.date = e.date;
      tm.home = e.home;
      tm.away = e.away;
      tm.played = within(e.matchday);
      tm.source = where(events.sources, e.source, e.line);
      add_match(e.home, key, tm);
      add_match(e.away, key, tm);
    }
    const std::size_t t = team_of(e.team);
    if (const auto it = key_index[t].find(key); it != key_index[t].end()) event_match[i] = it->second;
  }
  // Order: the group stage, then knockout stages; by date, else matchday, else as read.
  std::vector<std::vector<std::int32_t>> rank(out.teams.size());  // old index -> new
  for (std::size_t t = 0; t < out.teams.size(); ++t) {
    std::vector<TeamMatch>& ms = out.teams[t].matches;
    std::vector<std::int32_t> perm(ms.size());
    for (std::size_t k = 0; k < ms.size(); ++k) perm[k] = static_cast<std::int32_t>(k);
    std::ranges::stable_sort(perm, [&](std::int32_t a, std::int32_t b) {
      const TeamMatch& x = ms[static_cast<std::size_t>(a)];
      const TeamMatch& y = ms[static_cast<std::size_t>(b)];
      const long dx = x.date ? days_from_civil(*x.date) : 0;
      const long dy = y.date ? days_from_civil(*y.date) : 0;
      return std::tuple(x.stage, dx, x.matchday) < std::tuple(y.stage, dy, y.matchday);
    });
    std::vector<TeamMatch> sorted;
    rank[t].assign(ms.size(), 0);
    for (std::size_t k = 0; k < perm.size(); ++k) {
      rank[t][static_cast<std::size_t>(perm[k])] = static_cast<std::int32_t>(k);
      sorted.push_back(std::move(ms[static_cast<std::size_t>(perm[k])]));
    }
    ms = std::move(sorted);
    for (std::size_t k = 0; k < ms.size(); ++k) {
      if (!ms[k].played) {
        out.teams[t].next = static_cast<std::int32_t>(k);
        break;
      }
    }
  }
  for (std::size_t i = 0; i < evs.size(); ++i) {
    if (event_match[i] >= 0) {
      event_match[i] = rank[team_index[evs[i].team]][static_cast<std::size_t>(event_match[i])];
    }
  }

  // People: from the events, and from the extra suspensions.
  People people(events);
  std::vector<std::uint32_t> extra_person;
  std::vector<ExtraSuspension> extras = options.extra;
  for (const ExtraSuspension& x : extras) {
    extra_person.push_back(people.intern(x.team, x.role, x.shirt, x.name));
  }
  std::vector<std::vector<std::size_t>> events_of(people.size());
  for (std::size_t i = 0; i < evs.size(); ++i) events_of[people.of(i)].push_back(i);

  std::size_t more_warnings = 0;
  for (std::uint32_t p = 0; p < people.size(); ++p) {
    const auto& person = people.person(p);
    PersonRecord rec;
    rec.team = person.team;
    rec.shirt = person.shirt;
    rec.name = person.name;
    rec.role = person.role;
    const std::size_t t = team_of(person.team);
    if (rank.size() < out.teams.size()) rank.resize(out.teams.size());
    const TeamSchedule& sched = out.teams[t];
    const std::size_t n = sched.matches.size();
    // The events of each match of the team (played ones only count).
    std::vector<std::vector<std::size_t>> at(n);
    for (std::size_t i : events_of[p]) {
      if (event_match[i] >= 0) at[static_cast<std::size_t>(event_match[i])].push_back(i);
    }
    // Extra suspensions of this person, by the match they start at.
    std::vector<std::vector<Suspension>> extra_at(n + 1);
    for (std::size_t k = 0; k < extras.size(); ++k) {
      if (extra_person[k] != p) continue;
      const ExtraSuspension& x = extras[k];
      std::size_t start = n;
      for (std::size_t m = 0; m < n; ++m) {
        const bool after = x.after_matchday > 0 ? sched.matches[m].matchday > x.after_matchday
                                                : !sched.matches[m].played;
        if (after) {
          start = m;
          break;
        }
      }
      Suspension s;
      s.cause = Suspension::Cause::extra;
      s.matches = x.matches;
      s.lines = {x.source + ":" + std::to_string(x.line)};
      s.reason = x.reason;
      extra_at[start].push_back(std::move(s));
    }
    std::vector<std::size_t> queue;  // indexes into rec.suspensions not yet fully assigned
    std::vector<std::string> counted_lines;
    bool knockout_seen = false;
    const auto assign = [&](std::size_t m, bool played) {
      // This match is sat out for the first suspension with matches left to assign.
      while (!queue.empty()) {
        Suspension& s = rec.suspensions[queue.front()];
        if (static_cast<int>(s.served_in.size()) >= s.matches) {
          queue.erase(queue.begin());
          continue;
        }
        s.served_in.push_back(static_cast<std::int32_t>(m));
        if (played) {
          ++s.served;
          for (std::size_t i : at[m]) rec.played_while_suspended.push_back(where(events.sources, evs[i].source, evs[i].line));
        }
        return;
      }
    };
    for (std::size_t m = 0; m < n; ++m) {
      const TeamMatch& tm = sched.matches[m];
      for (Suspension& s : extra_at[m]) {
        rec.suspensions.push_back(std::move(s));
        queue.push_back(rec.suspensions.size() - 1);
      }
      assign(m, tm.played);
      if (!tm.played) continue;
      // Cleared once the knockout has begun (the count shown until then is the group stage's).
      if (tm.stage > 0 && !knockout_seen) {
        knockout_seen = true;
        if (rule.reset_before_knockout) {
          rec.yellows_counting = 0;
          counted_lines.clear();
        }
      }
      std::vector<std::string> yellow_lines, off_lines;
      bool second = false, red = false;
      for (std::size_t i : at[m]) {
        const Event& e = evs[i];
        const std::string w = where(events.sources, e.source, e.line);
        switch (e.kind) {
          case EventKind::yellow:
            ++rec.yellows;
            yellow_lines.push_back(w);
            break;
          case EventKind::second_yellow:
            ++rec.second_yellows;
            second = true;
            off_lines.push_back(w);
            break;
          case EventKind::red:
            ++rec.reds;
            red = true;
            off_lines.push_back(w);
            break;
          default: break;
        }
      }
      const auto suspend = [&](Suspension::Cause cause, int matches, std::vector<std::string> lines) {
        if (matches <= 0) return;
        Suspension s;
        s.cause = cause;
        s.matches = matches;
        s.from_match = static_cast<std::int32_t>(m);
        s.lines = std::move(lines);
        rec.suspensions.push_back(std::move(s));
        queue.push_back(rec.suspensions.size() - 1);
      };
      if (second) {
        // Sent off for two yellows: the yellows of this match do not count toward accumulation.
        std::vector<std::string> lines = yellow_lines;
        for (const std::string& l : off_lines) {
          if (std::ranges::find(lines, l) == lines.end()) lines.push_back(l);
        }
        suspend(Suspension::Cause::second_yellow, rule.second_yellow_matches, lines);
      } else {
        if (!yellow_lines.empty() && rule.yellow_threshold > 0) {
          ++rec.yellows_counting;
          counted_lines.push_back(yellow_lines.front());
          if (rec.yellows_counting >= rule.yellow_threshold) {
            suspend(Suspension::Cause::yellows, rule.yellow_matches, counted_lines);
            rec.yellows_counting = 0;
            counted_lines.clear();
          }
        }
        if (red) suspend(Suspension::Cause::red, rule.red_matches, off_lines);
      }
    }
    for (Suspension& s : extra_at[n]) rec.suspensions.push_back(std::move(s));  // no match left to serve it in
    for (const std::string& w : rec.played_while_suspended) {
      // At most k_max_errors_per_file of these are shown; the rest are counted.
      if (out.warnings.size() >= k_max_errors_per_file) {
        ++more_warnings;
        continue;
      }
      const auto colon = w.rfind(':');
      out.warnings.push_back({Severity::warning, w.substr(0, colon), static_cast<std::size_t>(std::stoul(w.substr(colon + 1))),
                              "", "", "discipline_played_suspended", {display_name(rec.name, rec.shirt), rec.team}});
    }
    out.people.push_back(std::move(rec));
  }
  if (more_warnings > 0) {
    out.warnings.push_back({Severity::warning, "", 0, "", "", "discipline_more_warnings", {std::to_string(more_warnings)}});
  }
  std::ranges::stable_sort(out.people, [](const PersonRecord& a, const PersonRecord& b) {
    return std::tuple(a.team, a.role != Role::player, a.role, a.shirt < 0, a.shirt, a.name) <
           std::tuple(b.team, b.role != Role::player, b.role, b.shirt < 0, b.shirt, b.name);
  });
  std::ranges::stable_sort(out.teams, {}, &TeamSchedule::team);
  return out;
}

void apply_fair_play(const Events& events, const EventsCheck& check, const Rules& rules, Results& results) {
  for (Group& g : results.groups) {
    for (Match& m : g.matches) m.home_fair_play = m.away_fair_play = 0;
  }
  People people(events);
  struct Cards {
    int yellow = 0, second = 0, red = 0;
  };
  std::map<std::tuple<std::int32_t, std::int32_t, std::uint32_t>, Cards> cards;
  std::map<std::tuple<std::int32_t, std::int32_t, std::uint32_t>, bool> home_side;
  for (std::size_t i = 0; i < events.events.size(); ++i) {
    const Event& e = events.events[i];
    if (i >= check.matches.size() || !check.matches[i].found() || is_goal(e.kind)) continue;
    const auto key = std::tuple(check.matches[i].group, check.matches[i].match, people.of(i));
    Cards& c = cards[key];
    home_side[key] = e.team == e.home;
    if (e.kind == EventKind::yellow) ++c.yellow;
    if (e.kind == EventKind::second_yellow) ++c.second;
    if (e.kind == EventKind::red) ++c.red;
  }
  for (const auto& [key, c] : cards) {
    long points = 0;
    if (c.second > 0) {
      points = rules.second_yellow_card_points;
    } else if (c.red > 0 && c.yellow > 0) {
      points = rules.yellow_red_card_points;
    } else if (c.red > 0) {
      points = rules.red_card_points;
    } else {
      points = 1L * c.yellow * rules.yellow_card_points;
    }
    Match& m = results.groups[static_cast<std::size_t>(std::get<0>(key))].matches[static_cast<std::size_t>(std::get<1>(key))];
    std::int16_t& side = home_side.at(key) ? m.home_fair_play : m.away_fair_play;
    side = static_cast<std::int16_t>(std::clamp<long>(side + points, INT16_MIN, INT16_MAX));
  }
}

}  // namespace matchday

namespace matchday {

std::vector<LineupRow> parse_lineup(std::string_view text, std::string_view source, char delimiter,
                                    std::vector<Diagnostic>& diags) {
  enum LCol : std::size_t { l_team, l_shirt, l_name, l_role, l_count };
  static constexpr std::array<ColumnSpec, l_count> k_lcolumns{{
      {"team", "球队|队名|代表队|所属队|队伍|参赛队", true},
      {"shirt_number", "号码|球衣号码|球衣号|背号|shirt|number"},
      {"name", "姓名|球员|队员|名字|player"},
      {"role", "身份|职务|角色"},
  }};
  std::vector<LineupRow> out;
  DiagnosticSink sink(diags, source);
  CsvReader reader(text, delimiter ? delimiter : sniff_delimiter(source, text));
  CsvRecord rec;
  if (!reader.next_nonblank(rec)) {
    sink.add({Severity::error, std::string(source), 0, "", "", "lineup_empty", {}});
    return out;
  }
  const HeaderMatch hm = match_header(rec, k_lcolumns);
  for (std::string_view key : hm.missing) {
    sink.add({Severity::error, std::string(source), rec.line, "", "", "missing_column", {std::string(key), "球队"}});
  }
  if (!hm.has(l_shirt) && !hm.has(l_name)) {
    sink.add({Severity::error, std::string(source), rec.line, "", "", "events_no_person_column", {}});
  }
  if (sink.error_count() > 0) return out;
  RowReader row(source, hm, sink);
  while (reader.next(rec)) {
    if (rec.blank()) continue;
    row.start(rec);
    LineupRow l;
    l.line = static_cast<std::uint32_t>(rec.line);
    bool ok = true;
    l.team = std::string(row.text(l_team));
    if (l.team.empty()) ok = row.fail(l_team, "team_missing");
    if (!row.empty(l_shirt)) {
      if (auto v = row.count(l_shirt, "event_shirt_bad", 999)) {
        l.shirt = *v;
      } else {
        ok = false;
      }
    }
    l.name = std::string(row.text(l_name));
    if (!row.empty(l_role)) {
      if (auto r = parse_role(row.text(l_role)); r && *r != Role::unknown) {
        l.role = *r;
      } else {
        ok = row.fail(l_role, "event_role_bad");
      }
    }
    if (l.role == Role::player) {
      if (auto r = official_prefix(l.name)) l.role = *r;
    }
    if (l.role == Role::player && l.shirt < 0 && l.name.empty()) {
      ok = row.fail(hm.has(l_name) ? l_name : l_shirt, "event_person_missing");
    }
    if (ok) out.push_back(std::move(l));
  }
  return out;
}

}  // namespace matchday
