// Registration forms and results sheets as offices make them (issue 15,
// items 1-4 and 7): the header found below a title block, a header over two
// rows, the title block and footer read, what the ID number says, the team
// from the file's name, and table cells that stay readable.
#include <doctest/doctest.h>

#include <algorithm>
#include <array>
#include <random>
#include <set>

#include "matchday/csv.hpp"
#include "matchday/date.hpp"
#include "matchday/fixtures.hpp"
#include "matchday/idcard.hpp"
#include "matchday/eligibility.hpp"
#include "matchday/results.hpp"
#include "matchday/roster.hpp"
#include "matchday/rules.hpp"
#include "matchday/standings.hpp"
#include "../src/core/parse_util.hpp"  // report_header (internal)
#include "render.hpp"
#include "test_util.hpp"

using namespace matchday;

TEST_SUITE_BEGIN("forms");

namespace {

std::string id_of(std::string_view area, std::string_view birth, int seq, bool male) {
  std::string s = std::string(area) + std::string(birth);
  s += static_cast<char>('0' + seq / 10 % 10);
  s += static_cast<char>('0' + seq % 10);
  s += static_cast<char>('0' + (seq * 2 + (male ? 1 : 0)) % 10);
  return s + id_check_character(s);
}

constexpr std::array<ColumnSpec, 3> k_specs{{
    {"name", "姓名", true},
    {"id_number", "身份证号|公民身份号码", true},
    {"hukou_province", "户籍所在地|户籍"},
}};

struct Read {
  Roster roster;
  std::vector<Diagnostic> diags;
  [[nodiscard]] std::vector<std::string> codes() const {
    std::vector<std::string> out;
    for (const Diagnostic& d : diags) out.emplace_back(d.code);
    return out;
  }
  [[nodiscard]] const Diagnostic* find(std::string_view code) const {
    for (const Diagnostic& d : diags) {
      if (d.code == code) return &d;
    }
    return nullptr;
  }
};

Read read(std::string_view text, std::string_view path = "f.csv", RosterOptions o = {}) {
  Read r;
  o.file_path = std::string(path);
  parse_roster(text, path, o, r.roster, r.diags);
  return r;
}

const std::string k_boy = id_of("632222", "20090305", 1, true);
const std::string k_girl = id_of("632321", "20100612", 2, false);

}  // namespace

TEST_CASE("header_key: spaces, line breaks, '*' and a note in brackets do not matter") {
  CHECK(header_key("姓  名") == "姓名");
  CHECK(header_key("姓\u3000名") == "姓名");
  CHECK(header_key("出生\n日期") == "出生日期");
  CHECK(header_key("出生\r\n日期") == "出生日期");
  CHECK(header_key("*身份证号（18位）") == "身份证号");
  CHECK(header_key("代表队【盖章】") == "代表队");
  CHECK(header_key("Home Team") == header_key("home_team"));
  CHECK(header_key("（注）") == "(注)");  // a cell that is all brackets keeps them
}

TEST_CASE("find_header: the first row within the first rows that holds the required columns") {
  const std::string text = "2025年报名表,,\n\n代表队：海北州,,\n序号,姓 名,公民身份号码\n1,张三,x\n";
  const FoundHeader h = find_header(text, ',', k_specs);
  REQUIRE(h.found);
  CHECK(h.line == 4);
  CHECK(h.rows == 1);
  CHECK(h.first_line == 1);
  REQUIRE(h.title.size() == 2);
  CHECK(h.title[0].line == 1);
  CHECK(h.title[1].cells == std::vector<std::string>{"代表队：海北州", "", ""});
  CHECK(h.match.index[0] == 1);
  CHECK(h.match.index[1] == 2);
  CHECK(h.body_line == 5);
  CHECK(text.substr(h.body, 8) == "1,张三");
  SUBCASE("a header on line 1 is found there, with no title") {
    const FoundHeader h1 = find_header("姓名,身份证号\n张三,1\n", ',', k_specs);
    CHECK(h1.found);
    CHECK(h1.line == 1);
    CHECK(h1.title.empty());
  }
  SUBCASE("beyond the rows searched there is no header") {
    std::string many;
    for (int i = 0; i < 25; ++i) many += "title " + std::to_string(i) + "\n";
    const FoundHeader h2 = find_header(many + "姓名,身份证号\n", ',', k_specs);
    CHECK_FALSE(h2.found);
    CHECK(h2.line == 1);  // no row matches any column: the first row
  }
}

