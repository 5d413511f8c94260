#include <doctest/doctest.h>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "matchday/csv.hpp"
#include "matchday/date.hpp"
#include "matchday/eligibility.hpp"
#include "matchday/roster.hpp"
#include "matchday/text.hpp"
#include "test_util.hpp"

using namespace matchday;
using Strings = std::vector<std::string>;

namespace {

const Rules& qinghai() {
  static const Rules r = *preset("qinghai-youth-2025");
  return r;
}

// A valid ID number for a birth date and sex (address 630102, sequence `seq`).
std::string make_id(const Date& d, bool male, int seq = 1) {
  char body[32];
  std::snprintf(body, sizeof body, "630102%04d%02d%02d%02d%d", d.year, d.month, d.day, seq % 100, male ? 1 : 2);
  std::string s(body, 17);
  return s + id_check_character(s);
}

constexpr std::string_view k_header =
    "team,category,role,name,sex,birth_date,id_number,shirt_number,hukou_province,hukou_type,hukou_since,"
    "school_province,school_since,school_full_time\n";

// One player row with sensible defaults; override cells by passing them.
struct P {
  std::string team = "西宁市", category = "A-M", role = "", name = "张三", sex = "男";
  Date birth{2009, 3, 5};
  std::string birth_text = "";  // default: birth.iso()
  std::string id = "";          // default: made from birth and sex; "EMPTY": an empty cell
  std::string shirt = "", hukou = "青海省西宁市城东区", hukou_type = "家庭户", hukou_since = "2009-03-05";
  std::string school = "", school_since = "", full_time = "";
  int seq = 1;

  std::string csv() const {
    const bool male = sex == "男" || sex == "M";
    return team + "," + category + "," + role + "," + name + "," + sex + "," +
           (birth_text.empty() ? birth.iso() : birth_text) + "," + (id.empty() ? make_id(birth, male, seq) : id == "EMPTY" ? "" : id) +
           "," + shirt + "," + hukou + "," + hukou_type + "," + hukou_since + "," + school + "," + school_since +
           "," + full_time + "\n";
  }
};

struct Checked {
  Roster roster;
  std::vector<Diagnostic> diags;
  EligibilityReport report;
};

Checked check(const std::vector<std::pair<std::string, std::string>>& files, EligibilityOptions eo = {},
              const Rules& rules = qinghai(), RosterOptions ro = {}) {
  Checked c;
  ro.province = rules.eligibility.province;
  ro.province_aliases = rules.eligibility.province_aliases;
  ro.as_of = effective_as_of(rules.eligibility, eo);
  for (const auto& [name, text] : files) parse_roster(text, name, ro, c.roster, c.diags);
  c.report = check_eligibility(c.roster, rules, eo);
  return c;
}

Checked check_rows(const std::vector<P>& rows, EligibilityOptions eo = {}) {
  std::string text(k_header);
  for (const P& p : rows) text += p.csv();
  return check({{"r.csv", text}}, std::move(eo));
}

// The reason codes of row `i`, each once, in order.
Strings reasons(const Checked& c, std::size_t i) {
  Strings out;
  for (const Finding& f : c.report.rows.at(i).findings) {
    const std::string code(reason_code(f.reason));
    if (out.empty() || out.back() != code) out.push_back(code);
  }
  return out;
}

Strings team_reasons(const Checked& c, std::size_t t = 0) {
  Strings out;
  for (const Finding& f : c.report.teams.at(t).findings) out.emplace_back(reason_code(f.reason));
  return out;
}

Strings one(const P& p, EligibilityOptions eo = {}) { return reasons(check_rows({p}, std::move(eo)), 0); }

// The message codes of row `i`'s findings.
Strings messages(const Checked& c, std::size_t i) {
  Strings out;
  for (const Finding& f : c.report.rows.at(i).findings) {
    for (const Message& m : f.messages) out.emplace_back(m.code);
  }
  return out;
}

}  // namespace

TEST_SUITE_BEGIN("eligibility");

TEST_CASE("empty template rows are skipped, and counted in one warning per file") {
  // A template pre-filled with the team and category, only the first row filled in.
  const std::string text = std::string(k_header) + P{}.csv() +
                           "西宁市,A-M,,,,,,,,,,,,\n"
                           "西宁市,A-M,,,,,,,,,,,,\n"
                           ",,,,,,,,,,,,,\n";
  const Checked c = check({{"t.csv", text}});
  CHECK(c.report.rows.size() == 1);
  REQUIRE(c.diags.size() == 1);
  CHECK(c.diags[0].severity == Severity::warning);
  CHECK(c.diags[0].code == "roster_template_rows");
  CHECK(c.diags[0].line == 3);
  CHECK(c.diags[0].args == Strings{"2", "3", "4"});
}

