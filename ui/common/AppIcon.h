#pragma once

#include <QIcon>

// The application icon, painted from the same shapes as resources/sandboxdesk.svg so that the
// window icon needs no SVG plugin at run time.
QIcon appIcon();
