// A number field that keeps what was typed until it loses focus (Enter, Tab, a click elsewhere),
// whatever takes the focus: the caller re-reads its value from the document every frame, so without
// this the frame that deactivates the field (Tab) would see the old value and throw the typing away.
#pragma once
#include <imgui.h>

#include <optional>

namespace divlab::gui {

// What is being typed, and in which field (by ImGui id). One per editor: one field has focus at a time.
struct TypedValue {
  ImGuiID id = 0;
  double value = 0;
};

// An InputDouble `width` px wide showing `shown`. Returns the typed number, once, in the frame the field
// loses focus after an edit; nullopt otherwise (and for text that is not a finite number, or `shown` again).
std::optional<double> typed_double(const char* label, double shown, float width, std::optional<TypedValue>& typing,
                                   const char* format = "%.4g");

}  // namespace divlab::gui