TEST_CASE("a clean player is eligible") {
  const Checked c = check_rows({P{}});
  REQUIRE(c.diags.empty());
  CHECK(c.report.rows.at(0).eligible);
  CHECK(c.report.summary.eligible == 1);
}

TEST_CASE("birth date: the band's edges, each side") {
  const auto born = [](Date d, std::string cat = "A-M") {
    P p;
    p.birth = d;
    p.hukou_since = "2012-01-01";
    p.category = cat;
    return one(p);
  };
  CHECK(born({2008, 1, 1}).empty());
  CHECK(born({2009, 12, 31}).empty());
  CHECK(born({2007, 12, 31}) == Strings{"born_too_early"});
  CHECK(born({2010, 1, 1}) == Strings{"born_too_late"});
  CHECK(born({2010, 1, 1}, "B-M").empty());
  CHECK(born({2011, 12, 31}, "乙组男子").empty());
  CHECK(born({2012, 1, 1}, "B-M") == Strings{"born_too_late"});
  CHECK(born({2009, 12, 31}, "B-M") == Strings{"born_too_early"});
}

TEST_CASE("--season shifts the bands by season - 2025 years, and the reference date with them") {
  P p;
  p.birth = {2010, 1, 1};
  p.hukou_since = "2012-01-01";
  EligibilityOptions eo;
  eo.season = 2026;
  CHECK(one(p, eo).empty());  // A is 2009..2010 in 2026
  p.birth = {2008, 12, 31};
  CHECK(one(p, eo) == Strings{"born_too_early"});
  CHECK(effective_as_of(qinghai().eligibility, eo) == Date{2026, 7, 30});
  eo.as_of = Date{2026, 7, 1};
  CHECK(effective_as_of(qinghai().eligibility, eo) == Date{2026, 7, 1});
}

TEST_CASE("birth dates: the roster's quick path reads what parse_date reads") {
  // Cells near the quick path's forms (2009-03-05, 2009/3/5, 2009.3.5) and
  // just off them; each row's birth date and its reason must be parse_date's.
  std::mt19937 rng(20261124);
  const std::string pieces[] = {"2009", "209", "20090", "3", "03", "003", "12", "13", "0", "29", "31", "5",
                                "-", "/", ".", " ", "", "-", "/", "年", "x", "2024", "02"};
  std::string text(k_header);
  std::vector<std::string> cells;
  for (int i = 0; i < 3000; ++i) {
    std::string cell;
    const int parts = static_cast<int>(rng() % 6) + 1;
    for (int k = 0; k < parts; ++k) cell += pieces[rng() % std::size(pieces)];
    if (rng() % 3 == 0) {
      cell = std::to_string(2000 + rng() % 30) + "-/."[rng() % 3] + std::to_string(rng() % 14) + "-/."[rng() % 3] +
             std::to_string(rng() % 33);
      if (rng() % 3 == 0) cell += pieces[rng() % std::size(pieces)];  // and something after it
    }
    P p;
    p.birth_text = cell.empty() ? " " : cell;
    p.seq = i;
    cells.push_back(p.birth_text);
    text += p.csv();
  }
  const Checked c = check({{"r.csv", text}});
  REQUIRE(c.roster.rows.size() == cells.size());
  for (std::size_t i = 0; i < cells.size(); ++i) {
    CAPTURE(cells[i]);
    const DateParse expected = parse_date(cells[i]);
    const Strings r = reasons(c, i);
    const bool bad = std::find(r.begin(), r.end(), "bad_birth_date") != r.end();
    const RosterRow& row = c.roster.rows[i];
    if (expected.date || !row.birth_date) {
      CHECK(row.birth_date == expected.date);
      CHECK(bad == (!expected.date && expected.error != DateError::missing));
    } else {
      // An empty cell, or one the row's ID number settles (2009-03): the ID's date, said so.
      CHECK(*row.birth_date == Date(row.id.birth));
      CHECK(c.roster.notes_of(row).birth_from_id);
      CHECK_FALSE(bad);
    }
  }
}

