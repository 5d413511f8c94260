#include <doctest/doctest.h>

#include <set>

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
  Diagnostic w{Severity::warning, "f.csv", 3, "", "", "too_many_meetings", {"A", "B", "1"}};
  CHECK(format_diagnostic(w, Lang::en) ==
        "f.csv:3: warning: A and B meet more than 1 time(s) in this group; check for a row entered twice");
  CHECK(substitute("{0}-{1}-{2}", std::vector<std::string>{"a", "b"}) == "a-b-");
}

TEST_SUITE_END();