TEST_CASE("find_header: a header over two rows (a merged group cell) is read as one") {
  const std::string text =
      "报名表,,,,,\n序号,姓名,\"身份证\n号码\",户籍,,\n,,,所在地,类型,迁入日期\n1,张三,x,青海省,家庭户,出生\n";
  constexpr std::array<ColumnSpec, 5> specs{{
      {"name", "姓名", true},
      {"id_number", "身份证号码", true},
      {"hukou_province", "户籍所在地"},
      {"hukou_type", "户籍类型"},
      {"hukou_since", "户籍迁入日期|迁入日期"},
  }};
  const FoundHeader h = find_header(text, ',', specs);
  REQUIRE(h.found);
  CHECK(h.rows == 2);
  CHECK(h.line == 2);
  CHECK(h.last_line == 4);  // the first row has a line break in a cell
  CHECK(h.cells == std::vector<std::string>{"序号", "姓名", "身份证\n号码", "户籍所在地", "户籍类型", "户籍迁入日期"});
  CHECK(std::ranges::all_of(h.match.index, [](int i) { return i >= 0; }));
  CHECK(h.body_line == 5);
  SUBCASE("a data row below a header is not a second header row") {
    const FoundHeader one = find_header("姓名,身份证号码,户籍所在地\n张三,1,青海\n", ',', specs);
    CHECK(one.rows == 1);
    CHECK(one.cells == std::vector<std::string>{"姓名", "身份证号码", "户籍所在地"});
  }
}

TEST_CASE("find_header: when no row qualifies, the closest row is looked at, not the title") {
  const FoundHeader h = find_header("报名表\n代表队：X\n序号,名字,身份证号\n1,张三,1\n", ',', k_specs);
  CHECK_FALSE(h.found);
  CHECK(h.line == 3);
  CHECK(h.match.missing == std::vector<std::string_view>{"name"});
  std::vector<Diagnostic> diags;
  {
    DiagnosticSink sink(diags, "f.csv");
    CHECK_FALSE(report_header(h, "f.csv", sink));
  }
  REQUIRE(diags.size() == 1);
  CHECK(diags[0].code == "header_not_found");
  CHECK(diags[0].line == 3);
  CHECK(diags[0].value == "序号,名字,身份证号");
}

TEST_CASE("a title block and a merged header: team and category from the title, said") {
  const std::string text = "2025年青海省青少年足球锦标赛报名表,,,,,\n"
                           "代表队（盖章）：海北州,,,参赛组别：,甲组男子,\n"
                           "序号,姓  名,\"出生\n日期\",公民身份号码,户籍,,\n"
                           ",,,,所在地,类型,迁入日期\n"
                           "1,马龙,2009-03-05," + k_boy + ",青海省,家庭户,出生\n";
  const Read r = read(text);
  REQUIRE(r.roster.rows.size() == 1);
  CHECK(r.roster.teams[r.roster.rows[0].team] == "海北州");
  CHECK(r.roster.rows[0].category.code() == "A-M");
  CHECK(r.roster.rows[0].line == 6);
  CHECK(r.codes() == std::vector<std::string>{"header_two_rows", "roster_title_team", "roster_title_category"});
  CHECK(r.find("header_two_rows")->line == 3);
  CHECK(r.find("roster_title_team")->line == 2);
  // 出生 as the date of registration: since birth.
  CHECK(r.roster.rows[0].hukou_since == std::optional<Date>(Date{2009, 3, 5}));
}

TEST_CASE("a title that names the category in its text gives it; one naming two gives none") {
  const std::string rows = "姓名,身份证号,户籍所在地,户口类型,户籍迁入日期\n马龙," + k_boy + ",青海省,家庭户,出生\n";
  const Read r = read("2025年青海省青少年足球锦标赛（甲组男子）报名表,,,,\n" + rows);
  REQUIRE(r.roster.rows.size() == 1);
  CHECK(r.roster.rows[0].category.code() == "A-M");
  CHECK(r.find("roster_title_category") != nullptr);
  const Read two = read("甲组男子、乙组女子报名表\n" + rows);
  CHECK(two.find("roster_no_category") != nullptr);
}

