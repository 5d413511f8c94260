// Writes a CSV file (bench/gen.cpp's results or roster) as an .xlsx workbook
// of one sheet, with libxlsxwriter in constant-memory mode (rows written as
// they come, strings inline): whole numbers as numbers, ISO dates as dates
// (a date style), everything else (names, ID numbers) as text.
//
//   xlsx_gen IN.csv OUT.xlsx
#include <xlsxwriter.h>

#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

namespace {

bool whole_number(const std::string& s) {
  if (s.empty() || s.size() > 9) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

bool iso_date(const std::string& s, lxw_datetime& d) {
  int y = 0, m = 0, day = 0;
  if (s.size() != 10 || std::sscanf(s.c_str(), "%4d-%2d-%2d", &y, &m, &day) != 3) return false;
  d = {y, m, day, 0, 0, 0};
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: xlsx_gen IN.csv OUT.xlsx\n");
    return 2;
  }
  std::ifstream in(argv[1], std::ios::binary);
  lxw_workbook_options options{};
  options.constant_memory = LXW_TRUE;
  options.use_zip64 = LXW_TRUE;
  lxw_workbook* wb = workbook_new_opt(argv[2], &options);
  if (!wb || !in) return 1;
  lxw_worksheet* ws = workbook_add_worksheet(wb, nullptr);
  lxw_format* date = workbook_add_format(wb);
  format_set_num_format(date, "yyyy-mm-dd");
  std::string line;
  lxw_row_t row = 0;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (row == 0 && line.rfind("\xEF\xBB\xBF", 0) == 0) line.erase(0, 3);
    lxw_col_t col = 0;
    std::size_t start = 0;
    while (true) {
      const std::size_t comma = line.find(',', start);
      const std::string cell = line.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
      lxw_datetime d;
      if (row > 0 && whole_number(cell)) {
        worksheet_write_number(ws, row, col, std::stod(cell), nullptr);
      } else if (row > 0 && iso_date(cell, d)) {
        worksheet_write_datetime(ws, row, col, &d, date);
      } else if (!cell.empty()) {
        worksheet_write_string(ws, row, col, cell.c_str(), nullptr);
      }
      if (comma == std::string::npos) break;
      start = comma + 1;
      ++col;
    }
    ++row;
  }
  return workbook_close(wb) == LXW_NO_ERROR ? 0 : 1;
}
