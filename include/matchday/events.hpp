// Match events (SPEC §8): goals and cards, one row per event, read from an
// events file; checked against the results and rosters; the top-scorer table,
// the card tally and suspensions, fair-play points from cards. Pure: no I/O.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "matchday/date.hpp"
#include "matchday/diagnostic.hpp"
#include "matchday/results.hpp"
#include "matchday/roster.hpp"
#include "matchday/rules.hpp"

namespace matchday {

enum class EventKind : std::uint8_t { goal, penalty_goal, own_goal, yellow, second_yellow, red };

// `goal`, `penalty_goal`, ... (the code in data formats and the events file).
[[nodiscard]] std::string_view event_kind_name(EventKind k);
// goal/进球, penalty_goal/penalty/点球/点球进球, own_goal/og/乌龙球/乌龙, yellow/yc/黄牌,
// second_yellow/两黄变红/第二张黄牌, red/rc/红牌/直接红牌; nullopt otherwise.
[[nodiscard]] std::optional<EventKind> parse_event_kind(std::string_view text);
[[nodiscard]] inline bool is_goal(EventKind k) { return k <= EventKind::own_goal; }

// One row of an events file. `team` is the team of the person (for an own
// goal: the team of the player who put it in his own net).
struct Event {
  std::uint32_t source = 0;  // index into Events::sources
  std::uint32_t line = 0;    // physical line where the row starts
  std::string group;         // empty: not given
  int matchday = 0;          // 0: not given
  OptionalDate date;
  std::string home, away, team;
  int shirt = -1;            // -1: not given
  std::string name;          // empty: not given
  Role role = Role::player;  // leader, coach, doctor: an official's card
  EventKind kind = EventKind::goal;
  int minute = -1;           // -1: not given; 90+3 is 90 with added 3
  int added = 0;
};

struct Events {
  std::vector<std::string> sources;  // file names as given
  std::vector<Event> events;         // in input order, file by file
};

struct EventsOptions {
  char delimiter = 0;  // 0: sniff from the name and the first line
};

// Reads one events file (decoded text) into `into`. Columns: group, matchday,
// date, home, away, team, shirt_number and/or name, role, event, minute, with
// Chinese aliases. Every bad cell is an error in `diags` with line, column and
// value; a row with an error is not added (the run then stops, so none is
// silently lost).
void parse_events(std::string_view text, std::string_view source, const EventsOptions& options, Events& into,
                  std::vector<Diagnostic>& diags);

// Where an event's match is in the results: group and match index, or none.
struct MatchRef {
  std::int32_t group = -1;
  std::int32_t match = -1;
  [[nodiscard]] bool found() const { return group >= 0; }
  bool operator==(const MatchRef&) const = default;
};

// What the events were checked against, and what the check found.
struct EventsCheck {
  std::vector<MatchRef> matches;         // per event (all not found without results)
  std::vector<Diagnostic> diagnostics;   // errors, each naming the lines involved
};

// Checks that the events add up (SPEC §8): each event's team is its match's
// home or away team; with `results`, every event names a match that exists
// (by group, teams, and matchday or date where given), that match was played,
// and each team's goals add up to its score (own goals for the other side;
// shootout kicks are not goals; an awarded match is not checked); a person's
// events in a match are consistent (no second yellow without a yellow, two
// plain yellows are an error, nothing after a sending-off); with `roster`,
// every person is on the team's roster, by shirt number or name, and the two
// agree when both are given. Pass nullptr for what is not given.
[[nodiscard]] EventsCheck check_events(const Events& events, const Results* results, const Roster* roster);

// Fills blanks from what was matched: an event's matchday and date from its
// match (and the group), a player's name or shirt number from the roster row with
// the other (so that rows naming him either way are one person).
void complete_events(Events& events, const EventsCheck& check, const Results* results, const Roster* roster);

// ----- Top scorers --------------------------------------------------------

struct ScorersOptions {
  std::vector<std::string> groups;  // only these groups; empty: all
  std::optional<int> through;       // only matchdays <= through
};

struct ScorerRow {
  int rank = 0;      // players level on goals share a rank (1, 2, 2, 4)
  std::string name;  // "#7" when only the shirt number is known
  int shirt = -1;
  std::string team;
  int goals = 0;     // own goals never count
  int penalties = 0; // of which penalties
};

// Every player with a goal, most goals first; level players in order of
// team, then name, then shirt number.
[[nodiscard]] std::vector<ScorerRow> top_scorers(const Events& events, const ScorersOptions& options);

// ----- Discipline -----------------------------------------------------------

// A match of one team's season, in order (by date, else matchday, else file order).
struct TeamMatch {
  std::string group;
  int matchday = 0;
  OptionalDate date;
  std::string home, away;
  std::uint8_t stage = 0;  // 0: group stage; else a knockout stage
  bool played = false;     // within --through and (with results) played
  std::string source;      // "file:line" of the results row, or of the first event
};

// One suspension: its cause and the matches it is served in.
struct Suspension {
  enum class Cause : std::uint8_t { red, second_yellow, yellows, extra };
  Cause cause = Cause::red;
  int matches = 1;                  // matches to sit out
  std::int32_t from_match = -1;     // the TeamMatch (index) of the card; -1 extra
  std::vector<std::string> lines;   // "file:line" of the cards (or the extra row)
  std::string reason;               // extra: the committee's reason
  std::vector<std::int32_t> served_in;  // TeamMatch indexes, in order
  int served = 0;                   // of `matches`, in played matches
  [[nodiscard]] bool pending() const { return served < matches; }
};

struct PersonRecord {
  std::string team;
  int shirt = -1;
  std::string name;
  Role role = Role::player;
  int yellows = 0;          // every yellow (including the first of two)
  int second_yellows = 0;
  int reds = 0;             // direct red cards
  int yellows_counting = 0; // yellows toward the next accumulation suspension
  std::vector<Suspension> suspensions;
  std::vector<std::string> played_while_suspended;  // "file:line" of events in a match served
};

struct TeamSchedule {
  std::string team;
  std::vector<TeamMatch> matches;
  std::int32_t next = -1;  // the first match not played, or -1
};

// A suspension decided by the disciplinary committee (--extra file).
struct ExtraSuspension {
  std::uint32_t line = 0;
  std::string source;
  std::string team;
  int shirt = -1;
  std::string name;
  Role role = Role::player;
  int matches = 1;
  int after_matchday = 0;   // 0: served from the team's next match
  std::string reason;
};

// Reads an extra-suspensions file: team, shirt_number and/or name, role,
// matches (停赛场次), matchday (served from the team's first match after it;
// empty: the next match), reason. Bad cells go to `diags`.
[[nodiscard]] std::vector<ExtraSuspension> parse_extra_suspensions(std::string_view text, std::string_view source,
                                                                   char delimiter, std::vector<Diagnostic>& diags);

struct DisciplineOptions {
  std::optional<int> through;  // matches of later matchdays are not played yet
  std::vector<ExtraSuspension> extra;
};

struct Discipline {
  std::vector<TeamSchedule> teams;    // by team name
  std::vector<PersonRecord> people;   // by team, then role (players first), shirt, name
  std::vector<Diagnostic> warnings;   // a suspended person with events in the match served, ...
};

// The card tally and suspensions of `events` under `rules.discipline`, with
// each team's matches from `results` (their fixtures too) or, without, from
// the events. `check` comes from check_events on the same inputs.
[[nodiscard]] Discipline compute_discipline(const Events& events, const EventsCheck& check, const Results* results,
                                            const Rules& rules, const DisciplineOptions& options);

// Fair play from the card events: each match's home_fair_play/away_fair_play
// in `results` is replaced by the points of its card events, weighted by the
// rules (per person and match: yellow; two yellows; a direct red; a yellow
// then a direct red). Matches without card events get 0.
void apply_fair_play(const Events& events, const EventsCheck& check, const Rules& rules, Results& results);

// ----- Team sheets ----------------------------------------------------------

// One person a team names for a match (a lineup file row).
struct LineupRow {
  std::uint32_t line = 0;
  std::string team;
  int shirt = -1;
  std::string name;
  Role role = Role::player;
};

// Reads a lineup file: team, shirt_number and/or name, role (optional), with
// Chinese aliases. Bad cells go to `diags`.
[[nodiscard]] std::vector<LineupRow> parse_lineup(std::string_view text, std::string_view source, char delimiter,
                                                  std::vector<Diagnostic>& diags);

}  // namespace matchday