TEST_CASE("sex against the category, from the row or else the ID number") {
  P girl;
  girl.sex = "女";
  CHECK(one(girl) == Strings{"wrong_sex"});
  girl.category = "甲组女子";
  CHECK(one(girl).empty());
  P boy;
  boy.category = "A-F";
  CHECK(one(boy) == Strings{"wrong_sex"});
  // The row's sex disagrees with the ID's 17th digit.
  P mixed;
  mixed.id = make_id(mixed.birth, false);
  CHECK(one(mixed) == Strings{"id_sex_mismatch"});
  // The value shown is the cell as written, the longest words too.
  P woman;
  woman.sex = "FEMALE";
  woman.id = make_id(woman.birth, false);
  const Checked c = check_rows({woman});
  REQUIRE(c.report.rows[0].findings.size() == 1);
  CHECK(c.report.rows[0].findings[0].value == "FEMALE");
  mixed.sex = "男性";
  const Checked m = check_rows({mixed});
  REQUIRE(m.report.rows[0].findings.size() == 1);
  CHECK(m.report.rows[0].findings[0].value == "男性");
}

TEST_CASE("residency: household registration types") {
  P p;
  for (const char* ok : {"家庭户", "个人户", "family", "individual", "家庭户口"}) {
    p.hukou_type = ok;
    CAPTURE(ok);
    CHECK(one(p).empty());
  }
  for (const char* bad : {"集体户", "集体户口", "collective", "临时户口", "temporary"}) {
    p.hukou_type = bad;
    CAPTURE(bad);
    CHECK(one(p) == Strings{"no_residency"});
  }
  p.hukou_type = "";
  CHECK(messages(check_rows({p}), 0).at(0) == "res.hukou_type_missing");
}

TEST_CASE("residency: the province, or a whole address") {
  P p;
  for (const char* inside : {"青海", "青海省", "Qinghai", "青海省西宁市城东区八一路1号", "西宁市城中区", "海东市乐都区"}) {
    p.hukou = inside;
    CAPTURE(inside);
    CHECK(one(p).empty());
  }
  p.hukou = "甘肃省兰州市";
  CHECK(messages(check_rows({p}), 0).at(0) == "res.hukou_outside");
  p.hukou = "海南省海口市";  // Hainan, not Hainan prefecture of Qinghai
  CHECK(one(p) == Strings{"no_residency"});
  p.hukou = "某某街道";
  CHECK(messages(check_rows({p}), 0).at(0) == "res.hukou_unclear");
  // The ID's first six digits never decide: a Beijing-issued number with Qinghai hukou is fine.
  P beijing;
  beijing.id = "110105200906150582";
  beijing.sex = "女";
  beijing.category = "A-F";
  beijing.birth = {2009, 6, 15};
  CHECK(one(beijing).empty());
}

TEST_CASE("one year: Civil Code periods, 29 February, the reference date") {
  const auto since = [](std::string s, Date as_of) {
    P p;
    p.birth = {2008, 1, 1};
    p.hukou_since = std::move(s);
    EligibilityOptions eo;
    eo.as_of = as_of;
    return one(p, eo);
  };
  CHECK(since("2024-07-30", {2025, 7, 30}).empty());  // exactly one year
  CHECK(since("2024-07-31", {2025, 7, 30}) == Strings{"no_residency"});
  CHECK(since("2024-02-29", {2025, 2, 28}).empty());  // ends on the last day of February
  CHECK(since("2024-02-29", {2025, 2, 27}) == Strings{"no_residency"});
  CHECK(since("2023-03-01", {2024, 2, 29}) == Strings{"no_residency"});
  CHECK(since("2023-03-01", {2024, 3, 1}).empty());
  CHECK(since("2025-08-01", {2025, 7, 30}) == Strings{"no_residency"});  // after the reference date
  // The default reference date is the opening day, 2025-07-30.
  P p;
  p.hukou_since = "2024/7/30";
  CHECK(one(p).empty());
  p.hukou_since = "2024年7月31日";
  CHECK(one(p) == Strings{"no_residency"});
  p.hukou_since = "";
  CHECK(messages(check_rows({p}), 0).at(0) == "res.hukou_since_missing");
}