TEST_CASE("several key：value pairs in one cell of the title, and staff named there") {
  const Read r = read("代表队：果洛州  参赛组别：乙组女子  领队：才让\n姓名,身份证号,户籍所在地,户口类型,户籍迁入日期\n央宗," +
                      k_girl + ",青海省,家庭户,出生\n");
  REQUIRE(r.roster.rows.size() == 2);
  CHECK(r.roster.rows[0].role == Role::leader);
  CHECK(r.roster.rows[0].name == "才让");
  CHECK(r.roster.rows[0].line == 1);
  CHECK(r.roster.teams[r.roster.rows[1].team] == "果洛州");
  CHECK(r.roster.rows[1].category.code() == "B-F");
  CHECK(r.roster.teams[r.roster.rows[0].team] == "果洛州");
}

TEST_CASE("the footer: not persons, not errors, one warning with its lines; staff named there are rows") {
  const std::string text = "代表队,参赛组别,姓名,性别,出生日期,身份证号,户籍所在地,户口类型,户籍迁入日期\n"
                           "海北州,甲组男子,马龙,男,2009-03-05," + k_boy + ",青海省,家庭户,2010-01-01\n"
                           ",,,,,,,,\n"
                           "领队：马建军,,主教练：韩国强,,队医：冶青,,,,\n"
                           "填表人：张三,,联系电话：13909700000,,审核：,,,,\n"
                           "注：1.本表一式两份；,,,,,,,,\n"
                           "2.身份证号码须与户口簿一致。,,,,,,,,\n"
                           ",,,,,,2025年7月1日,,\n"
                           "领队,马建军,,,,,,,\n";
  const Read r = read(text);
  std::vector<std::pair<Role, std::string>> people;
  for (const RosterRow& row : r.roster.rows) people.emplace_back(row.role, row.name);
  CHECK(people == std::vector<std::pair<Role, std::string>>{{Role::player, "马龙"},
                                                             {Role::leader, "马建军"},
                                                             {Role::coach, "韩国强"},
                                                             {Role::doctor, "冶青"}});  // not 马建军 again (line 9)
  for (const RosterRow& row : r.roster.rows) CHECK(r.roster.teams[row.team] == "海北州");
  CHECK(r.roster.rows[1].category.code() == "A-M");
  REQUIRE(r.codes() == std::vector<std::string>{"roster_footer_rows"});
  CHECK(r.diags[0].args == std::vector<std::string>{"5", "5-9"});
  CHECK(r.diags[0].severity == Severity::warning);
}

TEST_CASE("staff the rows already list are not added again from the footer") {
  const Read r = read("代表队,参赛组别,身份,姓名,性别,出生日期,身份证号,户籍所在地,户口类型,户籍迁入日期\n"
                      "海北州,甲组男子,领队,马建军,男,1980-01-01,,,,\n"
                      "海北州,甲组男子,运动员,马龙,男,2009-03-05," + k_boy + ",青海省,家庭户,出生\n"
                      "领队：马建军,,教练：韩国强,,,,,,,\n");
  std::vector<std::pair<Role, std::string>> people;
  for (const RosterRow& row : r.roster.rows) people.emplace_back(row.role, row.name);
  CHECK(people == std::vector<std::pair<Role, std::string>>{
                      {Role::leader, "马建军"}, {Role::player, "马龙"}, {Role::coach, "韩国强"}});
  REQUIRE(r.codes() == std::vector<std::string>{"roster_footer_rows"});
  CHECK(r.diags[0].args == std::vector<std::string>{"1", "4"});
}

TEST_CASE("a person after the footer began is still a person") {
  RosterOptions boys;
  boys.category = Category{'A', Sex::male};
  const Read r = read("姓名,性别,出生日期,身份证号,户籍所在地,户口类型,户籍迁入日期\n填表人：张三,,,,,,\n马龙,男,2009-03-05," +
                          k_boy + ",青海省,家庭户,出生\n",
                      "f.csv", boys);
  REQUIRE(r.roster.rows.size() == 1);
  CHECK(r.roster.rows[0].name == "马龙");
  CHECK(r.codes() == std::vector<std::string>{"roster_footer_rows"});
}

TEST_CASE("no birth-date or sex column: both from the ID number, and the row says so") {
  const Read r = read("参赛组别：乙组女子\n姓名,公民身份号码,户口所在地,户口性质,户籍迁入时间\n卓玛," + k_girl +
                      ",青海省,居民,2010-06-12\n拉毛,,青海省,居民,2010-06-12\n");
  REQUIRE(r.roster.rows.size() == 2);
  const RosterRow& a = r.roster.rows[0];
  CHECK(a.birth_date == std::optional<Date>(Date{2010, 6, 12}));
  CHECK(a.sex == Sex::female);
  CHECK(r.roster.notes_of(a).birth_from_id);
  CHECK(r.roster.notes_of(a).sex_from_id);
  CHECK(a.hukou_type == HukouType::family);
  // Without a usable ID there is nothing to read them from.
  const RosterRow& b = r.roster.rows[1];
  CHECK_FALSE(b.birth_date);
  const Rules rules = *preset("qinghai-youth-2025");
  const EligibilityReport rep = check_eligibility(r.roster, rules, {});
  CHECK(rep.rows[0].eligible);
  CHECK_FALSE(rep.rows[1].eligible);
}

