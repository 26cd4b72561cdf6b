#pragma once

class QPlainTextEdit;

// The run window's streamed output (a command's, a job's, a package manager's): read-only,
// fixed-width, unwrapped, and bounded to the last 100 000 lines so that a chatty process
// cannot grow the window without end.
namespace OutputPane {

void setUp(QPlainTextEdit* output);

} // namespace OutputPane