TEST_CASE("residency: full-time school enrolment when the household registration fails") {
  P p;
  p.hukou = "甘肃省兰州市";
  p.school = "青海省西宁市第五中学";
  p.school_since = "2023-09-01";
  p.full_time = "是";
  CHECK(one(p).empty());
  p.full_time = "否";
  CHECK(messages(check_rows({p}), 0) == Strings{"res.hukou_outside", "res.school_not_full_time", "res.fix"});
  p.full_time = "";
  CHECK(one(p) == Strings{"no_residency"});
  p.full_time = "yes";
  p.school_since = "2024-09-01";
  CHECK(messages(check_rows({p}), 0).at(1) == "res.school_since_short");
  p.hukou_type = "集体户";
  p.hukou = "青海省格尔木市";
  p.school_since = "2020-09-01";
  CHECK(one(p).empty());  // collective hukou, but school enrolment counts
}

TEST_CASE("school enrolment without a full-time column counts as full-time") {
  const std::string text =
      "team,category,name,sex,birth_date,id_number,hukou_province,hukou_type,hukou_since,school_province,school_since\n"
      "T,A-M,张三,男,2009-03-05," + make_id({2009, 3, 5}, true) + ",甘肃,家庭户,2009-03-05,青海省某中学,2023/9/1\n";
  const Checked c = check({{"r.csv", text}});
  CHECK(reasons(c, 0).empty());
}

TEST_CASE("ID numbers: each damaged form is id_malformed with its own message") {
  const auto with_id = [](std::string id) {
    P p;
    p.id = std::move(id);
    return check_rows({p});
  };
  struct Case {
    const char* id;
    const char* reason;
    const char* message;
  };
  for (const Case& k : {Case{"6.30102E+17", "id_malformed", "elig.id_sci_notation"},
                        Case{"630102200903050000", "id_malformed", "elig.id_excel15"},
                        Case{"630102090305011", "id_malformed", "elig.id_legacy15"},
                        Case{"63010220090305011", "id_malformed", "elig.id_length"},
                        Case{"63010220090305A011", "id_malformed", "elig.id_charset"},
                        Case{"630102200902300814", "id_malformed", "elig.id_bad_date"},
                        Case{"630102203001011031", "id_malformed", "elig.id_future"},
                        Case{"EMPTY", "missing_field", "elig.id_missing"}}) {
    CAPTURE(k.id);
    const Checked c = with_id(k.id);
    REQUIRE_FALSE(c.report.rows.at(0).findings.empty());
    CHECK(reason_code(c.report.rows[0].findings[0].reason) == k.reason);
    CHECK(messages(c, 0).at(0) == k.message);
  }
  std::string wrong = make_id({2009, 3, 5}, true);
  wrong[17] = wrong[17] == '1' ? '2' : '1';
  CHECK(reasons(with_id(wrong), 0) == Strings{"id_checksum"});
  // Full-width digits and a lower-case x are normalised, not findings.
  P fw;
  const char check = id_check_character("63010220090305011");
  fw.id = "６３０１０２２００９０３０５０１１" + (check == 'X' ? std::string("x") : std::string(1, check));
  CHECK(one(fw).empty());
}

TEST_CASE("the ID's birth date and the row's disagree: which one, and both checked against the band") {
  P p;
  p.birth_text = "2009-03-06";
  const Checked c = check_rows({p});
  CHECK(reasons(c, 0) == Strings{"id_birth_mismatch"});
  CHECK(c.report.rows[0].findings[0].messages[0].args.at(0) == "2009-03-05");
  // The row says 2008, the ID says 2007: too early by the ID.
  P q;
  q.birth = {2007, 12, 31};
  q.birth_text = "2008-01-01";
  CHECK(one(q) == Strings{"born_too_early", "id_birth_mismatch"});
}

