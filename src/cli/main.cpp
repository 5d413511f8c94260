#include "main.hpp"

int main(int argc, char** argv) { return matchday::cli::main(argc, argv); }
