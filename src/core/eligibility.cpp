#include "matchday/eligibility.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <map>
#include <memory>
#include <span>

#include "matchday/csv.hpp"
#include "matchday/text.hpp"
#include "parallel.hpp"
#include "parse_util.hpp"

namespace matchday {
namespace {

Finding make(Reason reason, std::string column, std::string value, std::string_view code,
             std::vector<std::string> args = {}) {
  Finding f{reason, std::move(column), std::move(value), {}};
  f.messages.push_back(Message{code, std::move(args)});  // moved: a braced list would copy the (long) arguments
  return f;
}

std::string_view sex_code(Sex s) { return s == Sex::male ? "M" : s == Sex::female ? "F" : ""; }

// The ID problem as a finding on the ID column.
void id_findings(const RosterRow& r, const RowNotes& notes, const RosterHeaders& h, const Date& as_of,
                 std::vector<Finding>& out) {
  const IdCheck& id = r.id;
  const std::string& col = h.id_number;
  const std::string& v = notes.id_text;
  switch (id.problem) {
    case IdProblem::none: return;
    case IdProblem::empty: out.push_back(make(Reason::missing_field, col, v, "elig.id_missing")); return;
    case IdProblem::sci_notation: out.push_back(make(Reason::id_malformed, col, v, "elig.id_sci_notation")); return;
    case IdProblem::excel15:
      out.push_back(make(Reason::id_malformed, col, v, "elig.id_excel15"));
      return;
    case IdProblem::legacy15:
      out.push_back(make(Reason::id_malformed, col, v, "elig.id_legacy15", {std::string(id.suggestion())}));
      return;
    case IdProblem::length:
      out.push_back(make(Reason::id_malformed, col, v, "elig.id_length", {std::to_string(id.length)}));
      return;
    case IdProblem::charset: out.push_back(make(Reason::id_malformed, col, v, "elig.id_charset")); return;
    case IdProblem::bad_date:
      out.push_back(make(Reason::id_malformed, col, v, "elig.id_bad_date",
                         {std::string(std::string_view(id.digits.data() + 6, 8))}));
      return;
    case IdProblem::future_date:
      out.push_back(make(Reason::id_malformed, col, v, "elig.id_future", {id.birth.iso(), as_of.iso()}));
      return;
    case IdProblem::checksum:
      out.push_back(make(Reason::id_checksum, col, v, "elig.id_checksum",
                         {std::string(1, id.digits[17]), std::string(1, id.expected_check)}));
      return;
  }
}

// One residency route: nullopt when it holds, else why not.
struct Route {
  bool ok = false;
  Message why;
  int column = 0;  // which cell failed: 0 place, 1 type, 2 since, 3 full-time
};

Route period(const OptionalDate& since, int years, Date as_of, std::string_view missing_code,
             std::string_view short_code) {
  if (!since) return {false, {missing_code, {}}, 2};
  const Date reached = add_years(*since, years);
  if (reached <= as_of) return {true, {}, 0};
  return {false, {short_code, {(*since).iso(), reached.iso(), as_of.iso(), std::to_string(years)}}, 2};
}

Route hukou_route(const RosterRow& r, const RowNotes& notes, const EligibilityRule& rule, Date as_of) {
  switch (r.hukou_place) {
    case Place::none: return {false, {"res.hukou_none", {}}};
    case Place::outside: return {false, {"res.hukou_outside", {notes.hukou_text, rule.province}}};
    case Place::unclear: return {false, {"res.hukou_unclear", {notes.hukou_text, rule.province}}};
    case Place::inside: break;
  }
  switch (r.hukou_type) {
    case HukouType::none:
      if (notes.hukou_type_text.empty()) return {false, {"res.hukou_type_missing", {}}, 1};
      return {false, {"res.hukou_type_unknown", {notes.hukou_type_text}}, 1};
    case HukouType::collective:
    case HukouType::temporary:
      return {false, {r.hukou_type == HukouType::collective ? "res.hukou_collective" : "res.hukou_temporary",
                      {notes.hukou_type_text}}, 1};
    case HukouType::family:
    case HukouType::individual: break;
  }
  return period(r.hukou_since, rule.residency_years, as_of, "res.hukou_since_missing", "res.hukou_since_short");
}

Route school_route(const RosterRow& r, const RowNotes& notes, const EligibilityRule& rule, Date as_of) {
  switch (r.school_place) {
    case Place::none: return {false, {"res.school_none", {}}};
    case Place::outside: return {false, {"res.school_outside", {notes.school_text, rule.province}}};
    case Place::unclear: return {false, {"res.school_unclear", {notes.school_text, rule.province}}};
    case Place::inside: break;
  }
  if (r.full_time == YesNo::no) return {false, {"res.school_not_full_time", {}}, 3};
  if (r.full_time == YesNo::empty) return {false, {"res.school_full_time_empty", {}}, 3};
  return period(r.school_since, rule.residency_years, as_of, "res.school_since_missing", "res.school_since_short");
}

bool is_staff(Role r) { return r == Role::leader || r == Role::coach || r == Role::doctor; }

std::uint16_t category_key(const Category& c) {
  return c.known() ? static_cast<std::uint16_t>(static_cast<unsigned char>(c.letter) * 4 + static_cast<int>(c.sex)) : 0;
}

enum DocCol : std::size_t { d_team, d_category, d_form, d_scan, d_app, d_pledge, d_letter, d_count };
constexpr std::array<ColumnSpec, d_count> k_doc_columns{{
    {"team", "队名|代表队|球队|参赛队|参赛单位|参赛队伍|队伍|单位|代表单位|单位名称", true},
    {"category", "参赛组别|组别|参赛组|比赛组别"},
    {"registration_form", "报名表", true},
    {"sealed_scan", "盖章扫描件|加盖公章的扫描件|公章扫描件|扫描件", true},
    {"app_registered", "足球中国app报名|app报名|足球中国app|线上报名|app_registration", true},
    {"anti_doping_pledge", "反兴奋剂承诺书|反兴奋剂承诺", true},
    {"discipline_letter", "赛风赛纪责任书|赛风赛纪承诺书", true},
}};

}  // namespace

std::vector<TeamDocuments> parse_team_documents(std::string_view text, std::string_view source, char delimiter,
                                                std::vector<Diagnostic>& diags) {
  std::vector<TeamDocuments> out;
  DiagnosticSink sink(diags, source);
  const char delim = delimiter ? delimiter : sniff_delimiter(source, text);
  const FoundHeader fh = find_header(text, delim, k_doc_columns);
  if (fh.line == 0) {
    sink.add({Severity::error, std::string(source), 0, "", "", "teams_empty", {}});
    return out;
  }
  report_header(fh, source, sink);
  const HeaderMatch& hm = fh.match;
  CsvReader reader(text, delim);
  reader.seek(fh.body, fh.body_line);
  CsvRecord rec;
  rec.line = fh.line;
  static constexpr std::string_view k_zh[] = {"队名", "组别", "报名表", "盖章扫描件", "足球中国APP报名", "反兴奋剂承诺书", "赛风赛纪责任书"};
  for (std::size_t i = 0; i < hm.index.size(); ++i) {
    if (k_doc_columns[i].required && !hm.has(i)) {
      sink.add({Severity::error, std::string(source), rec.line, "", "", "missing_column",
                {std::string(k_doc_columns[i].key), std::string(k_zh[i])}});
    }
  }
  for (const std::string& d : hm.duplicated) {
    sink.add({Severity::error, std::string(source), rec.line, d, "", "duplicate_column", {}});
  }
  if (sink.error_count() > 0) return out;
  RowReader row(source, hm, sink);
  FooterRows footer;
  while (reader.next(rec)) {
    if (rec.blank() || footer.skip(rec)) continue;
    row.start(rec);
    TeamDocuments t;
    t.line = static_cast<std::uint32_t>(rec.line);
    t.team = std::string(row.text(d_team));
    if (t.team.empty()) {
      row.fail(d_team, "team_missing");
      continue;
    }
    if (!row.empty(d_category)) {
      t.category = parse_category(row.text(d_category));
      if (!t.category) row.fail(d_category, "teams_bad_category");
    }
    const auto yn = [&](std::size_t col, std::optional<bool>& into) {
      if (row.empty(col)) return;
      into = parse_yes_no(row.text(col));
      if (!into) row.fail(col, "teams_bad_yes_no");
    };
    yn(d_form, t.registration_form);
    yn(d_scan, t.sealed_scan);
    yn(d_app, t.app_registered);
    yn(d_pledge, t.anti_doping_pledge);
    yn(d_letter, t.discipline_letter);
    out.push_back(std::move(t));
  }
  footer.said(source, sink);
  return out;
}

Date effective_as_of(const EligibilityRule& rule, const EligibilityOptions& options) {
  if (options.as_of) return *options.as_of;
  if (options.season) return add_years(rule.as_of, *options.season - rule.season);
  return rule.as_of;
}

const AgeBand* find_band(const EligibilityRule& rule, char letter) {
  for (const AgeBand& b : rule.bands) {
    if (b.letter.size() == 1 && (b.letter[0] == letter || b.letter[0] == letter - 'A' + 'a')) return &b;
  }
  return nullptr;
}

AgeBand shifted_band(const AgeBand& band, const EligibilityRule& rule, const EligibilityOptions& options) {
  if (!options.season) return band;
  const int shift = *options.season - rule.season;
  return AgeBand{band.letter, add_years(band.born_from, shift), add_years(band.born_to, shift)};
}

EligibilityReport check_eligibility(const Roster& roster, const Rules& rules, const EligibilityOptions& options) {
  const EligibilityRule& rule = rules.eligibility;
  EligibilityReport rep;
  rep.as_of = effective_as_of(rule, options);
  rep.documents_checked = options.documents.has_value();
  rep.rows.resize(roster.rows.size());

  // Bands per letter, shifted once.
  std::array<std::optional<AgeBand>, 26> bands;
  for (const AgeBand& b : rule.bands) {
    if (b.letter.size() == 1 && b.letter[0] >= 'A' && b.letter[0] <= 'Z') {
      bands[static_cast<std::size_t>(b.letter[0] - 'A')] = shifted_band(b, rule, options);
    }
  }

  // Rows are judged in parts on up to options.threads threads, each part
  // writing only its own rows; a small roster is not worth a thread.
  const auto n_rows = static_cast<std::uint32_t>(roster.rows.size());
  const unsigned parts = static_cast<unsigned>(std::clamp<std::size_t>(
      n_rows / std::max<std::size_t>(options.min_rows_per_thread, 1), 1, std::max(options.threads, 1U)));

  // What the rest needs of each row, gathered while the row is judged: the
  // duplicate search, the grouping and the team checks then read these (a
  // few bytes a row) instead of the rows again (a million rows: issue 3).
  const bool words = options.messages;
  struct Facts {
    std::uint32_t team;
    std::uint32_t source;
    int shirt;
    std::uint16_t category;  // category_key(): 0 unknown
    Role role;
    bool eligible;
  };
  // These, and the duplicate search's table, are left unwritten here: each
  // part of the judging writes its share, its memory's first touch (the
  // pages are then zeroed by the system on every thread, not on this one).
  const auto facts = std::make_unique_for_overwrite<Facts[]>(n_rows);
  auto keys = std::make_unique_for_overwrite<std::uint64_t[]>(n_rows);  // IdCheck::person_key() of each row
  // The duplicate search's open-addressing table (key 0: an empty slot),
  // sized to a power of two at least twice the rows: one probe or two per
  // row, no allocation per entry.
  struct Slot {
    std::uint64_t key;
    std::uint32_t row;
  };
  std::size_t slots = 16;
  while (slots < std::size_t{n_rows} * 2) slots *= 2;
  auto table = std::make_unique_for_overwrite<Slot[]>(slots);

  // The verdict of row i: what it depends on is read only, and it writes only rep.rows[i].
  const auto judge_row = [&](std::size_t i) {
    const RosterRow& r = roster.rows[i];
    const RosterHeaders& h = roster.headers[r.headers];
    const RowNotes& notes = roster.notes_of(r);
    std::vector<Finding>& f = rep.rows[i].findings;
    if (!notes.findings.empty()) f.insert(f.begin(), notes.findings.begin(), notes.findings.end());
    if (r.role != Role::player) {
      // Staff: role, limits and duplicates only. An unknown role is a finding already.
    } else {
      id_findings(r, notes, h, rep.as_of, f);
      if (r.id.ok()) {
        if (r.birth_date && *r.birth_date != r.id.birth) {
          f.push_back(make(Reason::id_birth_mismatch, h.birth_date, (*r.birth_date).iso(), "elig.id_birth_mismatch",
                           {r.id.birth.iso(), (*r.birth_date).iso(), h.birth_date, h.id_number}));
        }
        if (r.sex != Sex::unknown && (r.sex == Sex::male ? 'M' : 'F') != r.id.sex) {
          f.push_back(make(Reason::id_sex_mismatch, h.sex, std::string(r.sex_text()), "elig.id_sex_mismatch",
                           {std::string(1, r.id.sex), std::string(sex_code(r.sex)), h.sex, h.id_number}));
        }
      }
      if (r.category.known()) {
        const std::size_t li = static_cast<std::size_t>(r.category.letter - 'A');
        const std::optional<AgeBand>& band = li < bands.size() ? bands[li] : std::nullopt;
        if (!band) {
          f.push_back(make(Reason::unknown_category, h.category, r.category.code(), "elig.no_band",
                           {std::string(1, r.category.letter)}));
        } else {
          // The birth date on the row and the one in the ID number: either
          // outside the band is reported (the ID card is what is checked at the venue).
          bool early = false, late = false;
          const auto judge = [&](const Date& d, const std::string& column) {
            if (d < band->born_from && !early) {
              early = true;
              f.push_back(make(Reason::born_too_early, column, d.iso(), "elig.born_too_early",
                               {d.iso(), band->born_from.iso(), r.category.code(), band->born_to.iso()}));
            } else if (d > band->born_to && !late) {
              late = true;
              f.push_back(make(Reason::born_too_late, column, d.iso(), "elig.born_too_late",
                               {d.iso(), band->born_to.iso(), r.category.code(), band->born_from.iso()}));
            }
          };
          if (r.birth_date) judge(*r.birth_date, h.birth_date);
          if (r.id.ok() && (!r.birth_date || *r.birth_date != r.id.birth)) judge(r.id.birth, h.id_number);
        }
        // Sex: the row's, else the ID number's.
        const Sex sex = r.sex != Sex::unknown ? r.sex
                      : r.id.ok() ? (r.id.sex == 'M' ? Sex::male : Sex::female) : Sex::unknown;
        if (sex != Sex::unknown && sex != r.category.sex) {
          f.push_back(make(Reason::wrong_sex, r.sex != Sex::unknown ? h.sex : h.id_number,
                           std::string(r.sex != Sex::unknown ? r.sex_text() : r.id.number()),
                           sex == Sex::male ? "elig.wrong_sex_male" : "elig.wrong_sex_female", {r.category.code()}));
        }
      }
      // Residency: household registration, or else full-time school enrolment.
      const Route hukou = hukou_route(r, notes, rule, rep.as_of);
      if (!hukou.ok) {
        const Route school = school_route(r, notes, rule, rep.as_of);
        if (!school.ok) {
          // The cell shown is the household registration's failing one (the
          // usual route); the school route's failure is in the words.
          Finding nr{Reason::no_residency, h.hukou_province, notes.hukou_text, {hukou.why, school.why}};
          if (r.hukou_place == Place::none && r.school_place != Place::none) {
            nr.column = school.column == 2 ? h.school_since : school.column == 3 ? h.school_full_time : h.school_province;
            nr.value = school.column == 2 && r.school_since ? (*r.school_since).iso() : school.column == 0 ? notes.school_text : "";
          } else if (hukou.column == 1) {
            nr.column = h.hukou_type;
            nr.value = notes.hukou_type_text;
          } else if (hukou.column == 2) {
            nr.column = h.hukou_since;
            nr.value = r.hukou_since ? (*r.hukou_since).iso() : "";
          }
          nr.messages.push_back(Message{"res.fix", {std::to_string(rule.residency_years), rule.province, rep.as_of.iso()}});
          f.push_back(std::move(nr));
        }
      }
      const auto pledge = [&](YesNo v, const std::string& column, std::string_view code) {
        if (v == YesNo::no || v == YesNo::empty) {
          f.push_back(make(Reason::pledge_missing, column, "", code));
          f.back().value = v == YesNo::no ? "no" : "";
        }
      };
      pledge(r.anti_doping, h.anti_doping_pledge, "elig.pledge_anti_doping");
      pledge(r.discipline, h.discipline_letter, "elig.pledge_discipline");
    }
    if (f.size() > 1) {
      std::stable_sort(f.begin(), f.end(), [](const Finding& a, const Finding& b) { return a.reason < b.reason; });
    }
    if (!words) {
      for (Finding& x : f) x.messages.clear();
    }
    rep.rows[i].eligible = f.empty();
    facts[i] = Facts{r.team, r.source, r.shirt, category_key(r.category), r.role, f.empty()};
    keys[i] = r.id.person_key();
  };
  run_in_parts(n_rows, parts, [&](unsigned, std::size_t from, std::size_t to) {
    const std::size_t first = slots * from / std::max<std::size_t>(n_rows, 1);
    const std::size_t last = to == n_rows ? slots : slots * to / n_rows;
    std::fill(table.get() + first, table.get() + last, Slot{0, 0});
    for (std::size_t i = from; i < to; ++i) judge_row(i);
  });

  // The same person twice (their findings), and the rows grouped into teams:
  // two independent passes, side by side when there are threads (the
  // grouping reads no verdict, the search writes nothing else).
  const auto find_duplicates = [&] {
    // The same person twice: by ID number, across every file.
    std::map<std::uint32_t, std::vector<std::uint32_t>> duplicates;  // first row -> every row
    const auto slot_of = [&](std::uint64_t key) {
      return static_cast<std::size_t>((key * 0x9E3779B97F4A7C15ULL) >> 20) & (slots - 1);
    };
    // A large table's slots are cache misses: each row's slot is prefetched
    // k_ahead rows early, so the misses overlap.
    constexpr std::uint32_t k_ahead = 16;
    for (std::uint32_t i = 0; i < n_rows; ++i) {
      if (i + k_ahead < n_rows && keys[i + k_ahead] != 0) __builtin_prefetch(&table[slot_of(keys[i + k_ahead])]);
      const std::uint64_t key = keys[i];
      if (key == 0) continue;
      std::size_t at = slot_of(key);
      while (table[at].key != 0 && table[at].key != key) at = (at + 1) & (slots - 1);
      if (table[at].key == 0) {
        table[at] = {key, i};
      } else {
        auto& list = duplicates[table[at].row];
        if (list.empty()) list.push_back(table[at].row);
        list.push_back(i);
      }
    }
    keys.reset();
    table.reset();
    const auto where = [&](std::uint32_t i) {
      const RosterRow& r = roster.rows[i];
      return roster.sources[r.source] + ":" + std::to_string(r.line) + " " + r.name + " (" + roster.teams[r.team] + ")";
    };
    for (const auto& [first, list] : duplicates) {
      for (std::uint32_t i : list) {
        std::string others;
        for (std::uint32_t j : list) {
          if (j != i && words) others += (others.empty() ? "" : ", ") + where(j);
        }
        const RosterRow& r = roster.rows[i];
        // In its place by reason: where sorting the row's findings puts it
        // (no other finding has this reason).
        std::vector<Finding>& f = rep.rows[i].findings;
        const auto at = std::upper_bound(f.begin(), f.end(), Reason::duplicate_person,
                                         [](Reason reason, const Finding& x) { return reason < x.reason; });
        const auto added = f.insert(at, make(Reason::duplicate_person, roster.headers[r.headers].id_number,
                                             std::string(r.id.number()), "elig.duplicate_person", {others}));
        if (!words) added->messages.clear();
        rep.rows[i].eligible = facts[i].eligible = false;
      }
    }
  };
  const auto group_rows = [&] {
    // Teams: rows grouped by team name and category, in order of first appearance.
    std::map<std::pair<std::uint32_t, std::uint16_t>, std::size_t> team_of;
    std::vector<std::uint32_t> pending;  // rows without a category: placed after
    const auto add_to = [&](std::size_t t, std::uint32_t i) {
      TeamVerdict& tv = rep.teams[t];
      tv.rows.push_back(i);
      const std::uint32_t src = facts[i].source;
      if (std::find(tv.sources.begin(), tv.sources.end(), src) == tv.sources.end()) tv.sources.push_back(src);
    };
    std::pair<std::uint32_t, std::uint16_t> last_key{0, 0};
    std::size_t last_team = static_cast<std::size_t>(-1);  // none yet
    for (std::uint32_t i = 0; i < n_rows; ++i) {
      const Facts& x = facts[i];
      if (x.category == 0) {
        pending.push_back(i);
        continue;
      }
      const std::pair<std::uint32_t, std::uint16_t> key{x.team, x.category};
      if (last_team == static_cast<std::size_t>(-1) || key != last_key) {  // rows of one team come together
        auto [it, added] = team_of.try_emplace(key, rep.teams.size());
        if (added) {
          TeamVerdict tv;
          tv.team = x.team;
          tv.category = roster.rows[i].category;
          rep.teams.push_back(std::move(tv));
        }
        last_key = key;
        last_team = it->second;
      }
      add_to(last_team, i);
    }

    for (std::uint32_t i : pending) {
      const RosterRow& r = roster.rows[i];
      // The team of that name, from the same file if there is one.
      std::size_t best = rep.teams.size();
      for (std::size_t t = 0; t < rep.teams.size(); ++t) {
        if (rep.teams[t].team != r.team) continue;
        const bool same_file = roster.rows[rep.teams[t].rows.front()].source == r.source;
        if (best == rep.teams.size() || same_file) best = t;
        if (same_file) break;
      }
      if (best == rep.teams.size()) {
        auto [it, added] = team_of.try_emplace({r.team, 0}, rep.teams.size());
        if (added) {
          TeamVerdict tv;
          tv.team = r.team;
          rep.teams.push_back(std::move(tv));
        }
        best = it->second;
      }
      add_to(best, i);
    }
    for (TeamVerdict& tv : rep.teams) {
      if (!std::is_sorted(tv.rows.begin(), tv.rows.end())) std::sort(tv.rows.begin(), tv.rows.end());
    }
  };
  run_in_parts(2, std::min(parts, 2U), [&](unsigned, std::size_t from, std::size_t to) {
    for (std::size_t k = from; k < to; ++k) k == 0 ? find_duplicates() : group_rows();
  });
  EligibilitySummary& sum = rep.summary;
  for (const Facts& x : std::span(facts.get(), n_rows)) {
    ++sum.rows;
    (x.eligible ? sum.eligible : sum.ineligible) += 1;
    sum.players += x.role == Role::player;
    sum.staff += is_staff(x.role);
  }

  // Each team's own checks, on the threads too (a team writes only its own
  // verdict; large teams with many findings take a while: issue 3).
  const auto judge_team = [&](TeamVerdict& tv) {
    int leaders = 0, coaches = 0, doctors = 0;
    std::string leader_names, coach_names, doctor_names;
    std::vector<std::pair<int, std::uint32_t>> shirts;  // (number, row), sorted below
    for (std::uint32_t i : tv.rows) {
      const Facts& x = facts[i];
      tv.eligible_rows += x.eligible;
      if (x.role == Role::player) {
        ++tv.players;
        tv.eligible_players += x.eligible;
      } else if (is_staff(x.role)) {
        ++tv.staff;
        std::string& names = x.role == Role::leader ? leader_names : x.role == Role::coach ? coach_names : doctor_names;
        if (words) names += (names.empty() ? "" : ", ") + roster.rows[i].name;
        ++(x.role == Role::leader ? leaders : x.role == Role::coach ? coaches : doctors);
      }
      if (x.shirt >= 0) shirts.emplace_back(x.shirt, i);
    }
    const std::string n = std::to_string(tv.players);
    if (tv.players < rule.min_players) {
      tv.findings.push_back(make(Reason::too_few_players, "", n, "team.too_few_players",
                                 {n, std::to_string(rule.min_players), std::to_string(rule.max_players)}));
    } else if (tv.players > rule.max_players) {
      tv.findings.push_back(make(Reason::too_many_players, "", n, "team.too_many_players",
                                 {n, std::to_string(rule.max_players), std::to_string(tv.players - rule.max_players)}));
    }
    if (tv.players >= rule.min_players && tv.eligible_players < rule.min_players) {
      tv.findings.push_back(make(Reason::too_few_players, "", std::to_string(tv.eligible_players),
                                 "team.too_few_eligible",
                                 {std::to_string(tv.eligible_players), n, std::to_string(rule.min_players)}));
    }
    const auto staff_limit = [&](int count, int max, const std::string& names, std::string_view code) {
      if (count > max) {
        tv.findings.push_back(make(Reason::too_many_staff, "", std::to_string(count), code,
                                   {std::to_string(count), std::to_string(max), names}));
      }
    };
    staff_limit(leaders, rule.max_leaders, leader_names, "team.too_many_leaders");
    staff_limit(coaches, rule.max_coaches, coach_names, "team.too_many_coaches");
    staff_limit(doctors, rule.max_doctors, doctor_names, "team.too_many_doctors");
    // By number, then row (the rows were in order): each number's rows together.
    std::sort(shirts.begin(), shirts.end());
    for (std::size_t at = 0, end = 0; at < shirts.size(); at = end) {
      const int number = shirts[at].first;
      while (end < shirts.size() && shirts[end].first == number) ++end;
      if (end - at < 2) continue;
      const std::string& column = roster.headers[roster.rows[shirts[at].second].headers].shirt_number;
      if (!words) {  // a large team has many: no message made only to be dropped
        tv.findings.push_back(Finding{Reason::duplicate_shirt_number, column, std::to_string(number), {}});
        continue;
      }
      std::vector<std::string> args{std::to_string(number), ""};
      std::string& who = args[1];  // appended piece by piece, and not copied: a large team has many
      who.reserve((end - at) * 64);
      for (std::size_t k = at; k < end; ++k) {
        const RosterRow& r = roster.rows[shirts[k].second];
        if (!who.empty()) who += ", ";
        who += r.name;
        who += " (";
        who += roster.sources[r.source];
        who += ':';
        char line[16];
        who.append(line, std::to_chars(line, line + sizeof line, r.line).ptr);
        who += ')';
      }
      tv.findings.push_back(
          make(Reason::duplicate_shirt_number, column, std::to_string(number), "team.duplicate_shirt", std::move(args)));
    }
    if (options.documents) {
      const TeamDocuments* docs = nullptr;
      for (const TeamDocuments& d : *options.documents) {
        if (d.team == roster.teams[tv.team] && (!d.category || *d.category == tv.category)) {
          docs = &d;
          break;
        }
      }
      if (!docs) {
        tv.findings.push_back(make(Reason::documents_missing, "", "", "team.docs_not_listed", {roster.teams[tv.team]}));
      } else {
        const std::pair<const std::optional<bool>*, std::string_view> k_docs[] = {
            {&docs->registration_form, "doc.registration_form"}, {&docs->sealed_scan, "doc.sealed_scan"},
            {&docs->app_registered, "doc.app_registered"},       {&docs->anti_doping_pledge, "doc.anti_doping_pledge"},
            {&docs->discipline_letter, "doc.discipline_letter"}};
        for (const auto& [have, code] : k_docs) {
          if (!have->value_or(false)) {
            tv.findings.push_back(make(Reason::documents_missing, "", *have ? "no" : "", code,
                                       {std::to_string(docs->line)}));
          }
        }
      }
    }
    // By reason, in a stable order; usually they come so already (a large team has many).
    const auto by_reason = [](const Finding& a, const Finding& b) { return a.reason < b.reason; };
    if (!std::is_sorted(tv.findings.begin(), tv.findings.end(), by_reason)) {
      std::stable_sort(tv.findings.begin(), tv.findings.end(), by_reason);
    }
    if (!words) {
      for (Finding& x : tv.findings) x.messages.clear();
    }
    tv.eligible = tv.findings.empty();
  };
  const unsigned team_parts = static_cast<unsigned>(std::clamp<std::size_t>(rep.teams.size(), 1, parts));
  run_in_parts(rep.teams.size(), team_parts, [&](unsigned, std::size_t from, std::size_t to) {
    for (std::size_t t = from; t < to; ++t) judge_team(rep.teams[t]);
  });
  for (const TeamVerdict& tv : rep.teams) {
    ++sum.teams;
    if (!tv.eligible || tv.eligible_rows < static_cast<int>(tv.rows.size())) ++sum.teams_with_findings;
  }
  if (options.documents) {
    for (const TeamDocuments& d : *options.documents) {
      bool found = false;
      for (const TeamVerdict& tv : rep.teams) {
        found = found || (roster.teams[tv.team] == d.team && (!d.category || *d.category == tv.category));
      }
      if (!found) {
        rep.warnings.push_back({Severity::warning, options.documents_source, d.line, "", "", "teams_no_roster", {d.team}});
      }
    }
  }

  return rep;
}

}  // namespace matchday