TEST_CASE("birth dates as people type them: the date vector table") {
  const std::string text = test::read_source_file("tests/data/eligibility/date-vectors.csv");
  CsvReader reader(text);
  CsvRecord rec;
  REQUIRE(reader.next(rec));
  int rows = 0;
  while (reader.next(rec)) {
    ++rows;
    const std::string input(rec.fields.at(0));
    const std::string expect(rec.fields.at(1));
    CAPTURE(input);
    const std::string csv = std::string(k_header) + "T,A-M,,张三,男,\"" + input + "\"," + make_id({2009, 3, 5}, true) +
                            ",,青海,家庭户,2009-03-05,,,\n";
    const Checked c = check({{"r.csv", csv}});
    REQUIRE(c.roster.rows.size() == 1);
    const RosterRow& r = c.roster.rows[0];
    if (expect == "ERROR" && r.birth_date) {
      // Not a date on its own, but the row's ID number (born 2009-03-05) settles it: 3/5/2009, 09/3/5, 2009-3.
      CHECK(*r.birth_date == Date{2009, 3, 5});
      CHECK(c.roster.notes_of(r).birth_from_id);
      CHECK(reasons(c, 0).empty());
    } else if (expect == "ERROR") {
      CHECK(reasons(c, 0) == Strings{"bad_birth_date"});
    } else if (expect == "MISSING") {
      // No date: the ID number's, and the row says so.
      CHECK(*r.birth_date == Date{2009, 3, 5});
      CHECK(c.roster.notes_of(r).birth_from_id);
      CHECK(reasons(c, 0).empty());
    } else {
      REQUIRE(r.birth_date);
      CHECK((*r.birth_date).iso() == expect);
    }
  }
  CHECK(rows == 19);
}

TEST_CASE("a person on two rosters: the duplicate takes its place among the row's other reasons") {
  P a;
  a.birth = {2000, 1, 1};  // born_too_early, before duplicate_person
  a.shirt = "十";          // missing_field (a bad shirt number), after it
  P b = a;
  b.team = "海东市";
  b.shirt = "";
  const Checked c = check({{"xining.csv", std::string(k_header) + a.csv()}, {"haidong.csv", std::string(k_header) + b.csv()}});
  CHECK(reasons(c, 0) == Strings{"born_too_early", "duplicate_person", "missing_field"});
  CHECK(reasons(c, 1) == Strings{"born_too_early", "duplicate_person"});
  CHECK_FALSE(c.report.rows[0].eligible);
}

TEST_CASE("one person on two rosters, by ID number, across files") {
  P a;
  P b;
  b.team = "海东市";
  b.name = "张三";
  P other;
  other.name = "李四";
  other.seq = 7;
  const std::string one_file = std::string(k_header) + a.csv() + other.csv();
  const std::string two_file = std::string(k_header) + b.csv();
  const Checked c = check({{"xining.csv", one_file}, {"haidong.csv", two_file}});
  CHECK(reasons(c, 0) == Strings{"duplicate_person"});
  CHECK(reasons(c, 1).empty());
  CHECK(reasons(c, 2) == Strings{"duplicate_person"});
  CHECK(c.report.rows[0].findings[0].messages[0].args.at(0) == "haidong.csv:2 张三 (海东市)");
  // Excel-damaged numbers are never matched to each other.
  P x1, x2;
  x1.id = x2.id = "6.30102E+17";
  x2.name = "李四";
  const Checked d = check_rows({x1, x2});
  CHECK(reasons(d, 0) == Strings{"id_malformed"});
  CHECK(reasons(d, 1) == Strings{"id_malformed"});
}

TEST_CASE("pledges: a column that is present must say yes") {
  const std::string head = "team,category,name,sex,birth_date,id_number,hukou_province,hukou_type,hukou_since,"
                           "反兴奋剂承诺书,赛风赛纪责任书\n";
  const auto base = [](int seq) {
    return "T,A-M,张三,男,2009-03-05," + make_id({2009, 3, 5}, true, seq) + ",青海,家庭户,2009-03-05,";
  };
  const Checked c = check({{"r.csv", head + base(1) + "是,是\n" + base(2) + "否,是\n" + base(3) + ",yes\n" + base(4) + "maybe,1\n"}});
  CHECK(reasons(c, 0).empty());
  CHECK(reasons(c, 1) == Strings{"pledge_missing"});
  CHECK(reasons(c, 2) == Strings{"pledge_missing"});
  CHECK(reasons(c, 3) == Strings{"pledge_missing"});
  CHECK(messages(c, 3) == Strings{"elig.yes_no_bad"});  // reported once, as unreadable
}

