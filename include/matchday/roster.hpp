// Roster files (docs/spec.md §5): one row per person, read into records that keep
// every row — also one that cannot be read, with its line and what was wrong.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "matchday/date.hpp"
#include "matchday/diagnostic.hpp"
#include "matchday/idcard.hpp"

namespace matchday {

// The stable reason codes of docs/spec.md §5, in the order the CSV lists them.
enum class Reason : std::uint8_t {
  born_too_early,
  born_too_late,
  bad_birth_date,
  wrong_sex,
  no_residency,
  id_malformed,
  id_checksum,
  id_birth_mismatch,
  id_sex_mismatch,
  duplicate_person,
  pledge_missing,
  unknown_category,
  unknown_role,
  missing_field,
  too_few_players,
  too_many_players,
  too_many_staff,
  duplicate_shirt_number,
  documents_missing,
};

// `born_too_early` etc.: the code in the `reasons` column.
[[nodiscard]] std::string_view reason_code(Reason r);

// One catalogue message with its parameters ({0}, {1}, ...).
struct Message {
  std::string_view code;
  std::vector<std::string> args;
};

// One reason a row (or a team) fails, with what the user needs to act on it:
// the column as written in the file, the value that failed, and messages
// (shown joined by "; ") that say what is wrong and what would fix it.
struct Finding {
  Reason reason = Reason::missing_field;
  std::string column;
  std::string value;
  std::vector<Message> messages;
};

enum class Sex : std::uint8_t { unknown, male, female };
enum class Role : std::uint8_t { player, leader, coach, doctor, unknown };
enum class HukouType : std::uint8_t { none, family, individual, collective, temporary };
enum class YesNo : std::uint8_t { absent, yes, no, empty };
// Whether a province (or address) cell names the rules' province.
enum class Place : std::uint8_t { none, inside, outside, unclear };

[[nodiscard]] std::string_view role_name(Role r);
[[nodiscard]] std::string_view hukou_type_name(HukouType t);

// A category: a band letter of the rules (A, B, ...) and a sex. `A-M` is
// Group A, boys (甲组男子).
struct Category {
  char letter = 0;  // 0: unknown
  Sex sex = Sex::unknown;

  [[nodiscard]] bool known() const { return letter != 0 && sex != Sex::unknown; }
  [[nodiscard]] std::string code() const;  // "A-M"
  bool operator==(const Category&) const = default;
};

// Reads `A-M`, `a_f`, `甲组男子`, `乙组女子组`, `男子甲组`, `甲男`; nullopt otherwise.
[[nodiscard]] std::optional<Category> parse_category(std::string_view text);
[[nodiscard]] std::optional<Sex> parse_sex(std::string_view text);
[[nodiscard]] std::optional<Role> parse_role(std::string_view text);
[[nodiscard]] std::optional<HukouType> parse_hukou_type(std::string_view text);
// yes/no, 是/否, y/n, 1/0, true/false, 有/无, 已签/未签, ✓/✗.
[[nodiscard]] std::optional<bool> parse_yes_no(std::string_view text);
// Whether `text` (a province, or a whole address) is in `province` (e.g. 青海)
// or starts with one of `aliases`; `outside` when it starts with another
// province's name, `unclear` when it names none.
[[nodiscard]] Place locate(std::string_view text, std::string_view province,
                           const std::vector<std::string>& aliases);

// What few rows have: the text of a cell that is not as expected, kept for
// the messages about it, and the problems found reading the row. Most rows
// have none, so these live beside the rows (Roster::notes) and a row is small
// (a million rows are read in one run: issue 3).
struct RowNotes {
  std::string category_text;    // as written, when it is not a known category
  std::string id_text;          // the ID cell as written, when the number has a problem
  std::string hukou_text;       // the province cell, when it is not inside
  std::string hukou_type_text;  // as written, when it is not family or individual
  std::string school_text;      // the school cell, when it is not inside
  // Read from the row's ID number: there was no birth-date (sex) column, or
  // its cell was empty, or the ID settled a date that was ambiguous.
  bool birth_from_id = false;
  bool sex_from_id = false;
  std::vector<Finding> findings;  // problems found reading the row
};

// One roster row as read. Cells that could not be read are findings; the
// fields they would have filled stay empty.
struct RosterRow {
  static constexpr std::uint32_t k_no_notes = static_cast<std::uint32_t>(-1);

