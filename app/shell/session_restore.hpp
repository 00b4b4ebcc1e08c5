// Getting the work of a session that ended in a crash, a kill -9 or a power cut back at the next
// start: restored into its lab (marked unsaved), or, when the autosave cannot be read, kept aside
// and said — never silently dropped and then overwritten by the next autosave.
#pragma once
#include <string>

#include "divlab/document/session_store.hpp"
#include "shell/lab.hpp"

namespace divlab::gui {

// Restores `lab`'s autosave from `store` if the last session did not end cleanly. Returns what
// happened in one sentence for the status bar (and stderr), or "" when there was nothing to restore.
std::string restore_session(SessionStore& store, Lab& lab);

}  // namespace divlab::gui