TEST_CASE("dates: one possible reading is read; an ambiguous one the row's ID settles") {
  CHECK(parse_date("7/30/2025").date == Date{2025, 7, 30});
  CHECK(parse_date("13/12/2009").date == Date{2009, 12, 13});
  CHECK(parse_date("3/3/2009").date == Date{2009, 3, 3});
  CHECK(parse_date("3/5/2009").error == DateError::ambiguous);
  CHECK(parse_date("13/13/2009").error == DateError::invalid);
  CHECK(parse_date("09/3/5").error == DateError::ambiguous);
  const std::string head = "姓名,性别,出生日期,身份证号,户籍所在地,户口类型,户籍迁入日期\n";
  RosterOptions o;
  o.category = Category{'A', Sex::male};
  const Read settled = read(head + "马龙,男,3/5/2009," + k_boy + ",青海省,家庭户,出生\n", "f.csv", o);
  CHECK(settled.roster.rows.at(0).birth_date == std::optional<Date>(Date{2009, 3, 5}));
  CHECK(settled.roster.notes_of(settled.roster.rows[0]).birth_from_id);
  const Read month = read(head + "马龙,男,2009.03," + k_boy + ",青海省,家庭户,出生\n", "f.csv", o);
  CHECK(month.roster.rows.at(0).birth_date == std::optional<Date>(Date{2009, 3, 5}));
  // An ID born on another day settles nothing: the date stays ambiguous.
  const Read other = read(head + "马龙,男,3/6/2009," + k_boy + ",青海省,家庭户,出生\n", "f.csv", o);
  CHECK_FALSE(other.roster.rows.at(0).birth_date);
  REQUIRE_FALSE(other.roster.notes_of(other.roster.rows[0]).findings.empty());
  CHECK(other.roster.notes_of(other.roster.rows[0]).findings[0].reason == Reason::bad_birth_date);
}

TEST_CASE("shirt numbers as typed: 10号, 10.0, １０ are 10") {
  const std::string head = "姓名,性别,出生日期,身份证号,号码,户籍所在地,户口类型,户籍迁入日期\n";
  RosterOptions o;
  o.category = Category{'A', Sex::male};
  for (std::string_view cell : {"10", "10号", "10.0", "１０", "\"10 号\"", "No.10"}) {
    CAPTURE(cell);
    const Read r = read(head + "马龙,男,2009-03-05," + k_boy + "," + std::string(cell) + ",青海省,家庭户,出生\n", "f.csv", o);
    CHECK(r.roster.rows.at(0).shirt == 10);
    CHECK(r.roster.notes_of(r.roster.rows[0]).findings.empty());
  }
  const Read bad = read(head + "马龙,男,2009-03-05," + k_boy + ",10.5,青海省,家庭户,出生\n", "f.csv", o);
  CHECK(bad.roster.rows.at(0).shirt == -1);
  CHECK_FALSE(bad.roster.notes_of(bad.roster.rows[0]).findings.empty());
}

TEST_CASE("户口类型: the household's nature is a family household; only 集体 and 临时 exclude") {
  for (std::string_view t : {"农业", "非农业", "居民", "城镇", "居民家庭户", "家庭户", "农业家庭户口", "非农业户口",
                             "居民户口", "城镇居民", "农村"}) {
    CAPTURE(t);
    CHECK(parse_hukou_type(t) == HukouType::family);
  }
  CHECK(parse_hukou_type("集体户") == HukouType::collective);
  CHECK(parse_hukou_type("城镇集体户口") == HukouType::collective);
  CHECK(parse_hukou_type("临时户口") == HukouType::temporary);
  CHECK_FALSE(parse_hukou_type("不知道"));
}

TEST_CASE("a province cell that starts with 中国 is read past it") {
  CHECK(locate("中国青海省西宁市", "青海", {}) == Place::inside);
  CHECK(locate("中华人民共和国青海省", "青海", {}) == Place::inside);
  CHECK(locate("中国甘肃省兰州市", "青海", {}) == Place::outside);
  CHECK(locate("中国", "青海", {}) == Place::unclear);
}

