// An axis range that follows the data without jumping: while the user drags it holds still (the
// value↔pixel mapping is frozen for the whole drag), afterwards it eases toward the data's own range.
#pragma once
#include "plot/axes.hpp"

namespace divlab::gui {

struct AutoRange {
  plot::Range current{0, 1};
  bool initialised = false;
  // target: the range the data wants; holding: a drag is in progress; dt: seconds since last update.
  void update(plot::Range target, bool holding, float dt);
  // Jump straight to the target (new document, reset view).
  void snap(plot::Range target);
};

}  // namespace divlab::gui
