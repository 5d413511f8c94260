#include "matchday/rules.hpp"

#include <array>
#include <charconv>
#include <utility>

#include "matchday/text.hpp"

namespace matchday {
namespace {

constexpr std::array<std::pair<Criterion, std::string_view>, 9> k_criteria{{
    {Criterion::points, "points"},
    {Criterion::h2h_points, "h2h_points"},
    {Criterion::h2h_goal_difference, "h2h_goal_difference"},
    {Criterion::h2h_goals_for, "h2h_goals_for"},
    {Criterion::goal_difference, "goal_difference"},
    {Criterion::goals_for, "goals_for"},
    {Criterion::wins, "wins"},
    {Criterion::fair_play, "fair_play"},
    {Criterion::lots, "lots"},
}};

EligibilityRule qinghai_eligibility() {
  EligibilityRule e;
  e.bands = {{"A", {2008, 1, 1}, {2009, 12, 31}}, {"B", {2010, 1, 1}, {2011, 12, 31}}};
  return e;
}

Rules qinghai() {
  Rules r;
  r.name = "qinghai-youth-2025";
  r.title = "2025年青海省青少年足球锦标赛 (Qinghai Province Youth Football Championship 2025)";
  r.citation =
      "Notice: win 3, loss 0, a draw goes straight to penalties, shootout winner 2, loser 0; "
      "level teams by 相互比赛胜负、净胜球、进球数, read as the Chinese FA's usual order";
  r.points = {.win = 3, .draw = 0, .loss = 0, .shootout_win = 2, .shootout_loss = 0,
              .draw_needs_shootout = true, .shootouts = true};
  r.order = {Criterion::points,          Criterion::h2h_points, Criterion::h2h_goal_difference,
             Criterion::h2h_goals_for,   Criterion::goal_difference, Criterion::goals_for,
             Criterion::fair_play,       Criterion::lots};
  r.reapply_h2h = true;
  r.max_meetings = 1;
  r.qualify = 2;
  r.pairing = "A1-B2,B1-A2";
  r.eligibility = qinghai_eligibility();
  return r;
}

Rules fifa() {
  Rules r;
  r.name = "fifa-world-cup";
  r.title = "FIFA World Cup group stage";
  r.citation = "FIFA World Cup 2022 Regulations, art. 13: overall goals first, then head-to-head";
  r.order = {Criterion::points,     Criterion::goal_difference,     Criterion::goals_for,
             Criterion::h2h_points, Criterion::h2h_goal_difference, Criterion::h2h_goals_for,
             Criterion::fair_play,  Criterion::lots};
  r.reapply_h2h = false;
  r.pairing = "A1-B2,B1-A2";
  r.eligibility = qinghai_eligibility();
  // Yellows are wiped after the quarter-finals, not before the knockout.
  r.discipline.reset_before_knockout = false;
  return r;
}

Rules uefa() {
  Rules r;
  r.name = "uefa-euro";
  r.title = "UEFA European Championship final tournament";
  r.citation = "UEFA EURO 2024 Regulations, art. 20: head-to-head first, re-applied (criterion d)";
  r.order = {Criterion::points,          Criterion::h2h_points,      Criterion::h2h_goal_difference,
             Criterion::h2h_goals_for,   Criterion::goal_difference, Criterion::goals_for,
             Criterion::wins,            Criterion::fair_play,       Criterion::lots};
  r.reapply_h2h = true;
  r.pairing = "A1-B2,B1-A2";
  r.eligibility = qinghai_eligibility();
  r.discipline.reset_before_knockout = false;
  return r;
}

Rules league() {
  Rules r;
  r.name = "league";
  r.title = "League table: points, goal difference, goals scored";
  r.citation = "The usual league order (e.g. the Premier League's rule C.17, before play-offs)";
  r.order = {Criterion::points, Criterion::goal_difference, Criterion::goals_for, Criterion::lots};
  r.max_meetings = 2;
  r.qualify = 1;
  r.eligibility = qinghai_eligibility();
  return r;
}

std::optional<int> parse_int(std::string_view s) {
  int v = 0;
  const auto r = std::from_chars(s.data(), s.data() + s.size(), v);
  if (r.ec != std::errc() || r.ptr != s.data() + s.size()) return std::nullopt;
  return v;
}

std::optional<bool> parse_bool(std::string_view s) {
  const std::string k = fold_key(s);
  if (k == "yes" || k == "true" || k == "1" || k == "是") return true;
  if (k == "no" || k == "false" || k == "0" || k == "否") return false;
  return std::nullopt;
}

std::vector<std::string> split_list(std::string_view s) {
  std::vector<std::string> out;
  while (true) {
    const std::size_t comma = s.find(',');
    std::string_view item = trim(s.substr(0, comma));
    if (!item.empty()) out.emplace_back(item);
    if (comma == std::string_view::npos) break;
    s.remove_prefix(comma + 1);
  }
  return out;
}

std::optional<std::pair<Date, Date>> parse_range(std::string_view s) {
  const std::size_t dots = s.find("..");
  if (dots == std::string_view::npos) return std::nullopt;
  const DateParse a = parse_date(s.substr(0, dots));
  const DateParse b = parse_date(s.substr(dots + 2));
  if (!a.date || !b.date || *b.date < *a.date) return std::nullopt;
  return std::pair{*a.date, *b.date};
}

std::string yes_no(bool b) { return b ? "yes" : "no"; }

}  // namespace

std::string_view criterion_name(Criterion c) {
  for (const auto& [k, name] : k_criteria) {
    if (k == c) return name;
  }
  return "?";
}

std::optional<Criterion> criterion_from_name(std::string_view name) {
  const std::string key = fold_key(name);
  for (const auto& [k, n] : k_criteria) {
    if (n == key) return k;
  }
  return std::nullopt;
}

bool is_h2h(Criterion c) {
  return c == Criterion::h2h_points || c == Criterion::h2h_goal_difference ||
         c == Criterion::h2h_goals_for;
}

std::vector<std::string_view> preset_names() {
  return {"qinghai-youth-2025", "fifa-world-cup", "uefa-euro", "league"};
}

std::optional<Rules> preset(std::string_view name) {
  const std::string key = fold_key(name);
  if (key == "qinghai_youth_2025") return qinghai();
  if (key == "fifa_world_cup") return fifa();
  if (key == "uefa_euro") return uefa();
  if (key == "league") return league();
  return std::nullopt;
}

std::size_t comment_start(std::string_view line) {
  const auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\r'; };
  bool only_blanks = true;
  for (std::size_t i = 0; i < line.size(); ++i) {
    if (line[i] == '#') {
      // A word of its own, or the first thing after `=` (`name =# x` reads
      // as `name = # x` does, so that what format_rules writes reads back).
      const bool word =
          i > 0 && (blank(line[i - 1]) || line[i - 1] == '=') && (i + 1 == line.size() || blank(line[i + 1]));
      if (only_blanks || word) return i;
    }
    only_blanks = only_blanks && blank(line[i]);
  }
  return line.size();
}

RulesParse parse_rules(std::string_view text, std::string_view source) {
  RulesParse out;
  out.rules = qinghai();
  out.rules.name = std::string(source);
  std::size_t line_no = 0;
  bool name_given = false;
  auto error = [&](std::string_view key, std::string_view value, std::string_view code,
                   std::vector<std::string> args = {}) {
    out.diagnostics.push_back(Diagnostic{Severity::error, std::string(source), line_no,
                                         std::string(key), std::string(value), code,
                                         std::move(args)});
  };
  bool first_key = true;
  while (!text.empty()) {
    ++line_no;
    const std::size_t nl = text.find('\n');
    std::string_view line = text.substr(0, nl);
    text = nl == std::string_view::npos ? std::string_view{} : text.substr(nl + 1);
    line = line.substr(0, comment_start(line));
    line = trim(line);
    if (line_no == 1 && line.starts_with("\xEF\xBB\xBF")) line = trim(line.substr(3));
    if (line.empty()) continue;
    const std::size_t eq = line.find('=');
    if (eq == std::string_view::npos) {
      error("", line, "rules_no_equals");
      continue;
    }
    const std::string key = fold_key(line.substr(0, eq));
    const std::string_view value = trim(line.substr(eq + 1));
    Rules& r = out.rules;
    EligibilityRule& e = r.eligibility;
    // A count, at most `max`: points and limits add up over a season without
    // overflow, and a card's points (at most 100) keep a match's fair play
    // within what a Match holds.
    auto set_int = [&](int& field, int max = k_max_rules_count) {
      if (auto v = parse_int(value); v && *v >= 0 && *v <= max) {
        field = *v;
      } else if (v && *v > max) {
        error(key, value, "rules_too_large", {std::to_string(max)});
      } else {
        error(key, value, "rules_not_count");
      }
    };
    auto set_bool = [&](bool& field) {
      if (auto v = parse_bool(value)) {
        field = *v;
      } else {
        error(key, value, "rules_not_bool");
      }
    };
    if (key == "base") {
      if (!first_key) {
        error(key, value, "rules_base_not_first");
      } else if (auto p = preset(value)) {
        const std::string keep = r.name;
        r = *p;
        r.name = keep;
      } else {
        error(key, value, "rules_unknown_base");
      }
    } else if (key == "name") {
      r.name = std::string(value);
      name_given = true;
    } else if (key == "title") {
      r.title = std::string(value);
    } else if (key == "citation") {
      r.citation = std::string(value);
    } else if (key == "points.win") {
      set_int(r.points.win);
    } else if (key == "points.loss") {
      set_int(r.points.loss);
    } else if (key == "points.draw") {
      if (fold_key(value) == "none") {
        r.points.draw_needs_shootout = true;
        r.points.draw = 0;
      } else {
        r.points.draw_needs_shootout = false;
        set_int(r.points.draw);
      }
    } else if (key == "points.shootout_win" || key == "points.shootout_loss") {
      int& field = key == "points.shootout_win" ? r.points.shootout_win : r.points.shootout_loss;
      if (fold_key(value) == "none") {
        r.points.shootouts = false;
      } else {
        r.points.shootouts = true;
        set_int(field);
      }
    } else if (key == "order") {
      std::vector<Criterion> order;
      bool ok = true;
      for (const std::string& item : split_list(value)) {
        if (auto c = criterion_from_name(item)) {
          order.push_back(*c);
        } else {
          error(key, item, "rules_unknown_criterion");
          ok = false;
        }
      }
      if (ok && (order.empty() || order.front() != Criterion::points)) {
        error(key, value, "rules_order_points_first");
      } else if (ok) {
        r.order = std::move(order);
      }
    } else if (key == "reapply_h2h") {
      set_bool(r.reapply_h2h);
    } else if (key == "fair_play.yellow") {
      set_int(r.yellow_card_points, k_max_card_points);
    } else if (key == "fair_play.red") {
      set_int(r.red_card_points, k_max_card_points);
    } else if (key == "fair_play.second_yellow") {
      set_int(r.second_yellow_card_points, k_max_card_points);
    } else if (key == "fair_play.yellow_red") {
      set_int(r.yellow_red_card_points, k_max_card_points);
    } else if (key == "suspension.yellow_threshold") {
      set_int(r.discipline.yellow_threshold);
    } else if (key == "suspension.yellow_matches") {
      set_int(r.discipline.yellow_matches);
    } else if (key == "suspension.red_matches") {
      set_int(r.discipline.red_matches);
    } else if (key == "suspension.second_yellow_matches") {
      set_int(r.discipline.second_yellow_matches);
    } else if (key == "suspension.reset_before_knockout") {
      set_bool(r.discipline.reset_before_knockout);
    } else if (key == "max_meetings") {
      set_int(r.max_meetings);
    } else if (key == "qualify") {
      set_int(r.qualify);
    } else if (key == "pairing") {
      r.pairing = std::string(value);
    } else if (key == "eligibility.season") {
      set_int(e.season);
    } else if (key == "eligibility.as_of") {
      if (auto d = parse_date(value).date) {
        e.as_of = *d;
      } else {
        error(key, value, "rules_bad_date");
      }
    } else if (key.starts_with("eligibility.band.")) {
      std::string letter = std::string(line.substr(0, eq));
      letter = std::string(trim(std::string_view(letter).substr(std::string_view(letter).rfind('.') + 1)));
      if (auto range = parse_range(value)) {
        bool found = false;
        for (AgeBand& b : e.bands) {
          if (fold_key(b.letter) == fold_key(letter)) {
            b.born_from = range->first;
            b.born_to = range->second;
            found = true;
          }
        }
        if (!found) e.bands.push_back({letter, range->first, range->second});
      } else {
        error(key, value, "rules_bad_range");
      }
    } else if (key == "eligibility.province") {
      e.province = std::string(value);
    } else if (key == "eligibility.province_aliases") {
      e.province_aliases = split_list(value);
    } else if (key == "eligibility.residency_years") {
      set_int(e.residency_years);
    } else if (key == "eligibility.players") {
      const std::size_t dots = value.find("..");
      auto lo = dots == std::string_view::npos ? std::nullopt : parse_int(trim(value.substr(0, dots)));
      auto hi = dots == std::string_view::npos ? std::nullopt : parse_int(trim(value.substr(dots + 2)));
      if (lo && hi && *lo >= 0 && *lo <= *hi) {
        e.min_players = *lo;
        e.max_players = *hi;
      } else {
        error(key, value, "rules_bad_players");
      }
    } else if (key == "eligibility.max_leaders") {
      set_int(e.max_leaders);
    } else if (key == "eligibility.max_coaches") {
      set_int(e.max_coaches);
    } else if (key == "eligibility.max_doctors") {
      set_int(e.max_doctors);
    } else {
      error(line.substr(0, eq), value, "rules_unknown_key");
    }
    first_key = false;
  }
  (void)name_given;
  return out;
}

std::string format_rules(const Rules& r) {
  std::string o;
  auto line = [&](std::string_view key, std::string_view value, std::string_view comment = {}) {
    o += key;
    o += " = ";
    o += value;
    if (!comment.empty()) {
      o += "    # ";
      o += comment;
    }
    o += '\n';
  };
  o += "# matchday rules file. `key = value` per line; `#` starts a comment.\n";
  o += "# Keys not given keep the values of `base` (first key; default qinghai-youth-2025).\n\n";
  line("base", r.name == "qinghai-youth-2025" || !preset(r.name) ? "qinghai-youth-2025" : r.name);
  line("name", r.name);
  line("title", r.title);
  line("citation", r.citation);
  o += "\n# Points per result. `none` for draw: every draw goes to a shootout (a draw\n"
       "# without a shootout result is an error). `none` for the shootout: a recorded\n"
       "# shootout does not change the draw.\n";
  line("points.win", std::to_string(r.points.win));
  line("points.draw", r.points.draw_needs_shootout ? "none" : std::to_string(r.points.draw));
  line("points.loss", std::to_string(r.points.loss));
  line("points.shootout_win", r.points.shootouts ? std::to_string(r.points.shootout_win) : "none");
  line("points.shootout_loss", r.points.shootouts ? std::to_string(r.points.shootout_loss) : "none");
  o += "\n# Tie-breaking, in order. Criteria: points, h2h_points, h2h_goal_difference,\n"
       "# h2h_goals_for, goal_difference, goals_for, wins, fair_play, lots.\n"
       "# Consecutive h2h_* criteria form one block, applied in full to the teams\n"
       "# that enter it. reapply_h2h = yes sends a smaller subset still level after\n"
       "# the block through it again (UEFA criterion d).\n";
  std::string order;
  for (Criterion c : r.order) {
    if (!order.empty()) order += ", ";
    order += criterion_name(c);
  }
  line("order", order);
  line("reapply_h2h", yes_no(r.reapply_h2h));
  o += "\n# Fair play: disciplinary points per card (fewer is better).\n";
  line("fair_play.yellow", std::to_string(r.yellow_card_points));
  line("fair_play.red", std::to_string(r.red_card_points));
  o += "# From match events (standings --events), per person and match: two yellows,\n"
       "# and a yellow followed by a direct red (FIFA: 1, 3, 4, 5 with the two above).\n";
  line("fair_play.second_yellow", std::to_string(r.second_yellow_card_points));
  line("fair_play.yellow_red", std::to_string(r.yellow_red_card_points));
  const DisciplineRule& d = r.discipline;
  o += "\n# Suspensions (matchday discipline): matches for a direct red and for a second\n"
       "# yellow; yellows in different matches: `yellow_matches` at `yellow_threshold`\n"
       "# (0: none), the count starting again after it; reset_before_knockout = yes\n"
       "# clears the yellows before the first knockout match.\n";
  line("suspension.red_matches", std::to_string(d.red_matches));
  line("suspension.second_yellow_matches", std::to_string(d.second_yellow_matches));
  line("suspension.yellow_threshold", std::to_string(d.yellow_threshold));
  line("suspension.yellow_matches", std::to_string(d.yellow_matches));
  line("suspension.reset_before_knockout", yes_no(d.reset_before_knockout));
  o += "\n# Group format: how often two teams meet (more is an error), qualifying places.\n";
  line("max_meetings", std::to_string(r.max_meetings));
  line("qualify", std::to_string(r.qualify));
  o += "\n# Knockout pairing from group places: `A1-B2` is the winner of group A\n"
       "# against the runner-up of group B; `3rd1` is the best third-placed team\n"
       "# across groups (per match: points, goal difference, goals), `3rd2` the\n"
       "# next. Matches in bracket order: the winners of the first two meet in the\n"
       "# next round, and so on (1, 2, 4, 8 or 16 matches). Empty: no knockout.\n";
  line("pairing", r.pairing);
  const EligibilityRule& e = r.eligibility;
  o += "\n# Eligibility. Bands are stated for `eligibility.season`; --season Y shifts them\n"
       "# by Y - season years. as_of is the reference date (the opening day).\n";
  line("eligibility.season", std::to_string(e.season));
  line("eligibility.as_of", e.as_of.iso());
  for (const AgeBand& b : e.bands) {
    line("eligibility.band." + b.letter, b.born_from.iso() + ".." + b.born_to.iso());
  }
  std::string aliases;
  for (const std::string& a : e.province_aliases) {
    if (!aliases.empty()) aliases += ", ";
    aliases += a;
  }
  line("eligibility.province", e.province, "household registration or school enrolment here");
  line("eligibility.province_aliases", aliases);
  line("eligibility.residency_years", std::to_string(e.residency_years));
  line("eligibility.players", std::to_string(e.min_players) + ".." + std::to_string(e.max_players));
  line("eligibility.max_leaders", std::to_string(e.max_leaders));
  line("eligibility.max_coaches", std::to_string(e.max_coaches));
  line("eligibility.max_doctors", std::to_string(e.max_doctors));
  return o;
}

}  // namespace matchday
