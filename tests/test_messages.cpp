#include <doctest/doctest.h>

#include <set>
#include <string>
#include <utility>
#include <vector>

#include "matchday/messages.hpp"

using namespace matchday;

TEST_SUITE_BEGIN("messages");

TEST_CASE("every message has a Chinese form, every code is unique") {
  std::set<std::string_view> seen;
  for (const MessageEntry& e : message_catalogue()) {
    CAPTURE(e.code);
    CHECK(seen.insert(e.code).second);
    CHECK_FALSE(e.en.empty());
    CHECK_FALSE(e.zh.empty());
  }
}

TEST_CASE("format_diagnostic") {
  Diagnostic d{Severity::error, "groupA.csv", 7, "home_goals", "x", "goals_not_count", {}};
  CHECK(format_diagnostic(d, Lang::en) ==
        "groupA.csv:7: home_goals \"x\": goals must be a whole number, 0 or more (no decimals, no text); correct the cell");
  CHECK(format_diagnostic(d, Lang::zh) ==
        "groupA.csv:7: home_goals \"x\": 进球数必须是不小于 0 的整数（不能有小数或文字）；请更正此单元格");
  Diagnostic w{Severity::warning, "f.csv", 3, "", "", "team_few_rows", {"F", "1", "3", "A"}};
  CHECK(format_diagnostic(w, Lang::en) ==
        "f.csv:3: warning: F appears in 1 row(s) of group A, while another team appears in 3: if it is another team's "
        "name typed differently, correct it");
}

namespace {

std::vector<std::pair<std::string, std::string>> g_faults;
void record_fault(std::string_view templ, std::string_view reason) {
  g_faults.emplace_back(templ, reason);
}

// Runs `f` with faults recorded in g_faults rather than failing the test.
template <class F>
void with_faults_recorded(F&& f) {
  g_faults.clear();
  const MessageFaultHandler before = set_message_fault_handler(record_fault);
  f();
  set_message_fault_handler(before);
}

}  // namespace

TEST_CASE("substitute: fmt's positional arguments, in any order, repeated") {
  const std::vector<std::string> args{"a", "b", "c"};
  CHECK(substitute("{0}-{1}-{2}", args) == "a-b-c");
  CHECK(substitute("{2} {0} {2}", args) == "c a c");
  CHECK(substitute("no placeholders", args) == "no placeholders");
  CHECK(substitute("{{literal}} {0}", args) == "{literal} a");
  CHECK(substitute("{0}", std::vector<std::string>{"{1} stays as typed"}) == "{1} stays as typed");
  CHECK(substitute("第 {1} 行：{0}", args) == "第 b 行：a");
}

TEST_CASE("substitute: a missing argument is a fault, shown as its placeholder, never \"\"") {
  std::string text;
  with_faults_recorded([&] { text = substitute("{0}-{1}-{2}", std::vector<std::string>{"a", "b"}); });
  CHECK(text == "a-b-{2}");
  REQUIRE(g_faults.size() == 1);
  CHECK(g_faults[0].first == "{0}-{1}-{2}");
  // Not a format string at all: the template as written, and a fault.
  with_faults_recorded([&] { text = substitute("a { b", std::vector<std::string>{}); });
  CHECK(text == "a { b");
  CHECK(g_faults.size() == 1);
  // Enough arguments: no fault.
  with_faults_recorded([&] { text = substitute("{0}", std::vector<std::string>{"x", "unused"}); });
  CHECK(text == "x");
  CHECK(g_faults.empty());
}

TEST_CASE("every template is a valid format string, and English and Chinese use the same placeholders") {
  const std::vector<std::string> ten{"0", "1", "2", "3", "4", "5", "6", "7", "8", "9"};
  for (const MessageEntry& e : message_catalogue()) {
    CAPTURE(e.code);
    CAPTURE(e.en);
    CAPTURE(e.zh);
    CHECK(placeholders(e.en) == placeholders(e.zh));
    // Renders without a fault (test_main fails the test on one): no stray brace.
    (void)substitute(e.en, ten);
    (void)substitute(e.zh, ten);
  }
}

TEST_CASE("placeholders") {
  CHECK(placeholders("none").empty());
  CHECK(placeholders("{1} and {0}, {1} again") == std::vector<int>{0, 1});
  CHECK(placeholders("{{0}} is literal, {2} is not") == std::vector<int>{2});
  CHECK(placeholders("{10}") == std::vector<int>{10});
}

TEST_CASE("a diagnostic owns its code: one made at run time does not dangle") {
  Diagnostic d;
  {
    std::string code = "goals_";
    code += "not_count";
    d = Diagnostic{Severity::error, "f.csv", 2, "", "", code, {}};
  }
  std::string clobber(64, 'x');  // reuse the freed memory
  CHECK(d.code == "goals_not_count");
  CHECK(message_text(d, Lang::en).starts_with("goals must be a whole number"));
}

TEST_SUITE_END();
