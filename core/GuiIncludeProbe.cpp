// Must not compile: core/CMakeLists.txt forbids QtGui in core, and a test checks it does.
#include <QtGui/QColor>