TEST_CASE("the team from the file's name, or its folder's") {
  CHECK(team_from_file_name("附件2：海北州甲组男子报名表.csv") == "海北州");
  CHECK(team_from_file_name("rosters/2025年海东市乙组女子报名表（盖章）.csv") == "海东市");
  CHECK(team_from_file_name("西宁市-报名表-最终版.csv") == "西宁市");
  CHECK(team_from_file_name("x/海南州/报名表.csv") == "海南州");
  CHECK(team_from_file_name("报名表.csv") == "");
  CHECK(team_from_file_name("roster_utf8_lf.csv") == "roster_utf8_lf");
  CHECK(category_from_file_name("附件2：海北州甲组男子报名表.csv") == Category{'A', Sex::male});
  CHECK_FALSE(category_from_file_name("海北州.csv"));
}

TEST_CASE("two files from different folders never merge silently into one team") {
  const std::string text = "姓名,身份证号,户籍所在地,户口类型,户籍迁入日期\n马龙," + k_boy + ",青海省,家庭户,出生\n";
  Roster roster;
  std::vector<Diagnostic> diags;
  RosterOptions o;
  o.category = Category{'A', Sex::male};
  for (std::string_view path : {"a/海南州/报名表.csv", "b/海北州/报名表.csv", "c/海东市.csv", "d/海东市.csv",
                                "d/海东市甲组男子报名表.csv"}) {
    o.file_path = std::string(path);
    parse_roster(text, path, o, roster, diags);
  }
  CHECK(roster.teams == std::vector<std::string>{"海南州", "海北州", "海东市"});
  diags.clear();
  roster_name_clashes(roster, diags);
  // Each file of d/ against c/海东市.csv (d's two files, in one folder, would be one team).
  REQUIRE(diags.size() == 2);
  CHECK(diags[0].code == "roster_team_name_clash");
  CHECK(diags[0].source == "d/海东市.csv");
  CHECK(diags[0].args == std::vector<std::string>{"海东市", "c/海东市.csv"});
  CHECK(diags[1].source == "d/海东市甲组男子报名表.csv");
  std::vector<Diagnostic> one_folder;
  Roster same;
  for (std::string_view path : {"d/海东市.csv", "d/海东市甲组男子报名表.csv"}) {
    o.file_path = std::string(path);
    parse_roster(text, path, o, same, one_folder);
  }
  one_folder.clear();
  roster_name_clashes(same, one_folder);
  CHECK(one_folder.empty());
  // A team column or title decides, whatever the names.
  Roster titled;
  for (std::string_view path : {"a/报名表.csv", "b/报名表.csv"}) {
    o.file_path = std::string(path);
    parse_roster("代表队：玉树州\n" + text, path, o, titled, diags);
  }
  diags.clear();
  roster_name_clashes(titled, diags);
  CHECK(diags.empty());
  CHECK(titled.teams == std::vector<std::string>{"玉树州"});
}

TEST_CASE("results, adjustments, --teams and team lists find their header below a title") {
  const Rules rules = *preset("qinghai-youth-2025");
  Results res;
  std::vector<Diagnostic> diags;
  parse_results("2025年甲组男子A组成绩表,,,\n制表：竞赛部,,,\n主 队,比  分,客　队\n海北州,2:1,西宁市\n", "a.csv", rules, {},
                res, diags);
  REQUIRE(res.groups.size() == 1);
  CHECK(res.groups[0].matches.size() == 1);
  CHECK(res.groups[0].matches[0].line == 4);
  REQUIRE(diags.size() == 1);
  CHECK(diags[0].code == "header_found_at");
  CHECK(diags[0].line == 3);
  diags.clear();
  const auto adj = parse_adjustments("积分调整表\n球队,积分,原因\n海北州,-3,罚分\n审核：竞赛部,,\n", "adj.csv", diags);
  REQUIRE(adj.size() == 1);
  CHECK(adj[0].points == -3);
  REQUIRE(diags.size() == 2);  // the header's line, and the footer row: not an adjustment, not an error
  CHECK(diags[1].code == "form_footer_rows");
  CHECK(diags[1].args == std::vector<std::string>{"1", "4"});
  diags.clear();
  const auto docs = parse_team_documents("报名材料核对表,,\n代表队,报名表,盖章扫描件,APP报名,反兴奋剂承诺书,赛风赛纪责任书\n海北州,是,是,是,是,是\n",
                                         "t.csv", 0, diags);
  REQUIRE(docs.size() == 1);
  CHECK(docs[0].line == 3);
  diags.clear();
  const auto teams = parse_team_list("参赛队伍名单\n小组,队名\nA,海北州\n", "t.csv", diags);
  REQUIRE(teams.size() == 1);
  CHECK(teams[0].name == "海北州");
  CHECK(teams[0].line == 3);
}

