// Eligibility (docs/spec.md §5): a verdict for every roster row and every team, from
// the rows of all files read together and the rule set. Pure: no I/O.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "matchday/date.hpp"
#include "matchday/diagnostic.hpp"
#include "matchday/roster.hpp"
#include "matchday/rules.hpp"

namespace matchday {

// One team's documents, from a --teams file (docs/spec.md §5). nullopt: not given.
struct TeamDocuments {
  std::string team;
  std::optional<Category> category;  // empty: every category of that team name
  std::uint32_t line = 0;
  std::optional<bool> registration_form, sealed_scan, app_registered, anti_doping_pledge, discipline_letter;
};

// Reads a --teams file (columns team, registration_form, sealed_scan,
// app_registered, anti_doping_pledge, discipline_letter; Chinese aliases;
// optional category). Bad cells go to `diags`.
[[nodiscard]] std::vector<TeamDocuments> parse_team_documents(std::string_view text, std::string_view source,
                                                              char delimiter, std::vector<Diagnostic>& diags);

struct EligibilityOptions {
  // The season played (--season); the rules' bands shift by season - rules' season.
  std::optional<int> season;
  // The reference date (--as-of); default: the rules' as_of, shifted with the season.
  std::optional<Date> as_of;
  // The team documents (--teams); nullopt: not checked (the report says so).
  std::optional<std::vector<TeamDocuments>> documents;
  std::string documents_source;  // the --teams file's name, for warnings
  // Threads to judge the rows on (a million rows: issue 3); the report is the
  // same with any number. 1: everything on the calling thread.
  unsigned threads = 1;
  // A thread judges at least this many rows (below it, threads cost more than they save).
  std::size_t min_rows_per_thread = 50000;
  // false: findings without messages (reasons, columns and values only), for
  // output that lists only the reasons (CSV): the messages of a large team
  // list every row with a shared shirt number, megabytes for a million rows.
  bool messages = true;
};

// The effective reference date and band of `letter` under `options`.
[[nodiscard]] Date effective_as_of(const EligibilityRule& rule, const EligibilityOptions& options);
[[nodiscard]] const AgeBand* find_band(const EligibilityRule& rule, char letter);
[[nodiscard]] AgeBand shifted_band(const AgeBand& band, const EligibilityRule& rule, const EligibilityOptions& options);

struct RowVerdict {
  bool eligible = true;
  std::vector<Finding> findings;  // in a fixed order; the CSV lists their reasons, each once
};

struct TeamVerdict {
  std::uint32_t team = 0;   // index into Roster::teams
  Category category;        // the category of its rows (unknown: rows without one)
  std::vector<std::uint32_t> sources;  // files its rows came from, in order
  std::vector<std::uint32_t> rows;     // indexes into Roster::rows, in input order
  int players = 0;
  int eligible_players = 0;
  int staff = 0;
  int eligible_rows = 0;    // rows of any role with verdict eligible
  bool eligible = true;     // the team's own checks (not its rows')
  std::vector<Finding> findings;
};

struct EligibilitySummary {
  int rows = 0;        // roster rows read (= eligible + ineligible)
  int eligible = 0;
  int ineligible = 0;
  int players = 0;
  int staff = 0;
  int teams = 0;
  int teams_with_findings = 0;  // own findings, or an ineligible row
};

struct EligibilityReport {
  std::vector<RowVerdict> rows;    // parallel to Roster::rows
  std::vector<TeamVerdict> teams;  // in order of first appearance
  EligibilitySummary summary;
  bool documents_checked = false;
  Date as_of;                      // the reference date used
  std::vector<Diagnostic> warnings;  // --teams rows naming no team read, ...

  // True when every row and every team passes.
  [[nodiscard]] bool all_eligible() const { return summary.ineligible == 0 && summary.teams_with_findings == 0; }
};

// Judges every row of `roster` and every team (rows grouped by team name and
// category) under `rules.eligibility` and `options`.
[[nodiscard]] EligibilityReport check_eligibility(const Roster& roster, const Rules& rules,
                                                  const EligibilityOptions& options);

}  // namespace matchday
