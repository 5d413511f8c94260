// The process edge: environment, the run, writing stdout and stderr.
#pragma once

namespace matchday::cli {

int main(int argc, char** argv);

}  // namespace matchday::cli
