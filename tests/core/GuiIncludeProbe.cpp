// Must not compile under core's guard (core/CMakeLists.txt); core.gui_include_fails checks it.
#include <QtGui/QColor>
