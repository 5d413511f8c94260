// Internal to the Windows platform layer: UTF-8 <-> UTF-16 for the wide API.
#pragma once

#include <string>
#include <string_view>

namespace matchday::platform {

std::wstring widen(std::string_view utf8);
std::string narrow(std::wstring_view utf16);

}  // namespace matchday::platform