TEST_CASE("staff: role, limits and duplicates only") {
  std::vector<P> rows;
  for (int i = 0; i < 16; ++i) {
    P p;
    p.name = "队员" + std::to_string(i);
    p.seq = i;
    p.shirt = std::to_string(i + 1);
    rows.push_back(p);
  }
  P leader;
  leader.role = "领队";
  leader.name = "王领队";
  leader.birth = {1980, 5, 5};
  leader.hukou = leader.hukou_type = leader.hukou_since = "";  // no residency needed
  P coach = leader;
  coach.role = "教练员";
  coach.name = "李教练";
  coach.seq = 2;
  P doctor = leader;
  doctor.role = "队医";
  doctor.name = "赵医生";
  doctor.seq = 3;
  doctor.birth_text = "-";  // not checked for staff
  rows.insert(rows.end(), {leader, coach, doctor});
  Checked c = check_rows(rows);
  for (std::size_t i = 0; i < rows.size(); ++i) CHECK(reasons(c, i).empty());
  CHECK(team_reasons(c).empty());
  CHECK(c.report.all_eligible());
  CHECK(c.report.teams[0].staff == 3);

  P coach2 = coach;
  coach2.name = "周教练";
  coach2.seq = 4;
  P assistant = coach;
  assistant.role = "助理教练";
  assistant.name = "吴助教";
  assistant.seq = 5;
  rows.insert(rows.end(), {coach2, assistant});
  c = check_rows(rows);
  CHECK(team_reasons(c) == Strings{"too_many_staff"});
  CHECK(reasons(c, rows.size() - 1) == Strings{"unknown_role"});
}

TEST_CASE("team rules: 16 to 22 players, eligible players, unique shirt numbers") {
  const auto team_of = [](int n, int bad = 0, bool dup_shirt = false) {
    std::vector<P> rows;
    for (int i = 0; i < n; ++i) {
      P p;
      p.name = "队员" + std::to_string(i);
      p.seq = i;
      p.shirt = std::to_string(dup_shirt && i == 1 ? 1 : i + 1);
      if (i < bad) p.hukou_type = "临时户口";
      rows.push_back(p);
    }
    return check_rows(rows);
  };
  CHECK(team_reasons(team_of(15)) == Strings{"too_few_players"});
  CHECK(team_reasons(team_of(16)).empty());
  CHECK(team_reasons(team_of(22)).empty());
  CHECK(team_reasons(team_of(23)) == Strings{"too_many_players"});
  CHECK(team_reasons(team_of(17, 2)) == Strings{"too_few_players"});  // 15 eligible of 17
  const Checked dup = team_of(16, 0, true);
  CHECK(team_reasons(dup) == Strings{"duplicate_shirt_number"});
  CHECK(dup.report.teams[0].findings[0].value == "1");
}

TEST_CASE("team documents from --teams, and without it") {
  std::vector<P> rows;
  for (int i = 0; i < 16; ++i) {
    P p;
    p.name = "队员" + std::to_string(i);
    p.seq = i;
    rows.push_back(p);
  }
  CHECK_FALSE(check_rows(rows).report.documents_checked);
  std::vector<Diagnostic> diags;
  const auto docs = parse_team_documents(
      "代表队,报名表,盖章扫描件,足球中国APP报名,反兴奋剂承诺书,赛风赛纪责任书\n西宁市,是,否,是,是,\n玉树州,是,是,是,是,是\n",
      "teams.csv", 0, diags);
  REQUIRE(diags.empty());
  EligibilityOptions eo;
  eo.documents = docs;
  const Checked c = check_rows(rows, eo);
  CHECK(c.report.documents_checked);
  CHECK(team_reasons(c) == Strings{"documents_missing", "documents_missing"});  // the scan and the letter
  REQUIRE(c.report.warnings.size() == 1);  // 玉树州 has no roster
  CHECK(c.report.warnings[0].code == "teams_no_roster");
  eo.documents = std::vector<TeamDocuments>{};
  CHECK(team_reasons(check_rows(rows, eo)) == Strings{"documents_missing"});  // not listed at all
  // A teams file without a document column is an input error.
  diags.clear();
  (void)parse_team_documents("team,registration_form\nA,yes\n", "t.csv", 0, diags);
  CHECK(has_errors(diags));
}

TEST_CASE("no row is ever dropped: unreadable rows are kept with their line, counts add up") {
  const std::string text = std::string(k_header) + P{}.csv() + "\n" + ",,,,,,,,,,,,,\n" +
                           "西宁市,A-M,,李四,男,3/5/2009,x,,青海,家庭户,2009-03-05,,,\n" +
                           "西宁市,A-M,,王五,男,2009-03-05,\"630102,,青海\n";
  const Checked c = check({{"r.csv", text}});
  REQUIRE(c.diags.empty());
  REQUIRE(c.roster.rows.size() == 3);
  CHECK(c.roster.rows[1].line == 5);
  CHECK(reasons(c, 1) == Strings{"bad_birth_date", "id_malformed"});
  CHECK(c.roster.rows[2].line == 6);
  CHECK_FALSE(c.report.rows[2].eligible);
  const Strings m = messages(c, 2);
  CHECK(std::find(m.begin(), m.end(), "elig.unterminated_quote") != m.end());
  const EligibilitySummary& s = c.report.summary;
  CHECK(s.rows == 3);
  CHECK(s.eligible + s.ineligible == s.rows);
  CHECK(s.ineligible == 2);
}