TEST_CASE("every row of a messy form is accounted for: title, header, person, staff, footer or template row") {
  // Random forms from the pieces offices use; the rows read, the footer's and
  // template rows' counts and the title's rows add up to the non-blank rows.
  std::mt19937 rng(20261202);
  const std::vector<std::string> title = {"2025年报名表,,,,", "代表队：海北州,,参赛组别：甲组男子,,", "领队：马建军,,,,",
                                          "单位（盖章）：,海东市,,,", ",,,,"};
  const std::vector<std::string> footer = {"填表人：张三,,联系电话：139,,", "注：1.本表一式两份,,,,", "2.须与户口簿一致,,,,",
                                           ",,,2025年7月1日,", "领队,多杰,,,", "主教练：韩国强、李明,,,,", "审核：,,,,",
                                           ",,,,", "例,张三,男,2009-01-01," + k_boy, ",必填,必填,格式：2009-01-01,(必填)"};
  const std::vector<std::string> people = {"1,马龙,男,2009-03-05," + k_boy, "2,卓玛,," + std::string(",") + k_girl,
                                           "3,,,,", "4,张三,男,3/5/2009,", "5,\"李四\",女,2010-01-01,123"};
  for (int round = 0; round < 400; ++round) {
    std::string text;
    std::size_t nonblank = 0;
    const auto add = [&](const std::string& row) {
      text += row + "\n";
      nonblank += row.find_first_not_of(',') != std::string::npos;
    };
    for (int k = static_cast<int>(rng() % 4); k > 0; --k) add(title[rng() % title.size()]);
    add("序号,姓 名,性别,出生日期,公民身份号码,户籍所在地,户口类型,户籍迁入日期");
    for (int k = static_cast<int>(rng() % 5); k > 0; --k) add(people[rng() % people.size()] + ",青海省,家庭户,出生");
    for (int k = static_cast<int>(rng() % 5); k > 0; --k) add(footer[rng() % footer.size()]);
    CAPTURE(text);
    RosterOptions o;
    o.category = Category{'A', Sex::male};
    const Read r = read(text, "f.csv", o);
    REQUIRE_FALSE(has_errors(r.diags));
    std::size_t header_line = 0, counted = 0;
    for (const Diagnostic& d : r.diags) {
      if (d.code == "header_found_at") {
        header_line = d.line;
        counted += 1 + std::stoul(d.args[1]);
      } else if (d.code == "roster_footer_rows" || d.code == "roster_template_rows") {
        counted += std::stoul(d.args[0]);
      }
    }
    if (header_line == 0) {
      header_line = text.starts_with(",,,,\n") ? 2 : 1;
      counted += 1;
    }
    std::set<std::uint32_t> lines;
    for (const RosterRow& row : r.roster.rows) {
      if (row.line > header_line) lines.insert(row.line);
    }
    CHECK(counted + lines.size() == nonblank);
  }
}

TEST_CASE("table cells are cut with … in the table format, never in CSV or JSON") {
  using namespace matchday::cli;
  Sheet s;
  s.columns = {Column{"name", "Name"}, Column{"note", "Note"}};
  const std::string long_value(900, 'x');
  s.rows = {{long_value, "end"}, {"a\nb", "end"}};
  const std::string table = render_table({s}, {});
  CHECK(table.find(long_value) == std::string::npos);
  CHECK(table.find(std::string(79, 'x') + "…") != std::string::npos);
  CHECK(table.find("a b") != std::string::npos);  // a line break in a cell does not break the table
  for (std::size_t at = 0, nl; (nl = table.find('\n', at)) != std::string::npos; at = nl + 1) {
    CHECK(display_width(std::string_view(table).substr(at, nl - at)) <= 80 + 2 + 4);
  }
  CHECK(render_delimited({s}, ',', {}).find(long_value) != std::string::npos);
  CHECK(render_json({s}).find(long_value) != std::string::npos);
}

TEST_SUITE_END();
