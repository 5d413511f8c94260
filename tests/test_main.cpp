#define DOCTEST_CONFIG_IMPLEMENT
#include <doctest/doctest.h>

#include <string>

#include "matchday/messages.hpp"

namespace {

// A catalogue template that asks for an argument the code did not give (or
// that is not a valid format string) fails the test that rendered it; a
// release build only shows the placeholder (messages.hpp).
void fail_on_message_fault(std::string_view templ, std::string_view reason) {
  const std::string what = "message template \"" + std::string(templ) + "\": " + std::string(reason);
  ADD_FAIL_CHECK_AT(__FILE__, __LINE__, what);
}

}  // namespace

int main(int argc, char** argv) {
  matchday::set_message_fault_handler(fail_on_message_fault);
  doctest::Context context(argc, argv);
  return context.run();
}
