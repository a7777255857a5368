#pragma once

#include <QString>

class QQmlApplicationEngine;

namespace cardlink::terminal {

// For headless checks (run.sh --check): waits for the loaded window's first
// frame, lets the event loop run `settleMs` more (reader and link state
// arrive), and saves the window as a PNG. False when there is no window, no
// frame within 20 s, or the file cannot be written.
bool saveFirstFrame(QQmlApplicationEngine& engine, const QString& path, int settleMs = 1500);

} // namespace cardlink::terminal