TEST_CASE("file-level problems: missing columns and no category") {
  Checked c = check({{"r.csv", "姓名,性别\n张三,男\n"}});
  CHECK(has_errors(c.diags));
  CHECK(c.roster.rows.empty());
  c = check({{"r.csv", "name,sex,birth_date,id_number,hukou_province,hukou_type,hukou_since\nA,M,2009-01-01,1,青海,家庭户,2009-01-01\n"}});
  REQUIRE(c.diags.size() == 1);
  CHECK(c.diags[0].code == "roster_no_category");
  RosterOptions ro;
  ro.category = parse_category("甲组男子");
  c = check({{"r.csv", "name,sex,birth_date,id_number,hukou_province,hukou_type,hukou_since\nA,M,2009-01-01,1,青海,家庭户,2009-01-01\n"}},
            {}, qinghai(), ro);
  CHECK(c.diags.empty());
  CHECK(c.roster.rows.at(0).category.code() == "A-M");
  CHECK(check({{"r.csv", ""}}).diags.at(0).code == "roster_empty");
}

TEST_CASE("categories, roles and yes/no as written") {
  CHECK(parse_category("A-M")->code() == "A-M");
  CHECK(parse_category("b-f")->code() == "B-F");
  CHECK(parse_category("甲组男子")->code() == "A-M");
  CHECK(parse_category("甲组女子组")->code() == "A-F");
  CHECK(parse_category("乙组男子")->code() == "B-M");
  CHECK(parse_category("乙组女子")->code() == "B-F");
  CHECK(parse_category("男子甲组")->code() == "A-M");
  CHECK_FALSE(parse_category("U17"));
  CHECK_FALSE(parse_category("甲组"));
  CHECK(parse_role("运动员") == Role::player);
  CHECK(parse_role("") == Role::player);
  CHECK(parse_role("教练员") == Role::coach);
  CHECK(parse_role("队医") == Role::doctor);
  CHECK(parse_role("领队") == Role::leader);
  CHECK_FALSE(parse_role("助理教练"));
  CHECK(parse_hukou_type("集体户口") == HukouType::collective);
  CHECK(parse_hukou_type("临时户口") == HukouType::temporary);
  CHECK(parse_yes_no("是") == true);
  CHECK(parse_yes_no("否") == false);
}

TEST_CASE("the roster in four encodings gives identical results") {
  const char* files[] = {"roster_gbk_crlf.csv", "roster_utf8_lf.csv", "roster_utf8bom_crlf.csv", "roster_utf16le_tab.txt"};
  std::vector<Strings> results;
  for (const char* f : files) {
    CAPTURE(f);
    const std::string bytes = test::read_source_file(std::string("tests/data/eligibility/encodings/") + f);
    const DecodedText text = decode_text(bytes, EncodingChoice::automatic);
    REQUIRE_FALSE(text.error_offset);
    RosterOptions ro;
    ro.category = parse_category("A-M");
    ro.default_team = "T";
    const Checked c = check({{f, std::string(text.text)}}, {}, qinghai(), ro);
    REQUIRE(c.diags.empty());
    Strings out;
    for (std::size_t i = 0; i < c.roster.rows.size(); ++i) {
      std::string line = std::to_string(c.roster.rows[i].line) + " " + c.roster.rows[i].name + ":";
      for (const std::string& r : reasons(c, i)) line += " " + r;
      out.push_back(line);
    }
    results.push_back(out);
  }
  CHECK(results[0] == Strings{"2 张三: duplicate_person", "3 李四: wrong_sex", "4 王五: born_too_late no_residency",
                              "5 赵六: wrong_sex id_malformed", "6 孙七: wrong_sex",
                              "7 周八: no_residency id_birth_mismatch duplicate_person"});
  for (std::size_t i = 1; i < results.size(); ++i) CHECK(results[i] == results[0]);
}

TEST_SUITE_END();