  std::uint32_t source = 0;  // index into Roster::sources
  std::uint32_t line = 0;    // physical line where the row starts
  std::uint32_t team = 0;    // index into Roster::teams
  // Headers as written, for messages (indexes into Roster::headers).
  std::uint32_t headers = 0;
  std::uint32_t notes = k_no_notes;  // index into Roster::notes
  Category category;
  Role role = Role::player;
  Sex sex = Sex::unknown;
  Place hukou_place = Place::none;
  HukouType hukou_type = HukouType::none;
  Place school_place = Place::none;
  YesNo full_time = YesNo::absent;
  YesNo anti_doping = YesNo::absent;
  YesNo discipline = YesNo::absent;
  std::uint8_t sex_size = 0;        // of sex_chars
  std::array<char, 6> sex_chars{};  // see sex_text()
  std::int16_t shirt = -1;  // -1: none
  std::string name;
  OptionalDate birth_date;
  OptionalDate hukou_since;
  OptionalDate school_since;
  IdCheck id;

  // The sex cell as written, when it was read as a sex (男, Female: at most
  // 6 bytes once normalised, kept in the row: a string would make every row
  // larger).
  [[nodiscard]] std::string_view sex_text() const { return {sex_chars.data(), sex_size}; }
};

// The headers of one file, as written (or the canonical key when absent).
struct RosterHeaders {
  std::string team, category, role, name, sex, birth_date, id_number, shirt_number, hukou_province,
      hukou_type, hukou_since, school_province, school_since, school_full_time, anti_doping_pledge,
      discipline_letter;
};

struct Roster {
  std::vector<std::string> sources;        // file names as given
  // Per source: the team its name gave it (a file with no team column and no
  // team in its title), else empty; see roster_name_clashes().
  std::vector<std::string> name_teams;
  std::vector<RosterHeaders> headers;      // per source
  std::vector<std::string> teams;          // team names in order of first appearance
  std::vector<RosterRow> rows;             // in input order, file by file
  std::vector<RowNotes> notes;             // of the rows that have any

  // The notes of `row` (empty ones when it has none).
  [[nodiscard]] const RowNotes& notes_of(const RosterRow& row) const;
  // The notes of `row`, added when it has none yet.
  RowNotes& notes_for(RosterRow& row);

  std::uint32_t intern_team(std::string_view name);
  // Appends `part` (read on its own, e.g. by another thread) as if its files
  // had been read into this roster after the ones already here.
  void append(Roster&& part);
  std::unordered_map<std::string, std::uint32_t> team_index_;  // internal
};

struct RosterOptions {
  char delimiter = 0;  // 0: sniff from the name and the first line
  // The category of rows without one (--category); a file with no category
  // column needs it.
  std::optional<Category> category;
  // The team of a file without a team column or a team in its title block.
  std::string default_team;
  // The file's path as given: when default_team is empty, a file without a
  // team column or title takes its team from its name (team_from_file_name).
  std::string file_path;
  // Where residency counts (Rules::eligibility), for reading province cells.
  std::string province = "青海";
  std::vector<std::string> province_aliases;
  // The reference date: an ID number born after it is future_date.
  Date as_of{2025, 7, 30};
};

// The team a registration form's file name gives, with the usual prefixes and
// suffixes removed: `附件2：海北州甲组男子报名表.csv` is 海北州. A name that says
// nothing else (`报名表.csv`) gives its folder's name (`海北州/报名表.csv`);
// empty when neither says anything.
[[nodiscard]] std::string team_from_file_name(std::string_view path);
// The category a file name states (`海北州甲组男子报名表.csv`: A-M), if any.
[[nodiscard]] std::optional<Category> category_from_file_name(std::string_view path);

// Errors for files in different folders whose teams came from their names
// (Roster::name_teams) and are the same: they are not merged silently.
void roster_name_clashes(const Roster& roster, std::vector<Diagnostic>& diags);

// Reads one roster file (decoded text) into `into`. Problems that stop the
// whole file (no header, a required column missing) go to `diags`; a bad row
// is kept, with its findings. Blank rows, and rows whose only cells are in
// ignored columns (序号 of an empty template row), are skipped; a warning
// per file counts the latter, with the first and last line. A registration
// form's title block (rows above the header: 代表队：X, 参赛组别：Y) gives the
// team and category of a file without such columns; its footer (填表人,
// 联系电话, 注：…, dates) is counted in a warning; 领队/教练/队医：X in either
// become staff rows.
void parse_roster(std::string_view text, std::string_view source, const RosterOptions& options,
                  Roster& into, std::vector<Diagnostic>& diags);

}  // namespace matchday
